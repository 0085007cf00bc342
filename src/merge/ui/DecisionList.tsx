/**
 * Rows that need the person: "not sure" ones (a request left and no answer came: Send again, or It was sent, after
 * a look in Gmail's Sent folder; never resent by themselves), and rows Gmail refused, with its reason.
 */
import { gmailSentFolderLink } from '../../gmail/web-link.ts';
import { describeEntry } from '../../outbox/core/describe.ts';
import { entryText } from '../../outbox/ui/entry-notice.tsx';
import type { CampaignProps } from './props.ts';

const SHOWN = 50;

export function DecisionList(props: CampaignProps) {
  const { t, language, controller, state, host } = props;
  const rows = state.rows ?? [];
  const notSure = rows.filter((row) => row.state === 'not-sure');
  const failed = rows.filter((row) => row.state === 'failed');
  const now = Date.now();
  return (
    <>
      {notSure.length > 0 && (
        <div class="decisions">
          <h5>{t('merge.decide.title')}</h5>
          <p>{t('merge.decide.help')}</p>
          <p>
            <a
              class="button-link"
              href={gmailSentFolderLink(host.gmailWebRoot, state.record?.account)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('merge.decide.open-sent')}
            </a>
          </p>
          <ul class="decision-list">
            {notSure.slice(0, SHOWN).map((row) => (
              <li key={row.check.row}>
                <span>
                  {row.check.row}: {row.entry?.summary.to.join(', ')} — {row.entry?.summary.subject}
                </span>{' '}
                <button type="button" onClick={() => void controller.decide(row.check.row, 'send-again')}>
                  {t('merge.decide.again', { row: row.check.row })}
                </button>{' '}
                <button type="button" onClick={() => void controller.decide(row.check.row, 'was-sent')}>
                  {t('merge.decide.was-sent', { row: row.check.row })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failed.length > 0 && (
        <div class="failed-rows">
          <h5>{t('merge.failed.title')}</h5>
          <ul>
            {failed.slice(0, SHOWN).map((row) => (
              <li key={row.check.row}>
                {row.check.row}: {row.entry?.summary.to.join(', ')} —{' '}
                {row.entry ? entryText(t, language, describeEntry(row.entry, now)) : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
