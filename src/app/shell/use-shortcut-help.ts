/**
 * "?" anywhere outside a text field opens the keyboard shortcut list; the header's button does the same. The list
 * itself is a separate chunk, fetched the first time it is asked for.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';

type Help = ComponentType<{ t: Translate; onClose: () => void }>;

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element?.closest) return false;
  return Boolean(element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}

export interface ShortcutHelpState {
  open(): void;
  close(): void;
  /** The list's component while it is open (after its chunk has arrived), else null. */
  Shown: Help | null;
}

export function useShortcutHelp(): ShortcutHelpState {
  const [Help, setHelp] = useState<Help | null>(null);
  const [shown, setShown] = useState(false);
  const open = () => {
    setShown(true);
    void import('./ShortcutHelp.tsx').then((module) => setHelp(() => module.ShortcutHelp));
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (typingIn(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return { open, close: () => setShown(false), Shown: shown ? Help : null };
}
