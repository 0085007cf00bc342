import { formatBytes, formatDateTime } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { Notice } from '../../ui/Notices.tsx';
import type { EntryAction, EntryView } from '../core/describe.ts';
import type { OutboxEntry } from '../core/entry.ts';

export interface EntryLinks {
  message(gmailId: string): string;
  sentFolder(): string;
}

const sizeValues = new Set(['size', 'limit', 'reduceBy', 'sent', 'total']);
const timeValues = new Set(['resumeAt', 'until']);

/** A view's sentence in the page's language: sizes and times formatted, the refused field named. */
export function entryText(t: Translate, language: Language, view: EntryView): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(view.values)) {
    if (typeof value === 'number' && sizeValues.has(key)) params[key] = formatBytes(value, language);
    else if (typeof value === 'number' && timeValues.has(key)) params[key] = formatDateTime(value, language);
    else params[key] = value;
  }
  if (view.fieldKey) params.field = t(view.fieldKey);
  return t(view.key, params);
}

/** The buttons (and links) of a view; each runs synchronously in its click, as a token request must. */
export function EntryActions(props: {
  t: Translate;
  entry: OutboxEntry;
  actions: readonly EntryAction[];
  links: EntryLinks;
  onAction: (action: EntryAction, entry: OutboxEntry) => void;
}) {
  const { t, entry, actions, links, onAction } = props;
  return (
    <>
      {actions.map((action) => {
        if (action === 'open-in-gmail')
          return entry.result?.gmailId ? (
            <a
              key={action}
              class="button-link"
              href={links.message(entry.result.gmailId)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('outbox.action.open-in-gmail')}
            </a>
          ) : null;
        if (action === 'open-sent')
          return (
            <a key={action} class="button-link" href={links.sentFolder()} target="_blank" rel="noopener noreferrer">
              {t('outbox.action.open-sent')}
            </a>
          );
        const primary = action === 'undo' || action === 'connect-and-send' || action === 'retry';
        return (
          <button
            key={action}
            type="button"
            class={primary ? 'primary' : action === 'dismiss' ? 'link-button' : 'secondary'}
            onClick={() => onAction(action, entry)}
          >
            {t(`outbox.action.${action}`)}
          </button>
        );
      })}
    </>
  );
}

/** An entry as a notice of the page's one notification surface. */
export function entryNotice(props: {
  id: string;
  t: Translate;
  language: Language;
  entry: OutboxEntry;
  view: EntryView;
  links: EntryLinks;
  onAction: (action: EntryAction, entry: OutboxEntry) => void;
}): Notice {
  const { id, t, language, entry, view, links, onAction } = props;
  return {
    id,
    tone: view.tone,
    body: (
      <>
        {entryText(t, language, view)}
        {view.progress && (
          <progress
            class="entry-progress"
            max={view.progress.total}
            value={view.progress.sent}
            aria-label={t('outbox.sending')}
          />
        )}
      </>
    ),
    actions:
      view.actions.length > 0 ? (
        <EntryActions t={t} entry={entry} actions={view.actions} links={links} onAction={onAction} />
      ) : undefined,
  };
}
