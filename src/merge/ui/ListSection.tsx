/** Step 1: the list, from a file (picker or drop) or pasted cells; its encoding, columns and problems. */
import { useState } from 'preact/hooks';
import { formatCount } from '../../i18n/format.ts';
import { formatImportProblem } from '../../text/merge.ts';
import type { ColumnRole } from '../core/columns.ts';
import { listEncodings } from '../core/encoding.ts';
import { ListTable } from './ListTable.tsx';
import type { CampaignProps } from './props.ts';
import { DropArea, FilePicker } from './shared.tsx';

const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';
const ROLES: readonly ColumnRole[] = ['to', 'name', 'cc', 'bcc'];

function ColumnSelect(props: {
  id: string;
  label: string;
  headers: readonly string[];
  value: number | null;
  disabled: boolean;
  noneLabel: string;
  onChange: (column: number | null) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value === null ? '' : String(props.value)}
        disabled={props.disabled}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onChange(value === '' ? null : Number(value));
        }}
      >
        <option value="">{props.noneLabel}</option>
        {props.headers.map((header, column) => (
          <option key={column} value={String(column)}>
            {header || `#${column + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ListSection(props: CampaignProps) {
  const { t, language, controller, state } = props;
  const { files, data, importing } = state;
  const record = state.record!;
  const [pasted, setPasted] = useState('');
  const readOnly = record.campaign.state !== 'draft';
  if (record.followUp) {
    return (
      <section class="merge-step" aria-labelledby="list-title">
        <h4 id="list-title">{t('merge.list.title')}</h4>
        <p>
          {t('merge.follow-up.list', {
            name: record.followUp.parentName,
            count: formatCount(record.followUp.threads.length, language),
          })}
        </p>
      </section>
    );
  }
  const importFiles = (chosen: File[]) => {
    const file = chosen[0];
    if (file && !readOnly) void controller.importList({ kind: 'file', name: file.name, blob: file, encoding: 'auto' });
  };
  const usePaste = (text: string) => {
    if (text.trim() && !readOnly) void controller.importList({ kind: 'paste', text });
  };
  const list = record.list;
  const source = files.source;
  const detected = list?.source.detected;
  const headers = list?.headers ?? [];
  const summary = data.summary;
  return (
    <DropArea class="merge-step" labelledBy="list-title" onFiles={importFiles}>
      <h4 id="list-title">{t('merge.list.title')}</h4>
      <p class="muted small">{t('merge.list.help')}</p>
      <div class="import-row">
        <FilePicker
          id="list-file"
          label={t('merge.list.file')}
          accept={ACCEPT}
          disabled={readOnly || importing}
          onFiles={importFiles}
        />
        <span class="muted">{t('merge.list.drop')}</span>
      </div>
      <div class="field">
        <label for="list-paste">{t('merge.list.paste')}</label>
        <textarea
          id="list-paste"
          rows={3}
          value={pasted}
          readOnly={readOnly}
          onInput={(event) => setPasted(event.currentTarget.value)}
          onPaste={(event) => {
            const text = event.clipboardData?.getData('text/plain') ?? '';
            if (!text.trim()) return;
            event.preventDefault();
            setPasted(text);
            usePaste(text);
          }}
        />
        <p>
          <button type="button" disabled={readOnly || !pasted.trim()} onClick={() => usePaste(pasted)}>
            {t('merge.list.paste.use')}
          </button>
        </p>
      </div>
      <p role="status" class="muted">
        {importing ? t('merge.list.importing') : ''}
      </p>
      {data.importError !== null && (
        <p class="error-text" role="alert">
          {t('merge.list.import-failed', { detail: String(data.importError) })}
        </p>
      )}
      {list && (
        <div class="list-details">
          <p class="list-summary">
            <strong>{t('merge.list.summary', { name: record.name, rows: formatCount(list.rows, language) })}</strong>
          </p>
          {source?.kind === 'file' && (
            <div class="field">
              <label for="list-encoding">{t('merge.list.encoding')}</label>
              <select
                id="list-encoding"
                value={source.encoding}
                disabled={readOnly || importing}
                onChange={(event) => void controller.setEncoding(event.currentTarget.value as typeof source.encoding)}
              >
                <option value="auto">
                  {t('merge.list.encoding.auto', {
                    encoding: t(`merge.encoding.${detected?.encoding ?? list.source.encoding ?? 'utf-8'}`),
                  })}
                </option>
                {listEncodings.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {t(`merge.encoding.${encoding}`)}
                  </option>
                ))}
              </select>
              {list.source.encoding && (
                <p class="muted small">
                  {detected
                    ? t('merge.list.read-as', {
                        encoding: t(`merge.encoding.${list.source.encoding}`),
                        reason: t(`merge.detected.${detected.reason}`),
                      })
                    : t(`merge.encoding.${list.source.encoding}`)}
                </p>
              )}
            </div>
          )}
          {(data.list?.problems.length ?? 0) > 0 && (
            <ul class="problems">
              {data.list?.problems.map((problem, index) => (
                <li key={index} class="warn-text">
                  {formatImportProblem(problem, headers, language)}
                </li>
              ))}
            </ul>
          )}
          <fieldset class="columns">
            <legend>{t('merge.columns.title')}</legend>
            {ROLES.map((role) => (
              <ColumnSelect
                key={role}
                id={`column-${role}`}
                label={t(`merge.columns.${role}`)}
                headers={headers}
                value={record.settings.columns[role]}
                disabled={readOnly}
                noneLabel={t('merge.columns.none')}
                onChange={(column) =>
                  void controller.updateSettings((settings) => ({
                    ...settings,
                    columns: { ...settings.columns, [role]: column },
                  }))
                }
              />
            ))}
            <ColumnSelect
              id="column-attachment"
              label={t('merge.columns.attachment')}
              headers={headers}
              value={record.attachmentColumn}
              disabled={readOnly}
              noneLabel={t('merge.columns.none')}
              onChange={(column) =>
                void controller.updateRecord((current) => ({ ...current, attachmentColumn: column }), 0)
              }
            />
          </fieldset>
          {record.settings.columns.to === null && <p class="error-text">{t('merge.columns.to.missing')}</p>}
          {summary && (
            <p class="row-counts" role="status">
              {t('merge.rows.counts', {
                ready: formatCount(summary.ready, language),
                leftOut: formatCount(summary.leftOut, language),
                excluded: formatCount(summary.excluded, language),
              })}
            </p>
          )}
          <ListTable {...props} />
        </div>
      )}
    </DropArea>
  );
}
