import { formatBytes } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { type AttachmentBudget, visibleFileName } from '../attachments.ts';
import type { DraftAttachment } from '../draft.ts';

export interface AttachmentListProps {
  t: Translate;
  language: Language;
  attachments: readonly DraftAttachment[];
  budget: AttachmentBudget;
  readOnly: boolean;
  onAdd: (files: readonly File[]) => void;
  onRemove: (attachment: DraftAttachment) => void;
}

/** The attach button, the list (name, size, remove) and the size meter against Gmail's limit. */
export function AttachmentList({ t, language, attachments, budget, readOnly, onAdd, onRemove }: AttachmentListProps) {
  const size = (bytes: number) => formatBytes(bytes, language);
  return (
    <section class="attachments" aria-labelledby="attachments-title">
      <div class="attachments-head">
        <h2 id="attachments-title" class="visually-hidden">
          {t('compose.attachments')}
        </h2>
        {/* A real file input, visually hidden but focusable, named by a label drawn as a button: keyboard, screen
            readers and automation all reach the same control. */}
        <input
          id="attach-input"
          class="visually-hidden attach-input"
          type="file"
          multiple
          disabled={readOnly}
          onChange={(event) => {
            const input = event.currentTarget;
            onAdd(Array.from(input.files ?? []));
            // Reset so picking the same file again (after removing it) still fires a change.
            input.value = '';
          }}
        />
        <label for="attach-input" class="attach-label">
          <span aria-hidden="true" class="attach-plus">
            +
          </span>
          {t('compose.attach')}
        </label>
        {attachments.length > 0 && (
          <div class="meter-row">
            <label for="attachment-meter">{t('compose.attachments.meter')}</label>
            <meter
              id="attachment-meter"
              min={0}
              max={budget.limit}
              low={budget.limit * 0.8}
              high={budget.limit * 0.95}
              optimum={0}
              value={Math.min(budget.total, budget.limit)}
              aria-describedby="attachment-total"
            />
            <span id="attachment-total" class={budget.over ? 'error-text' : 'muted'}>
              {t('compose.attachments.total', { total: size(budget.total), limit: size(budget.limit) })}
            </span>
          </div>
        )}
      </div>
      {budget.over && (
        <p id="attachments-over" class="error-text">
          {t('compose.attachments.over', {
            total: size(budget.total),
            limit: size(budget.limit),
            excess: size(-budget.remaining),
          })}
        </p>
      )}
      {attachments.length > 0 && (
        <ul class="attachment-list" aria-labelledby="attachments-title">
          {attachments.map((attachment) => {
            const name = visibleFileName(attachment.name);
            const noteId = `attachment-${attachment.id}-note`;
            return (
              <li key={attachment.id} class="attachment">
                <span class="attachment-name" aria-describedby={name.hadHiddenCharacters ? noteId : undefined}>
                  <bdi>{name.text}</bdi>
                </span>
                <span class="attachment-size muted">{size(attachment.size)}</span>
                {name.hadHiddenCharacters && (
                  <span id={noteId} class="attachment-note warn-text">
                    {t('compose.attachment.hidden-characters')}
                  </span>
                )}
                {!readOnly && (
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={t('compose.attachment.remove', { name: name.text })}
                    onClick={() => onRemove(attachment)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
