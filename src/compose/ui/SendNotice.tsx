import type { Notice } from '../../ui/Notices.tsx';
import type { Translate } from '../../i18n/translate.ts';
import type { SendPhase } from '../send-phase.ts';

export interface SendNoticeActions {
  onResend: () => void;
  onFocusRecipients: () => void;
  onDismiss: () => void;
}

/** The notice for the current send phase, with the one action that moves the user forward. Null when idle. */
export function sendNotice(t: Translate, phase: SendPhase, actions: SendNoticeActions): Notice | null {
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'authorizing':
    case 'preparing':
      return { id: 'send', tone: 'info', body: t(`compose.phase.${phase.kind}`) };
    case 'uploading':
    case 'waiting':
      // The countdown and progress bar tick beside the Send button; the live region says it once.
      return {
        id: 'send',
        tone: 'info',
        body: t(phase.kind === 'waiting' ? 'compose.phase.waiting.short' : 'compose.phase.uploading'),
      };
    case 'sent':
      return {
        id: 'send',
        tone: 'success',
        body: t('compose.phase.sent'),
        actions: (
          <>
            <a class="button-link" href={phase.link} target="_blank" rel="noopener noreferrer">
              {t('compose.open-in-gmail')}
            </a>
            <button type="button" class="link-button" onClick={actions.onDismiss}>
              {t('compose.new-message')}
            </button>
          </>
        ),
      };
    case 'cancelled':
      return { id: 'send', tone: 'info', body: t('compose.phase.cancelled'), dismissible: true };
    case 'needs-reauth':
      return {
        id: 'send',
        tone: 'warning',
        body: t('compose.needs-reauth'),
        actions: (
          <button type="button" class="primary" onClick={actions.onResend}>
            {t('compose.reconnect-and-send')}
          </button>
        ),
      };
    case 'uncertain':
      return {
        id: 'send',
        tone: 'warning',
        body: t('compose.uncertain'),
        actions: (
          <>
            <a class="button-link" href={phase.sentFolderLink} target="_blank" rel="noopener noreferrer">
              {t('compose.check-sent')}
            </a>
            <button type="button" class="secondary" onClick={actions.onResend}>
              {t('compose.send-again')}
            </button>
          </>
        ),
      };
    case 'failed': {
      const { failure } = phase;
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
          failure.action === 'retry' || failure.action === 'reconnect-and-send' ? (
            <button type="button" class="primary" onClick={actions.onResend}>
              {t(failure.action === 'retry' ? 'compose.retry' : 'compose.reconnect-and-send')}
            </button>
          ) : failure.action === 'focus-recipients' ? (
            <button type="button" class="secondary" onClick={actions.onFocusRecipients}>
              {t('compose.fix-recipients')}
            </button>
          ) : undefined,
      };
    }
  }
}
