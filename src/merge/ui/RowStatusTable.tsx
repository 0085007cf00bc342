/** Each row of a started campaign, a page at a time: its address, its state (and why), when it went, a Gmail link. */
import { useMemo, useState } from 'preact/hooks';
import { gmailWebLink } from '../../gmail/web-link.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { describeEntry } from '../../outbox/core/describe.ts';
import { entryText } from '../../outbox/ui/entry-notice.tsx';
import { type RowView, shownRowState } from '../campaign-view.ts';
import type { RowState } from '../core/entries.ts';
import { rowIssues } from './ListTable.tsx';
import type { CampaignProps } from './props.ts';
import { Pager, ScrollRegion, usePage } from './shared.tsx';

type Filter = 'all' | 'sent' | 'attention' | 'remaining';

const ATTENTION: ReadonlySet<RowState> = new Set(['failed', 'not-sure', 'left-out']);
const REMAINING: ReadonlySet<RowState> = new Set(['pending', 'held', 'queued', 'waiting', 'sending']);

const matches = (filter: Filter, row: RowView) =>
  filter === 'all' ||
  (filter === 'sent' && row.state === 'sent') ||
  (filter === 'attention' && ATTENTION.has(row.state)) ||
  (filter === 'remaining' && REMAINING.has(row.state));

/** Why a row is as it is, in the user's words: the row's own problems, or Gmail's answer. */
export function rowReason(props: CampaignProps, row: RowView): string {
  if (row.state === 'left-out') return rowIssues(props, row).join(' ');
  if ((row.state === 'failed' || row.state === 'waiting') && row.entry)
    return entryText(props.t, props.language, describeEntry(row.entry, Date.now()));
  return '';
}

export function RowStatusTable(props: CampaignProps) {
  const { t, language, state, host } = props;
  const [filter, setFilter] = useState<Filter>('all');
  const rows = state.rows ?? [];
  const filtered = useMemo(() => rows.filter((row) => matches(filter, row)), [rows, filter]);
  const { page, setPage, shown } = usePage(filtered);
  const account = state.record?.account ?? null;
  return (
    <div class="row-status">
      <h5 id="rows-title">{t('merge.rows.title')}</h5>
      <div class="field inline">
        <label for="rows-filter">{t('merge.table.filter')}</label>
        <select id="rows-filter" value={filter} onChange={(event) => setFilter(event.currentTarget.value as Filter)}>
          <option value="all">{t('merge.table.filter.all')}</option>
          <option value="sent">{t('merge.table.filter.sent')}</option>
          <option value="attention">{t('merge.table.filter.attention')}</option>
          <option value="remaining">{t('merge.table.filter.remaining')}</option>
        </select>
      </div>
      <ScrollRegion labelledBy="rows-title">
        <table class="merge-table" id="rows-table">
          <thead>
            <tr>
              <th scope="col">{t('merge.export.row')}</th>
              <th scope="col">{t('merge.export.address')}</th>
              <th scope="col">{t('merge.export.status')}</th>
              <th scope="col">{t('merge.export.time')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('merge.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={5}>{t('merge.table.none')}</td>
              </tr>
            )}
            {shown.map((row) => {
              const sentAt = row.entry?.result?.sentAt;
              const gmailId = row.entry?.result?.gmailId;
              const reason = rowReason(props, row);
              return (
                <tr key={row.check.row} class={`state-${row.state}`}>
                  <th scope="row">{row.check.row}</th>
                  <td>{row.check.recipients.to.map((mailbox) => mailbox.address).join(', ')}</td>
                  <td>
                    {t(`merge.status.${shownRowState(row.state, state.record?.campaign.state)}`)}
                    {reason && <span class="reason small">{reason}</span>}
                  </td>
                  <td>{sentAt ? formatDateTime(sentAt, language) : ''}</td>
                  <td>
                    {gmailId && (
                      <a
                        href={gmailWebLink(host.gmailWebRoot, account, gmailId)}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        {t('merge.rows.open', { row: row.check.row })}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <Pager t={t} page={page} total={filtered.length} onPage={setPage} id="rows-table" />
    </div>
  );
}
