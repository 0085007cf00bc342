import type { Translate } from '../../i18n/translate.ts';
import { holdChoices } from '../../outbox/hold-setting.ts';
import type { SendBlocker } from '../send-readiness.ts';

export interface SendBarProps {
  t: Translate;
  /** Authorizing or held: Send does nothing (one press, one message). */
  busy: boolean;
  /** The undo window in seconds; null until the outbox is ready. */
  holdSeconds: number | null;
  onHoldSeconds: (seconds: number) => void;
  /** Reasons that disable Send outright (attachments over the limit). */
  hardBlockers: readonly SendBlocker[];
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Send, its shortcut, and the undo window chosen for this browser. Progress is the send notice's. */
export function SendBar({ t, busy, holdSeconds, onHoldSeconds, hardBlockers }: SendBarProps) {
  const blocked = hardBlockers.length > 0;
  return (
    <div class="send-bar">
      <button
        type="submit"
        class="primary send-button"
        disabled={blocked}
        aria-disabled={busy ? 'true' : undefined}
        aria-describedby={blocked ? 'send-blockers' : 'send-shortcut'}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
      >
        {t('compose.send')}
      </button>
      <span id="send-shortcut" class="muted shortcut">
        {t(isMac ? 'compose.send.shortcut.mac' : 'compose.send.shortcut')}
      </span>
      {holdSeconds !== null && (
        <label class="hold-setting">
          <span>{t('outbox.hold.label')}</span>{' '}
          <select value={String(holdSeconds)} onChange={(event) => onHoldSeconds(Number(event.currentTarget.value))}>
            {holdChoices.map((seconds) => (
              <option key={seconds} value={String(seconds)}>
                {seconds === 0 ? t('outbox.hold.off') : t('outbox.hold.seconds', { seconds })}
              </option>
            ))}
          </select>
        </label>
      )}
      {blocked && (
        <p id="send-blockers" class="error-text send-blockers">
          {hardBlockers.map((blocker) => t(`compose.blocker.${blocker}`)).join(' ')}
        </p>
      )}
    </div>
  );
}
