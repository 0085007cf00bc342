/**
 * Open/closed state for a small popup anchored to the account area (the account menu or an explanation panel):
 * a click or a tap outside closes it, Escape closes it and gives focus back to the button that opened it
 * (WAI-ARIA APG menu button and disclosure patterns), and so does focus leaving the area with Tab.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Popup {
  open: boolean;
  /** The element that holds both the trigger and the popup: focus and clicks inside it keep the popup open. */
  areaRef: RefObject<HTMLDivElement | null>;
  triggerRef: RefObject<HTMLButtonElement | null>;
  show(): void;
  /** Closes; `returnFocus` puts focus back on the trigger (Escape, a chosen item). */
  close(returnFocus?: boolean): void;
  toggle(): void;
  /** For the area's `onFocusOut`: closes when focus moves outside it. */
  onFocusOut(event: FocusEvent): void;
}

export function usePopup(): Popup {
  const [open, setOpen] = useState(false);
  const areaRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const close = (returnFocus = false) => {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!areaRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Only this popup closes: the shortcut list or anything else listening for Escape stays as it is.
      event.stopPropagation();
      close(true);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  return {
    open,
    areaRef,
    triggerRef,
    show: () => setOpen(true),
    close,
    toggle: () => setOpen((was) => !was),
    onFocusOut: (event) => {
      const next = event.relatedTarget as Node | null;
      if (next && !areaRef.current?.contains(next)) setOpen(false);
    },
  };
}
