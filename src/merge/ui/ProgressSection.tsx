/**
 * A started campaign: what it is doing (sending from this tab or another, paused, waiting for a limit and until
 * when, waiting for the person), the progress bar with sent, failed, not sure, remaining and the time left,
 * Pause / Resume / Cancel, the rows that need a decision, each row's state, and the results file.
 */
import { formatCount, formatDateTime } from '../../i18n/format.ts';
import { formatContinuesAfter, formatEstimate } from '../../text/merge.ts';
import { DecisionList } from './DecisionList.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { type CampaignProps, withToken } from './props.ts';
import { RowStatusTable } from './RowStatusTable.tsx';

const HOUR = 3_600_000;

function timeLeftText(props: CampaignProps, ms: number): string {
  const { language } = props;
  const days = Math.max(1, Math.ceil(ms / (24 * HOUR)));
  const estimate = { endsAt: 0, durationMs: ms, dailyStops: 0, continuesAfter: null, dailyLimit: 0, days };
  return formatEstimate(estimate, language);
}

function StatusLine(props: CampaignProps) {
  const { t, language, state } = props;
  const record = state.record!;
  const { campaign } = record;
  const notSure = state.progress?.notSure ?? 0;
  switch (campaign.state) {
    case 'running':
      return <p>{t(state.runner === 'elsewhere' ? 'merge.progress.elsewhere' : 'merge.progress.here')}</p>;
    case 'waiting': {
      const continues = formatContinuesAfter(campaign.until ?? Date.now(), language);
      // Gmail's own wait: a row it refused for now, or one the outbox was waiting out for Gmail when the campaign held
      // it (a held entry keeps its wait reason), so the wait is not mistaken for the campaign's own daily limit.
      const byGmail =
        state.rows?.some(
          (row) =>
            row.state === 'waiting' ||
            (row.state === 'held' && row.entry?.waitReason !== undefined && row.entry.waitReason !== 'pacing'),
        ) ?? false;
      return (
        <p class="warn-text">
          {t(byGmail ? 'merge.progress.waiting.gmail' : 'merge.progress.waiting.own', { continues })}
        </p>
      );
    }
    case 'paused':
      return <p class="warn-text">{t('merge.progress.paused')}</p>;
    case 'needs-decision':
      return <p class="warn-text">{t('merge.progress.needs-decision', { count: formatCount(notSure, language) })}</p>;
    case 'finished':
      return <p class="ok-text">{t('merge.progress.finished')}</p>;
    case 'cancelled':
      return <p>{t('merge.progress.cancelled')}</p>;
    default:
      return null;
  }
}

export function ProgressSection(props: CampaignProps) {
  const { t, language, controller, state, host } = props;
  const record = state.record!;
  const { campaign } = record;
  const progress = state.progress;
  const account = host.account();
  const otherAccount = account && record.account && account.toLowerCase() !== record.account.toLowerCase();
  const count = (n: number) => formatCount(n, language);
  const toSend = progress ? progress.total - progress.skipped : 0;
  const active = campaign.state !== 'finished' && campaign.state !== 'cancelled';
  return (
    <section class="merge-step" aria-labelledby="progress-title">
      <h4 id="progress-title">{t('merge.progress.title')}</h4>
      <div role="status">
        <StatusLine {...props} />
      </div>
      {otherAccount && active && (
        <p class="warn-text">
          {t('merge.progress.other-account', { campaign: record.account ?? '', tab: account ?? '' })}
        </p>
      )}
      {state.waitingForConnection && active && (
        <div class="connect-notice">
          <p>{t('merge.progress.connect')}</p>
          <button type="button" class="primary" onClick={() => withToken(host, () => host.outbox.kick())}>
            {t('merge.progress.connect.button')}
          </button>
        </div>
      )}
      {progress ? (
        <div class="progress">
          <label for="merge-progress">{t('merge.progress.label')}</label>
          <progress id="merge-progress" max={Math.max(1, toSend)} value={progress.sent} />
          <p class="progress-counts">
            {t('merge.progress.counts', {
              sent: count(progress.sent),
              failed: count(progress.failed),
              notSure: count(progress.notSure),
              remaining: count(progress.remaining),
            })}
            {active && state.timeLeftMs !== null && state.timeLeftMs > 0 && (
              <> · {t('merge.progress.time-left', { estimate: timeLeftText(props, state.timeLeftMs) })}</>
            )}
          </p>
          {record.startedAt !== null && <p class="muted small">{formatDateTime(record.startedAt, language)}</p>}
        </div>
      ) : (
        <p class="muted">{t('merge.loading')}</p>
      )}
      {active && (
        <div class="actions">
          {(campaign.state === 'running' || campaign.state === 'waiting') && (
            <button type="button" onClick={() => void controller.command({ type: 'pause' })}>
              {t('merge.control.pause')}
            </button>
          )}
          {campaign.state === 'paused' && (
            <button
              type="button"
              class="primary"
              onClick={() => withToken(host, () => void controller.command({ type: 'resume' }))}
            >
              {t('merge.control.resume')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              if (confirm(t('merge.control.cancel.confirm'))) void controller.command({ type: 'cancel' });
            }}
          >
            {t('merge.control.cancel')}
          </button>
        </div>
      )}
      <DecisionList {...props} />
      <RowStatusTable {...props} />
      <ExportButtons {...props} />
    </section>
  );
}
