import type { ComponentChildren } from 'preact';
import type { Translate } from '../../i18n/translate.ts';

/**
 * Recent sends from this browser, newest first, each with a link into Gmail: the outbox's sent entries, so there is
 * one record of what was sent. The person can clear the list.
 *
 * The frame is painted with the form (so nothing below the form moves when the entries come); the list itself
 * arrives with the outbox in the after-paint chunk (SentEntries.tsx), which keeps it off the first load.
 */
export function SentLog(props: {
  t: Translate;
  count: number;
  /** The rendered list (SentEntries.tsx), once the outbox is ready and has sent entries. */
  list: ComponentChildren;
  onClear: () => void;
}) {
  const { t, count, list, onClear } = props;
  return (
    <section class="sent-log" aria-labelledby="sent-log-title">
      <div class="sent-log-head">
        <h2 id="sent-log-title">{t('sent.title')}</h2>
        {count > 0 && (
          <button type="button" class="link-button" onClick={onClear}>
            {t('sent.clear')}
          </button>
        )}
      </div>
      {count > 0 && list ? list : <p class="muted">{t('sent.empty')}</p>}
      <p class="muted small">{t('sent.note')}</p>
    </section>
  );
}
