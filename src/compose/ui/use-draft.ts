/**
 * The draft as Preact state, autosaved on every change and restored on load. Until the saved draft has been read,
 * nothing is written: an empty form must never overwrite yesterday's unsent mail.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { type BodyMode, type Draft, emptyDraft, isEmptyDraft } from '../draft.ts';
import { type DraftAction, draftReducer } from '../draft-actions.ts';
import type { DraftStore } from '../draft-store.ts';

export interface DraftOptions {
  /** The body mode a new message starts in (the person's last choice). */
  newMode?: () => BodyMode;
  /** Whether the outbox has this entry: a draft saved while held for the undo window asks (see Draft.outboxId). */
  isQueued?: (outboxId: string) => Promise<boolean>;
}

export interface DraftState {
  draft: Draft;
  dispatch: (action: DraftAction) => void;
  /** True once the saved draft (if any) has been read. */
  loaded: boolean;
  /** True when the current draft came back from storage and the user has not dismissed the notice. */
  restored: boolean;
  /** The restored draft had been sent with Undo time left when the page closed: it was never sent. */
  interrupted: boolean;
  /** Writes the current draft now (when it is held for sending). */
  flush(): void;
  dismissRestored(): void;
  /** The user chose "Discard": forget the draft everywhere. */
  discard(): Promise<void>;
  /** Gmail confirmed the send: start a new, empty draft and forget the old one. */
  clearAfterSend(): Promise<void>;
}

export function useDraft(store: DraftStore | null, options: DraftOptions = {}): DraftState {
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => emptyDraft(options.newMode?.()));
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [interrupted, setInterrupted] = useState(false);
  const skipNextSave = useRef(true);
  const isQueued = useRef(options.isQueued);
  isQueued.current = options.isQueued;

  useEffect(() => {
    if (!store) return;
    let active = true;
    void (async () => {
      let saved = await store.load();
      let rewrite = false;
      if (saved?.outboxId) {
        const { outboxId, ...rest } = saved;
        const queued = (await isQueued.current?.(outboxId).catch(() => false)) ?? false;
        if (queued) {
          // The outbox has it: it is on its way (or waits there), not a draft any more.
          await store.clear();
          saved = null;
        } else {
          saved = rest;
          rewrite = true;
          if (active) setInterrupted(true);
        }
      }
      if (!active) return;
      if (saved) {
        // Saved again without the marker, so the next load does not ask the outbox a second time.
        skipNextSave.current = !rewrite;
        dispatch({ type: 'replace', draft: saved });
        setRestored(true);
      }
      setLoaded(true);
    })();
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

  const draftRef = useRef(draft);
  draftRef.current = draft;

  const reset = async () => {
    skipNextSave.current = true;
    dispatch({ type: 'replace', draft: emptyDraft(options.newMode?.()) });
    setRestored(false);
    setInterrupted(false);
    await store?.clear();
  };

  return {
    draft,
    dispatch,
    loaded,
    restored: restored && !isEmptyDraft(draft),
    interrupted: interrupted && restored && !isEmptyDraft(draft),
    flush: () => {
      if (!store) return;
      store.schedule(draftRef.current);
      void store.flush();
    },
    dismissRestored: () => {
      setRestored(false);
      setInterrupted(false);
    },
    discard: reset,
    clearAfterSend: reset,
  };
}
