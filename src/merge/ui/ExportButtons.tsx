/**
 * The results file (row, address, status, Gmail id, time, error), written by the import worker in the encoding the
 * list came in (Shift_JIS for Japanese Excel, with `?` counted for what it cannot hold) or as UTF-8 with a BOM.
 */
import { useState } from 'preact/hooks';
import { formatCount } from '../../i18n/format.ts';
import { resultLabels } from '../../text/merge.ts';
import { exportTarget, type ResultRow, resultRecords } from '../core/results.ts';
import { toRowEntryView } from '../entry-view.ts';
import { listImporter } from '../merge-services.ts';
import type { CampaignProps } from './props.ts';
import { rowReason } from './RowStatusTable.tsx';

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons(props: CampaignProps) {
  const { t, language, state } = props;
  const record = state.record!;
  const [unencodable, setUnencodable] = useState(0);
  const source = record.list?.source;
  if (!source || !state.rows) return null;
  const asList = exportTarget(source, 'as-list');
  const encodingName = t(`merge.encoding.${asList.encoding}`);
  const run = async (choice: 'as-list' | 'utf-8-bom') => {
    const target = exportTarget(source, choice);
    const rows: ResultRow[] = (state.rows ?? []).map((row) => {
      const result: ResultRow = { row: row.check.row, state: row.state, to: row.check.recipients.to };
      if (row.entry) result.entry = toRowEntryView(row.entry);
      const reason = rowReason(props, row);
      if (reason) result.error = reason;
      return result;
    });
    const file = await listImporter().exportResults(resultRecords(rows, resultLabels(language)), target);
    setUnencodable(file.unencodable);
    const base = record.name.replace(/\.[^.]+$/, '') || record.id;
    const type = target.delimiter === '\t' ? 'text/tab-separated-values' : 'text/csv';
    download(file.bytes, `${t('merge.export.filename')}-${base}.${target.extension}`, type);
  };
  const sameAsUtf8 = asList.encoding === 'utf-8' && asList.bom && asList.delimiter === ',';
  return (
    <div class="export">
      <h5>{t('merge.export.title')}</h5>
      <div class="actions">
        <button type="button" onClick={() => void run('as-list')}>
          {t('merge.export.as-list', { encoding: encodingName })}
        </button>
        {!sameAsUtf8 && (
          <button type="button" onClick={() => void run('utf-8-bom')}>
            {t('merge.export.utf8')}
          </button>
        )}
      </div>
      {unencodable > 0 && (
        <p class="warn-text" role="status">
          {t('merge.export.unencodable', { count: formatCount(unencodable, language), encoding: encodingName })}
        </p>
      )}
    </div>
  );
}
