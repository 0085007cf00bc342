import { formatDateTime } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { OutboxEntry } from '../core/entry.ts';
import type { EntryLinks } from './entry-notice.tsx';

/**
 * Recent sends from this browser, newest first, each with a link into Gmail: the outbox's sent entries, so there is
 * one record of what was sent. The person can clear the list.
 */
export function SentLog(props: {
  t: Translate;
  language: Language;
  entries: readonly OutboxEntry[];
  links: EntryLinks;
  onClear: () => void;
}) {
  const { t, language, entries, links, onClear } = props;
  return (
    <section class="sent-log" aria-labelledby="sent-log-title">
      <div class="sent-log-head">
        <h2 id="sent-log-title">{t('sent.title')}</h2>
        {entries.length > 0 && (
          <button type="button" class="link-button" onClick={onClear}>
            {t('sent.clear')}
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p class="muted">{t('sent.empty')}</p>
      ) : (
        <ol class="sent-entries">
          {entries.map((entry) => {
            const at = entry.result?.sentAt ?? entry.updatedAt;
            const subject = entry.summary.subject.trim() || t('sent.no-subject');
            const recipients = [...entry.summary.to, ...entry.summary.cc, ...entry.summary.bcc];
            return (
              <li key={entry.id} class="sent-entry">
                <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, language)}</time>
                <span class="sent-subject">
                  <bdi>{subject}</bdi>
                </span>
                <span class="sent-recipients muted">{t('sent.to', { recipients: recipients.join(', ') })}</span>
                {entry.result?.gmailId && (
                  <a href={links.message(entry.result.gmailId)} target="_blank" rel="noopener noreferrer">
                    {t('sent.open')}
                    <span class="visually-hidden">: {subject}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p class="muted small">{t('sent.note')}</p>
    </section>
  );
}
