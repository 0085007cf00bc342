import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';
import type { RichBody } from '../rich-body.ts';
import type { Template, TemplateAttachment, TemplateStore } from '../template-store.ts';

export interface TemplateSource {
  subject: string;
  body: RichBody;
  attachments: readonly TemplateAttachment[];
}

/** The templates kept in this browser: save the current message as one; insert, rename or delete one. */
export function TemplatePanel(props: {
  t: Translate;
  store: TemplateStore;
  /** The message being written, for "Save as template". */
  current: TemplateSource;
  onInsert: (template: Template) => void;
}) {
  const { t, store, current, onInsert } = props;
  const [templates, setTemplates] = useState<Template[]>([]);
  const [name, setName] = useState('');
  const [withAttachments, setWithAttachments] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [status, setStatus] = useState('');

  const refresh = () =>
    store
      .list()
      .then(setTemplates)
      .catch(() => setStatus(t('editor.storage.failed')));
  useEffect(() => {
    void refresh();
  }, [store]);

  const attempt = async (work: () => Promise<string>) => {
    try {
      setStatus(await work());
      await refresh();
    } catch (error) {
      setStatus(
        t(
          (error as { code?: string }).code === 'template-name-needed'
            ? 'editor.template.name-needed'
            : 'editor.storage.failed',
        ),
      );
    }
  };

  const save = () =>
    attempt(async () => {
      const saved = await store.save(name, {
        subject: current.subject,
        body: current.body,
        attachments: withAttachments ? [...current.attachments] : [],
      });
      setName('');
      return t('editor.template.saved', { name: saved.name });
    });

  return (
    <section class="template-panel" aria-labelledby="template-title">
      <h2 id="template-title">{t('editor.templates')}</h2>
      {templates.length === 0 ? (
        <p class="small">{t('editor.templates.none')}</p>
      ) : (
        <ul class="template-panel__list">
          {templates.map((template) => (
            <li key={template.id} class="template-panel__item">
              {renaming?.id === template.id ? (
                <>
                  <label class="visually-hidden" for={`template-rename-${template.id}`}>
                    {t('editor.template.name')}
                  </label>
                  <input
                    id={`template-rename-${template.id}`}
                    type="text"
                    value={renaming.name}
                    onInput={(event) => setRenaming({ id: template.id, name: event.currentTarget.value })}
                  />
                  <button
                    type="button"
                    onClick={() =>
                      attempt(async () => {
                        await store.rename(template.id, renaming.name);
                        setRenaming(null);
                        return '';
                      })
                    }
                  >
                    {t('editor.template.rename.save')}
                  </button>
                </>
              ) : (
                <>
                  <span class="template-panel__name">{template.name}</span>
                  <button type="button" onClick={() => onInsert(template)}>
                    {t('editor.template.insert')}
                  </button>
                  <button type="button" onClick={() => setRenaming({ id: template.id, name: template.name })}>
                    {t('editor.template.rename')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      attempt(async () => {
                        await store.remove(template.id);
                        return t('editor.template.deleted', { name: template.name });
                      })
                    }
                  >
                    {t('editor.template.delete')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <fieldset class="template-panel__save">
        <legend class="visually-hidden">{t('editor.template.save')}</legend>
        <label for="template-name">{t('editor.template.name')}</label>
        <input id="template-name" type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        {current.attachments.length > 0 && (
          <label class="template-panel__attachments">
            <input
              type="checkbox"
              checked={withAttachments}
              onChange={(event) => setWithAttachments(event.currentTarget.checked)}
            />
            {t('editor.template.with-attachments', { count: current.attachments.length })}
          </label>
        )}
        <button type="button" class="primary" onClick={save}>
          {t('editor.template.save')}
        </button>
        <p class="small">{t('editor.template.placeholders')}</p>
      </fieldset>
      <p class="small" role="status">
        {status}
      </p>
    </section>
  );
}
