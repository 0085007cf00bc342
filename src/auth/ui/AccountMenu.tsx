/**
 * The signed-in account chip, in the manner of Google's own: the address on a button that opens one small menu
 * (Sign out, and Sign out and forget the address in this browser), with what this browser keeps written right
 * above the menu items. Keyboard behaviour follows the WAI-ARIA APG menu button pattern: Enter, Space or ArrowDown
 * open it on the first item, ArrowUp on the last; ArrowUp/ArrowDown move and wrap, Home/End jump, Escape closes and
 * gives focus back to the chip, Tab closes and moves on.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { TokenSession } from '../auth-state.ts';
import type { Translate } from './use-auth-state.ts';
import { usePopup } from './use-popup.ts';

export interface AccountMenuProps {
  session: TokenSession;
  t: Translate;
  /** The account address, when known. */
  email: string | null;
  /** The chip's text when the address is not known yet (looking it up, or it could not be read). */
  fallback: string;
  /** The remembered account (login hint), if any: the menu then offers to forget it. */
  hint: string | null;
  renewing: boolean;
  /** The live sentence for screen readers ("Sending as …", renewing). */
  status: ComponentChildren;
}

/** "Sending as {email}" with only the address visible: the words stay for screen readers and for copy-paste. */
export function SendingAs({ t, email }: { t: Translate; email: string }) {
  const marker = '\u0000';
  const [before = '', after = ''] = t('auth.ready.sending-as', { email: marker }).split(marker);
  return (
    <>
      {before && <span class="visually-hidden">{before}</span>}
      {email}
      {after && <span class="visually-hidden">{after}</span>}
    </>
  );
}

export function AccountMenu({ session, t, email, fallback, hint, renewing, status }: AccountMenuProps) {
  const popup = usePopup();
  const menuId = useId();
  const chipId = useId();
  const keptId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  // Which item gets focus when the menu opens: the first (Enter, Space, ArrowDown, click) or the last (ArrowUp).
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    if (all.length === 0) return;
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (popup.open) focusItem(focusOnOpen.current === 'first' ? 0 : -1);
  }, [popup.open]);

  const openAt = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    if (popup.open) focusItem(where === 'first' ? 0 : -1);
    else popup.show();
  };

  const onChipKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const current = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: -1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Tab') {
      popup.close();
    }
  };

  const signOut = (forgetHint: boolean) => {
    popup.close(true);
    session.signOut({ forgetHint });
  };

  const name = email ?? fallback;
  return (
    <div class="account-menu" ref={popup.areaRef} onFocusOut={popup.onFocusOut}>
      <button
        id={chipId}
        ref={popup.triggerRef}
        type="button"
        class="account-chip account-chip--signed-in"
        aria-haspopup="menu"
        aria-expanded={popup.open}
        aria-controls={menuId}
        title={email ?? fallback}
        onClick={() => {
          focusOnOpen.current = 'first';
          popup.toggle();
        }}
        onKeyDown={onChipKeyDown}
      >
        <span class="account-avatar" aria-hidden="true">
          {(name.trim()[0] ?? '?').toUpperCase()}
        </span>
        <span class="account-chip__text">{email ? <SendingAs t={t} email={email} /> : fallback}</span>
        {renewing && <span class="spinner account-chip__spinner" aria-hidden="true" />}
        <span class="account-chip__caret" aria-hidden="true" />
      </button>
      <p class="visually-hidden" role="status">
        {status}
      </p>
      <div class="account-popup" hidden={!popup.open}>
        <p class="account-popup__identity">{email ? t('auth.ready.sending-as', { email }) : fallback}</p>
        <p id={keptId} class="account-popup__kept">
          {hint ? `${t('auth.hint.disclosure', { email: hint })} ` : ''}
          {t('auth.kept')}
        </p>
        <div
          id={menuId}
          ref={menuRef}
          class="account-popup__menu"
          role="menu"
          aria-labelledby={chipId}
          aria-describedby={keptId}
          onKeyDown={onMenuKeyDown}
        >
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => signOut(false)}>
            {t('auth.sign-out')}
          </button>
          {hint && (
            <button type="button" role="menuitem" tabIndex={-1} onClick={() => signOut(true)}>
              {t('auth.sign-out.forget', { email: hint })}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
