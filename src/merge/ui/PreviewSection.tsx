/**
 * Step 3: the exact subject and body each person gets, one row at a time (← and →), whether the row will be sent,
 * and "send a test to me": the shown row's message, to the connected account's own address.
 */
import { formatCount } from '../../i18n/format.ts';
import type { Mailbox } from '../../mail/types.ts';
import { renderRow } from '../core/placeholders.ts';
import { cellText } from '../core/recipients.ts';
import { rowIssues } from './ListTable.tsx';
import { type CampaignProps, withToken } from './props.ts';

const shown = (mailboxes: readonly Mailbox[]) =>
  mailboxes.map((mailbox) => (mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address)).join(', ');

function TestStatus(props: CampaignProps) {
  const { t, state } = props;
  const entry = state.testEntry;
  const address = entry?.summary.to[0] ?? '';
  if (!entry) return null;
  let text: string;
  if (entry.state === 'sent') text = t('merge.test.sent', { address });
  else if (entry.state === 'failed' || entry.state === 'cancelled')
    text = t('merge.test.not-sent', { detail: entry.problem?.message ?? entry.problem?.code ?? entry.state });
  else if (entry.state === 'not-sure') text = t('merge.status.not-sure');
  else text = t('merge.test.sending');
  return (
    <p role="status" class={entry.state === 'sent' ? 'ok-text' : entry.state === 'queued' ? 'muted' : 'warn-text'}>
      {text}
    </p>
  );
}

export function PreviewSection(props: CampaignProps & { row: number | null; onRow: (row: number) => void }) {
  const { t, language, controller, state, host } = props;
  const record = state.record!;
  const rows = state.rows ?? [];
  const compiled = state.data.compiled;
  const found = props.row === null ? -1 : rows.findIndex((row) => row.check.row === props.row);
  const index = Math.max(0, found);
  const current = rows[index];
  const account = host.account();
  const step = (by: number) => {
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + by))];
    if (next) props.onRow(next.check.row);
  };
  const listRow = current ? state.data.listRow(current.check.row) : undefined;
  const message =
    compiled && listRow ? renderRow(compiled, (column) => cellText(listRow, column, record.settings)) : null;
  const thread = current ? record.followUp?.threads.find((each) => each.row === current.check.row) : undefined;
  const attachments = [...state.files.common, ...(current?.check.files ?? [])];
  const testable =
    record.campaign.state === 'draft' &&
    message !== null &&
    (record.followUp !== null || record.template.subject.trim() !== '');
  return (
    <section class="merge-step" aria-labelledby="preview-title">
      <h4 id="preview-title">{t('merge.preview.title')}</h4>
      {!current || !message ? (
        <p class="muted">{t('merge.preview.none')}</p>
      ) : (
        <>
          <div class="preview-nav">
            <button type="button" onClick={() => step(-1)} disabled={index === 0} aria-controls="preview">
              <span aria-hidden="true">← </span>
              {t('merge.preview.previous')}
            </button>
            <span aria-live="polite">
              {t('merge.preview.row', {
                row: current.check.row,
                index: formatCount(index + 1, language),
                total: formatCount(rows.length, language),
              })}
            </span>
            <button type="button" onClick={() => step(1)} disabled={index >= rows.length - 1} aria-controls="preview">
              {t('merge.preview.next')}
              <span aria-hidden="true"> →</span>
            </button>
          </div>
          <p class="muted small">{t('merge.preview.help')}</p>
          {/* The keys step through the rows wherever focus is inside the preview. */}
          <section
            id="preview"
            class="preview"
            aria-label={t('merge.preview.region')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview takes focus so ← and → step through rows.
            tabIndex={0}
            onKeyDown={(event) => {
              if (event.key === 'ArrowLeft') step(-1);
              else if (event.key === 'ArrowRight') step(1);
              else return;
              event.preventDefault();
            }}
          >
            <dl class="preview-headers">
              <dt>{t('compose.to')}</dt>
              <dd>{shown(current.check.recipients.to)}</dd>
              {current.check.recipients.cc.length > 0 && (
                <>
                  <dt>{t('compose.cc')}</dt>
                  <dd>{shown(current.check.recipients.cc)}</dd>
                </>
              )}
              {current.check.recipients.bcc.length > 0 && (
                <>
                  <dt>{t('compose.bcc')}</dt>
                  <dd>{shown(current.check.recipients.bcc)}</dd>
                </>
              )}
              <dt>{t('compose.subject')}</dt>
              <dd class="preview-subject">{thread ? thread.subject : message.subject}</dd>
              {attachments.length > 0 && (
                <>
                  <dt>{t('merge.preview.attachments')}</dt>
                  <dd>{attachments.map((file) => file.name).join(', ')}</dd>
                </>
              )}
            </dl>
            <pre class="preview-body">{message.text}</pre>
            {current.check.status === 'excluded' && <p class="warn-text">{t('merge.preview.excluded')}</p>}
            {current.check.status === 'left-out' && (
              <div class="warn-text">
                <p>{t('merge.preview.left-out')}</p>
                <ul>
                  {rowIssues(props, current).map((issue, i) => (
                    <li key={i}>{issue}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </>
      )}
      <div class="test-send">
        {account ? (
          <button
            type="button"
            disabled={!testable || !current}
            onClick={() => {
              const row = current?.check.row;
              if (row !== undefined) withToken(host, () => void controller.sendTest(row));
            }}
          >
            {t('merge.test.send', { address: account })}
          </button>
        ) : (
          <p class="muted">{t('merge.test.connect')}</p>
        )}
        <TestStatus {...props} />
      </div>
    </section>
  );
}
