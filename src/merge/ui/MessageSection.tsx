/**
 * Step 2: the subject and body with placeholder chips from the list's columns, the template's problems, and the
 * attachments: for everyone, and the files that rows name in their attachment column.
 */
import { useRef, useState } from 'preact/hooks';
import { formatBytes } from '../../i18n/format.ts';
import { formatTemplateProblem } from '../../text/merge.ts';
import type { CampaignFile } from '../campaign-record.ts';
import type { MergeTemplate } from '../core/placeholders.ts';
import type { CampaignProps } from './props.ts';
import { FilePicker } from './shared.tsx';

const asFiles = (files: readonly File[]): CampaignFile[] =>
  files.map((file) => ({ id: crypto.randomUUID(), name: file.name, type: file.type, size: file.size, blob: file }));

function FileList(props: CampaignProps & { kind: 'common' | 'pool'; readOnly: boolean }) {
  const { t, language, controller, state, kind, readOnly } = props;
  const files = state.files[kind];
  return (
    <div class="file-group">
      <h5 id={`files-${kind}`}>{t(kind === 'common' ? 'merge.files.common' : 'merge.files.pool')}</h5>
      {files.length === 0 ? (
        <p class="muted">{t('merge.files.none')}</p>
      ) : (
        <ul class="file-list" aria-labelledby={`files-${kind}`}>
          {files.map((file) => (
            <li key={file.id}>
              <span class="file-name">{file.name}</span> <span class="muted">{formatBytes(file.size, language)}</span>{' '}
              <button
                type="button"
                class="link-button"
                disabled={readOnly}
                onClick={() => void controller.changeFiles(kind, (list) => list.filter((each) => each.id !== file.id))}
              >
                {t('merge.files.remove', { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FilePicker
        id={`add-${kind}`}
        multiple
        disabled={readOnly}
        label={t(kind === 'common' ? 'merge.files.add-common' : 'merge.files.add-pool')}
        onFiles={(chosen) => void controller.changeFiles(kind, (list) => [...list, ...asFiles(chosen)])}
      />
    </div>
  );
}

export function MessageSection(props: CampaignProps) {
  const { t, language, controller, state } = props;
  const record = state.record!;
  const readOnly = record.campaign.state !== 'draft';
  const [template, setTemplate] = useState<MergeTemplate>(record.template);
  const subject = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'text'>('text');
  const headers = record.list?.headers ?? [];
  const followUp = record.followUp !== null;

  const change = (next: MergeTemplate) => {
    setTemplate(next);
    void controller.updateRecord((current) => ({ ...current, template: next }));
  };
  const insert = (name: string) => {
    const field = followUp ? 'text' : lastField.current;
    const element = field === 'subject' ? subject.current : body.current;
    const value = template[field];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const chip = `{{${name}}}`;
    change({ ...template, [field]: value.slice(0, start) + chip + value.slice(end) });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + chip.length, start + chip.length);
    });
  };
  const problems = state.data.templateProblems;
  return (
    <section class="merge-step" aria-labelledby="message-title">
      <h4 id="message-title">{t('merge.message.title')}</h4>
      {headers.length > 0 && (
        <fieldset class="placeholders">
          <legend>{t('merge.message.placeholders')}</legend>
          <div class="chips">
            {headers
              .filter((header) => header.trim() !== '')
              .map((header) => (
                <button
                  key={header}
                  type="button"
                  class="chip"
                  disabled={readOnly}
                  aria-label={t('merge.message.insert', { name: header })}
                  onClick={() => insert(header)}
                >
                  {`{{${header}}}`}
                </button>
              ))}
          </div>
          <p class="muted small">{t('merge.message.placeholders.help')}</p>
        </fieldset>
      )}
      {followUp ? (
        <p>{t('merge.message.follow-up-subject')}</p>
      ) : (
        <div class="field">
          <label for="merge-subject">{t('compose.subject')}</label>
          <input
            id="merge-subject"
            ref={subject}
            type="text"
            class="boxed"
            value={template.subject}
            readOnly={readOnly}
            onFocus={() => {
              lastField.current = 'subject';
            }}
            onInput={(event) => change({ ...template, subject: event.currentTarget.value })}
          />
        </div>
      )}
      <div class="field">
        <label for="merge-body">{t('compose.body')}</label>
        <textarea
          id="merge-body"
          ref={body}
          class="boxed"
          rows={10}
          value={template.text}
          readOnly={readOnly}
          onFocus={() => {
            lastField.current = 'text';
          }}
          onInput={(event) => change({ ...template, text: event.currentTarget.value })}
        />
      </div>
      {(problems.length > 0 || (!followUp && template.subject.trim() === '')) && (
        <div class="problems" role="status">
          <p>{t('merge.message.problems')}</p>
          <ul>
            {!followUp && template.subject.trim() === '' && (
              <li class="error-text">{t('merge.message.subject-empty')}</li>
            )}
            {problems.map((problem, index) => (
              <li key={index} class="error-text">
                {formatTemplateProblem(problem, language)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FileList {...props} kind="common" readOnly={readOnly} />
      <FileList {...props} kind="pool" readOnly={readOnly} />
      <p class="muted small">
        {record.attachmentColumn === null
          ? t('merge.files.pool.no-column')
          : t('merge.files.pool.help', { column: headers[record.attachmentColumn] ?? '' })}
      </p>
    </section>
  );
}
