/**
 * Step 4: the pace and the account's daily limit, what the run will take ("about 3 days at 2,000 a day"), rows
 * refused for Gmail's 100 recipients per message, List-Unsubscribe, what Gmail's bulk-sender rules ask of a large
 * list, and Start.
 */
import { formatCount } from '../../i18n/format.ts';
import { formatEstimate } from '../../text/merge.ts';
import { estimateRun, FASTEST_PACE } from '../core/pacing.ts';
import { type CampaignProps, withToken } from './props.ts';

const PACES = [FASTEST_PACE, 20, 6, 1] as const;

/** The offered pace nearest a stored one: a campaign saved when the fastest pace was 57 still shows as "Fastest". */
const offeredPace = (stored: number) =>
  PACES.reduce((best, pace) => (Math.abs(pace - stored) < Math.abs(best - stored) ? pace : best));
const LIMITS = [2000, 500, 100] as const;
/** A list this long gets Gmail's bulk-sender rules spelled out (they start at about 5,000 a day per domain). */
const BULK_NOTICE_ROWS = 1000;

export function SendSection(props: CampaignProps) {
  const { t, language, controller, state, host } = props;
  const record = state.record!;
  const summary = state.data.summary;
  const account = host.account();
  const ready = summary?.ready ?? 0;
  const readOnly = record.campaign.state !== 'draft';
  const { pacePerMinute, dailyLimit } = record.pacing;
  const subjectOk = record.followUp !== null || record.template.subject.trim() !== '';
  const canStart = !readOnly && account !== null && ready > 0 && state.data.compiled !== null && subjectOk;
  const estimate = estimateRun({ now: Date.now(), count: ready, pacePerMinute, dailyLimit, previous: [] });
  const setPacing = (change: Partial<typeof record.pacing>) =>
    void controller.updateRecord((current) => ({ ...current, pacing: { ...current.pacing, ...change } }), 0);
  return (
    <section class="merge-step" aria-labelledby="send-title">
      <h4 id="send-title">{t('merge.send.title')}</h4>
      <div class="field">
        <label for="merge-pace">{t('merge.send.pace')}</label>
        <select
          id="merge-pace"
          value={String(offeredPace(pacePerMinute))}
          disabled={readOnly}
          aria-describedby="merge-pace-help"
          onChange={(event) => setPacing({ pacePerMinute: Number(event.currentTarget.value) })}
        >
          {PACES.map((pace) => (
            <option key={pace} value={String(pace)}>
              {t(`merge.pace.${pace}`)}
            </option>
          ))}
        </select>
        <p id="merge-pace-help" class="muted small">
          {t('merge.send.pace.help')}
        </p>
      </div>
      <div class="field">
        <label for="merge-limit">{t('merge.send.limit')}</label>
        <select
          id="merge-limit"
          value={String(dailyLimit)}
          disabled={readOnly}
          aria-describedby="merge-limit-help"
          onChange={(event) => setPacing({ dailyLimit: Number(event.currentTarget.value) })}
        >
          {LIMITS.map((limit) => (
            <option key={limit} value={String(limit)}>
              {t(`merge.limit.${limit}`)}
            </option>
          ))}
          {!(LIMITS as readonly number[]).includes(dailyLimit) && (
            <option value={String(dailyLimit)}>{formatCount(dailyLimit, language)}</option>
          )}
        </select>
        <p id="merge-limit-help" class="muted small">
          {t('merge.send.limit.help')}
        </p>
      </div>
      {account && (
        <div class="field checkbox">
          <input
            id="merge-unsubscribe"
            type="checkbox"
            checked={record.unsubscribe !== null}
            disabled={readOnly}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void controller.updateRecord(
                (current) => ({
                  ...current,
                  unsubscribe: on ? { mailto: account, subject: t('merge.send.unsubscribe.subject') } : null,
                }),
                0,
              );
            }}
          />
          <label for="merge-unsubscribe">{t('merge.send.unsubscribe', { address: account })}</label>
        </div>
      )}
      {ready >= BULK_NOTICE_ROWS && <p class="notice-text">{t('merge.send.bulk')}</p>}
      <div class="send-summary" role="status">
        {ready > 0 && account && (
          <p>{t('merge.send.summary', { count: formatCount(ready, language), address: account })}</p>
        )}
        {(summary?.overRecipientLimit ?? 0) > 0 && (
          <p class="warn-text">
            {t('merge.send.refused', { count: formatCount(summary?.overRecipientLimit ?? 0, language) })}
          </p>
        )}
        {(summary?.leftOut ?? 0) > 0 && (
          <p class="warn-text">{t('merge.send.left-out', { count: formatCount(summary?.leftOut ?? 0, language) })}</p>
        )}
        {ready > 0 && (
          <p>
            {t('merge.send.estimate', { estimate: formatEstimate(estimate, language) })}{' '}
            {estimate.dailyStops > 0 ? t('merge.send.continues-daily') : t('merge.send.keep-open')}
          </p>
        )}
        {!account && <p class="warn-text">{t('merge.send.connect-first')}</p>}
        {account && ready === 0 && <p class="muted">{t('merge.send.nothing')}</p>}
      </div>
      <p>
        <button
          type="button"
          class="primary"
          disabled={!canStart}
          onClick={() => withToken(host, () => void controller.start())}
        >
          {t('merge.send.start')}
        </button>
      </p>
    </section>
  );
}
