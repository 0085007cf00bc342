import { formatDateTime } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { OutboxEntry } from '../core/entry.ts';
import type { EntryLinks } from './entry-notice.tsx';

/** The sent log's list (its frame is SentLog.tsx, on the first load): newest first, each with its link into Gmail. */
export function SentEntries(props: {
  t: Translate;
  language: Language;
  entries: readonly OutboxEntry[];
  links: EntryLinks;
}) {
  const { t, language, entries, links } = props;
  return (
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
  );
}
