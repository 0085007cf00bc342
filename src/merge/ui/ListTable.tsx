/**
 * The list's rows a page at a time (a 10,000-row list is never drawn at once): each row's cells, whether it will
 * be sent or why not, and what the person can do about it: exclude it (or include it again), correct its cells,
 * or send a repeated address anyway.
 */
import { useMemo, useState } from 'preact/hooks';
import { formatRowProblem } from '../../text/merge.ts';
import type { RowView } from '../campaign-view.ts';
import { cellText } from '../core/recipients.ts';
import type { CampaignProps } from './props.ts';
import { Pager, ScrollRegion, usePage } from './shared.tsx';

type Filter = 'all' | 'problems' | 'excluded';

function RowEditor(props: CampaignProps & { row: RowView; onDone: () => void }) {
  const { t, controller, state, row, onDone } = props;
  const record = state.record!;
  const headers = record.list?.headers ?? [];
  const listRow = state.data.listRow(row.check.row);
  const [values, setValues] = useState(() =>
    headers.map((_, column) => (listRow ? cellText(listRow, column, record.settings) : '')),
  );
  const save = () => {
    if (!listRow) return onDone();
    const changed: Record<number, string> = {};
    values.forEach((value, column) => {
      if (value !== (listRow.cells[column] ?? '')) changed[column] = value;
    });
    void controller.updateSettings((settings) => {
      const edits = { ...settings.edits };
      if (Object.keys(changed).length > 0) edits[listRow.row] = changed;
      else delete edits[listRow.row];
      return { ...settings, edits };
    });
    onDone();
  };
  return (
    <form
      class="row-editor"
      aria-label={t('merge.row.editing', { row: row.check.row })}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {headers.map((header, column) => (
        <div class="field" key={column}>
          <label for={`edit-${row.check.row}-${column}`}>{header || `#${column + 1}`}</label>
          <input
            id={`edit-${row.check.row}-${column}`}
            type="text"
            value={values[column]}
            onInput={(event) => {
              const next = [...values];
              next[column] = event.currentTarget.value;
              setValues(next);
            }}
          />
        </div>
      ))}
      <div class="actions">
        <button type="submit" class="primary">
          {t('merge.row.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('merge.row.cancel-edit')}
        </button>
      </div>
    </form>
  );
}

export function rowIssues(props: CampaignProps, row: RowView): string[] {
  const issues = row.check.issues.map((issue) => formatRowProblem(issue, props.language));
  if (row.buildFailure) issues.push(props.t('merge.row.build-failed', { detail: row.buildFailure }));
  return issues;
}

export function ListTable(props: CampaignProps) {
  const { t, controller, state } = props;
  const record = state.record!;
  const headers = record.list?.headers ?? [];
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<number | null>(null);
  const rows = state.rows ?? [];
  const filtered = useMemo(
    () =>
      filter === 'all'
        ? rows
        : rows.filter((row) => row.check.status === (filter === 'problems' ? 'left-out' : 'excluded')),
    [rows, filter],
  );
  const { page, setPage, shown } = usePage(filtered);
  const readOnly = record.campaign.state !== 'draft';
  const toggleExcluded = (row: number, exclude: boolean) =>
    void controller.updateSettings((settings) => ({
      ...settings,
      excluded: exclude ? [...settings.excluded, row] : settings.excluded.filter((each) => each !== row),
    }));
  return (
    <div class="list-table">
      <div class="field inline">
        <label for="list-filter">{t('merge.table.filter')}</label>
        <select id="list-filter" value={filter} onChange={(event) => setFilter(event.currentTarget.value as Filter)}>
          <option value="all">{t('merge.table.filter.all')}</option>
          <option value="problems">{t('merge.table.filter.problems')}</option>
          <option value="excluded">{t('merge.table.filter.excluded')}</option>
        </select>
      </div>
      <ScrollRegion labelledBy="list-table-caption">
        <table class="merge-table" id="list-table">
          <caption id="list-table-caption">{t('merge.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('merge.table.row')}</th>
              {headers.map((header, column) => (
                <th scope="col" key={column}>
                  {header || `#${column + 1}`}
                </th>
              ))}
              <th scope="col">{t('merge.table.status')}</th>
              <th scope="col">{t('merge.table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={headers.length + 3}>{t('merge.table.none')}</td>
              </tr>
            )}
            {shown.map((row) => {
              const number = row.check.row;
              const listRow = state.data.listRow(number);
              const edited = record.settings.edits[number];
              const excluded = row.check.status === 'excluded';
              const issues = rowIssues(props, row);
              return [
                <tr key={number} class={`status-${row.check.status}`}>
                  <th scope="row">{number}</th>
                  {headers.map((_, column) => (
                    <td key={column} class={edited?.[column] !== undefined ? 'edited' : undefined}>
                      {listRow ? cellText(listRow, column, record.settings) : ''}
                      {edited?.[column] !== undefined && <span class="tag">{t('merge.row.edited')}</span>}
                    </td>
                  ))}
                  <td>
                    {excluded ? (
                      t('merge.status.excluded')
                    ) : issues.length > 0 ? (
                      <ul class="issues">
                        {issues.map((issue, index) => (
                          <li key={index}>{issue}</li>
                        ))}
                      </ul>
                    ) : (
                      t('merge.row.will-send')
                    )}
                  </td>
                  <td class="row-actions">
                    <button type="button" disabled={readOnly} onClick={() => toggleExcluded(number, !excluded)}>
                      {t(excluded ? 'merge.row.include' : 'merge.row.exclude', { row: number })}
                    </button>
                    <button type="button" disabled={readOnly} onClick={() => setEditing(number)}>
                      {t('merge.row.edit', { row: number })}
                    </button>
                    {row.check.issues.some((issue) => issue.code === 'duplicate') && (
                      <button
                        type="button"
                        disabled={readOnly}
                        onClick={() =>
                          void controller.updateSettings((settings) => ({
                            ...settings,
                            keepDuplicates: [...settings.keepDuplicates, number],
                          }))
                        }
                      >
                        {t('merge.row.keep-duplicate', { row: number })}
                      </button>
                    )}
                  </td>
                </tr>,
                editing === number && (
                  <tr key={`${number}-edit`}>
                    <td colSpan={headers.length + 3}>
                      <RowEditor {...props} row={row} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <Pager t={t} page={page} total={filtered.length} onPage={setPage} id="list-table" />
    </div>
  );
}
