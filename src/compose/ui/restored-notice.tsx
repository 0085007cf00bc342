import type { Translate } from '../../i18n/translate.ts';
import type { Notice } from '../../ui/Notices.tsx';

/**
 * "Your unsent draft was restored" (or: it was held for sending when the page closed, so it never went), with
 * Discard (forget it everywhere) and Dismiss (just hide the notice).
 */
export function restoredNotice(
  t: Translate,
  key: 'draft.restored' | 'outbox.hold-interrupted',
  actions: { onDiscard: () => void; onDismiss: () => void },
): Notice {
  return {
    id: 'restored',
    tone: key === 'draft.restored' ? 'info' : 'warning',
    body: t(key),
    actions: (
      <>
        <button type="button" class="secondary" onClick={actions.onDiscard}>
          {t('draft.discard')}
        </button>
        <button type="button" class="link-button" onClick={actions.onDismiss}>
          {t('notice.dismiss')}
        </button>
      </>
    ),
  };
}
