import type { Translate } from '../../i18n/translate.ts';
import type { Notice } from '../../ui/Notices.tsx';
import type { SendFailure } from '../failure.ts';

export interface FailureActions {
  onRetry: () => void;
  onFocusRecipients: () => void;
  onDismiss: () => void;
}

/** A send that stopped before the outbox had it, with the one action that moves the person forward. */
export function failureNotice(t: Translate, failure: SendFailure, actions: FailureActions): Notice {
  return {
    id: 'send',
    tone: 'error',
    dismissible: true,
    body: (
      <>
        {failure.text ?? t(failure.messageKey, failure.params)}
        {failure.code && <small class="error-code">{t('compose.error.code', { code: failure.code })}</small>}
      </>
    ),
    actions:
      failure.action === 'retry' || failure.action === 'reconnect' ? (
        <button type="button" class="primary" onClick={actions.onRetry}>
          {t(failure.action === 'retry' ? 'outbox.action.retry' : 'outbox.action.connect-and-send')}
        </button>
      ) : failure.action === 'focus-recipients' ? (
        <button type="button" class="secondary" onClick={actions.onFocusRecipients}>
          {t('compose.fix-recipients')}
        </button>
      ) : undefined,
  };
}
