import type { Notice } from '../../ui/Notices.tsx';
import type { Translate } from '../../i18n/translate.ts';

/** "Your unsent draft was restored", with Discard (forget it everywhere) and Dismiss (just hide the notice). */
export function restoredNotice(t: Translate, actions: { onDiscard: () => void; onDismiss: () => void }): Notice {
  return {
    id: 'restored',
    tone: 'info',
    body: t('draft.restored'),
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
