/**
 * The draft as Preact state, autosaved on every change and restored on load. Until the saved draft has been read,
 * nothing is written: an empty form must never overwrite yesterday's unsent mail.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { type Draft, emptyDraft, isEmptyDraft } from '../draft.ts';
import { type DraftAction, draftReducer } from '../draft-actions.ts';
import type { DraftStore } from '../draft-store.ts';

export interface DraftState {
  draft: Draft;
  dispatch: (action: DraftAction) => void;
  /** True once the saved draft (if any) has been read. */
  loaded: boolean;
  /** True when the current draft came back from storage and the user has not dismissed the notice. */
  restored: boolean;
  dismissRestored(): void;
  /** The user chose "Discard": forget the draft everywhere. */
  discard(): Promise<void>;
  /** Gmail confirmed the send: start a new, empty draft and forget the old one. */
  clearAfterSend(): Promise<void>;
}

export function useDraft(store: DraftStore | null): DraftState {
  const [draft, dispatch] = useReducer(draftReducer, undefined, emptyDraft);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const skipNextSave = useRef(true);

  useEffect(() => {
    if (!store) return;
    let active = true;
    void store.load().then((saved) => {
      if (!active) return;
      if (saved) {
        skipNextSave.current = true;
        dispatch({ type: 'replace', draft: saved });
        setRestored(true);
      }
      setLoaded(true);
    });
    return () => {
      active = false;
    };
  }, [store]);

  useEffect(() => {
    if (!loaded || !store) return;
    if (skipNextSave.current) {
      skipNextSave.current = false;
      return;
    }
    store.schedule(draft);
  }, [draft, loaded, store]);

  // A tab reloaded or closed within the debounce window still keeps the last keystrokes: the text goes to a
  // synchronous rescue slot first (an IndexedDB write started in `pagehide` does not finish before a reload in
  // Chromium), then the IndexedDB write is started; `visibilitychange` covers mobile browsers without pagehide.
  useEffect(() => {
    if (!store) return;
    const flush = () => {
      store.rescueNow();
      void store.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);

  const reset = async () => {
    skipNextSave.current = true;
    dispatch({ type: 'replace', draft: emptyDraft() });
    setRestored(false);
    await store?.clear();
  };

  return {
    draft,
    dispatch,
    loaded,
    restored: restored && !isEmptyDraft(draft),
    dismissRestored: () => setRestored(false),
    discard: reset,
    clearAfterSend: reset,
  };
}
