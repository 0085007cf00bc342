import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { EntryAction, LiveStatus } from '../core/describe.ts';
import { describeEntry } from '../core/describe.ts';
import type { OutboxEntry } from '../core/entry.ts';
import { EntryActions, type EntryLinks, entryText } from './entry-notice.tsx';

/**
 * Messages still in the outbox besides the one the form is following: waiting for the network or a click,
 * sending from another tab, or needing a decision ("not sure", refused). Hidden when there are none.
 */
export function OutboxPanel(props: {
  t: Translate;
  language: Language;
  entries: readonly OutboxEntry[];
  live: ReadonlyMap<string, LiveStatus>;
  now: number;
  links: EntryLinks;
  onAction: (action: EntryAction, entry: OutboxEntry) => void;
}) {
  const { t, language, entries, live, now, links, onAction } = props;
  if (entries.length === 0) return null;
  return (
    <section class="outbox-panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">
        {t('outbox.title')} <span class="muted">{t('outbox.count', { count: entries.length })}</span>
      </h2>
      <ul class="outbox-entries">
        {entries.map((entry) => {
          const view = describeEntry(entry, now, live.get(entry.id));
          return (
            <li key={entry.id} class={`outbox-entry outbox-entry--${view.tone}`}>
              <p class="outbox-entry__what">
                <strong>
                  <bdi>{entry.summary.subject.trim() || t('sent.no-subject')}</bdi>
                </strong>{' '}
                <span class="muted">
                  {t('outbox.entry.to', { recipients: [...entry.summary.to, ...entry.summary.cc].join(', ') })}
                </span>
              </p>
              <p class="outbox-entry__status">{entryText(t, language, view)}</p>
              {view.actions.length > 0 && (
                <div class="outbox-entry__actions">
                  <EntryActions t={t} entry={entry} actions={view.actions} links={links} onAction={onAction} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
