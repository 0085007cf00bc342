import { formatDateTime } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { SentEntry } from '../sent-log.ts';

/** Recent sends on this device, newest first, each with a link into Gmail; the user can clear the list. */
export function SentLog({
  t,
  language,
  entries,
  onClear,
}: {
  t: Translate;
  language: Language;
  entries: readonly SentEntry[];
  onClear: () => void;
}) {
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
          {entries.map((entry) => (
            <li key={entry.messageId} class="sent-entry">
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, language)}</time>
              <span class="sent-subject">
                <bdi>{entry.subject.trim() || t('sent.no-subject')}</bdi>
              </span>
              <span class="sent-recipients muted">{t('sent.to', { recipients: entry.recipients.join(', ') })}</span>
              <a href={entry.link} target="_blank" rel="noopener noreferrer">
                {t('sent.open')}
                <span class="visually-hidden">: {entry.subject.trim() || t('sent.no-subject')}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
      <p class="muted small">{t('sent.note')}</p>
    </section>
  );
}
