import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/translate.ts';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  id: string;
  tone: NoticeTone;
  body: ComponentChildren;
  /** Buttons and links that act on the notice; rendered after the text. */
  actions?: ComponentChildren;
  dismissible?: boolean;
}

/**
 * The page's one notification surface. A single polite live region announces each notice as it appears; a second,
 * visually hidden region carries short confirmations ("Removed a@b.com") that need no visible trace.
 */
export function Notices(props: {
  t: Translate;
  notices: readonly Notice[];
  announcement: string;
  onDismiss: (id: string) => void;
}) {
  const { t, notices, announcement, onDismiss } = props;
  return (
    <div class="notices">
      <div class="notice-stack" aria-live="polite" aria-relevant="additions text">
        {notices.map((notice) => (
          <div key={notice.id} class={`notice notice-${notice.tone}`}>
            <div class="notice-body">{notice.body}</div>
            {(notice.actions || notice.dismissible) && (
              <div class="notice-actions">
                {notice.actions}
                {notice.dismissible && (
                  <button type="button" class="link-button" onClick={() => onDismiss(notice.id)}>
                    {t('notice.dismiss')}
                  </button>
                )}
              </div>
            )}
          </div>
        ))}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
