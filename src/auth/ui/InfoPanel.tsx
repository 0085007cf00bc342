/**
 * A small "i" button next to the account chip that shows one explanation (what Connect asks Google for, what this
 * browser remembers, why Google's code did not load): the WAI-ARIA APG disclosure pattern, drawn as a popup so that
 * opening it never moves the page. The panel stays in the DOM while closed (hidden), so the chip can point its
 * `aria-describedby` at the same words.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from './use-auth-state.ts';
import { usePopup } from './use-popup.ts';

export function InfoPanel({ t, id, children }: { t: Translate; id: string; children: ComponentChildren }) {
  const popup = usePopup();
  return (
    <div class="account-info" ref={popup.areaRef} onFocusOut={popup.onFocusOut}>
      <button
        ref={popup.triggerRef}
        type="button"
        class="account-aside account-info__button"
        aria-expanded={popup.open}
        aria-controls={id}
        aria-label={t('auth.about')}
        title={t('auth.about')}
        onClick={popup.toggle}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" stroke-width="1.5" />
          <circle cx="10" cy="6.25" r="1.1" fill="currentColor" />
          <path d="M10 9v5.5" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />
        </svg>
      </button>
      <div id={id} class="account-popup" hidden={!popup.open}>
        {children}
      </div>
    </div>
  );
}
