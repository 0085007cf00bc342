import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { isSendBusy, type SendPhase, secondsLeft, showsProgressBar } from '../send-phase.ts';
import type { SendBlocker } from '../send-readiness.ts';

export interface SendBarProps {
  t: Translate;
  language: Language;
  phase: SendPhase;
  /** Reasons that disable Send outright (attachments over the limit). */
  hardBlockers: readonly SendBlocker[];
  onCancel: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Ticks once a second while a backoff wait is shown, so the countdown moves. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Send button, Cancel while sending, progress bar for uploads, countdown during a backoff wait. */
export function SendBar({ t, language, phase, hardBlockers, onCancel }: SendBarProps) {
  const busy = isSendBusy(phase);
  const now = useNow(phase.kind === 'waiting');
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
      {busy && (
        <button type="button" class="secondary" onClick={onCancel}>
          {t('compose.cancel')}
        </button>
      )}
      {busy && (
        <span class="send-progress" aria-live="off">
          {phase.kind === 'waiting' ? (
            <span>{t('compose.phase.waiting', { seconds: secondsLeft(phase.until, now) })}</span>
          ) : showsProgressBar(phase) && phase.kind === 'uploading' ? (
            <>
              <progress
                id="send-progress"
                max={phase.totalBytes}
                value={phase.sentBytes}
                aria-label={t('compose.phase.uploading')}
              />
              <span>
                {t('compose.phase.uploading.progress', {
                  sent: formatBytes(phase.sentBytes, language),
                  total: formatBytes(phase.totalBytes, language),
                })}
              </span>
            </>
          ) : (
            <span class="spinner" aria-hidden="true" />
          )}
        </span>
      )}
      {blocked && (
        <p id="send-blockers" class="error-text send-blockers">
          {hardBlockers.map((blocker) => t(`compose.blocker.${blocker}`)).join(' ')}
        </p>
      )}
    </div>
  );
}
