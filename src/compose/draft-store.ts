/**
 * Autosave for the draft. Saves are debounced and serialized (a slow write never overtakes a newer one, and a
 * clear is never undone by a save that was already queued). Failures are reported once through `onProblem` and
 * never thrown: the page keeps working from memory when storage does not.
 */
import { type Draft, isEmptyDraft } from './draft.ts';
import { draftFromStored } from './draft-restore.ts';
import { classifyStorageError, type KeyValueBackend, type StorageProblem } from './storage-backend.ts';

const draftKey = 'draft';
const storedVersion = 1;

export interface DraftStoreOptions {
  backend: KeyValueBackend;
  onProblem: (problem: StorageProblem) => void;
  /** Quiet time after the last edit before writing. */
  delayMs?: number;
}

export interface DraftStore {
  /** The saved draft, or null when there is none (or it cannot be read). */
  load(): Promise<Draft | null>;
  /** Saves after `delayMs` of quiet; an empty draft deletes the saved one. */
  schedule(draft: Draft): void;
  /** Writes a scheduled save now (before unload, before sending). */
  flush(): Promise<void>;
  /** Forgets the draft: call only once Gmail has confirmed the send, or when the user discards. */
  clear(): Promise<void>;
}

export function createDraftStore({ backend, onProblem, delayMs = 400 }: DraftStoreOptions): DraftStore {
  let pending: Draft | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  let reported = false;

  const report = (error: unknown) => {
    if (reported) return;
    reported = true;
    onProblem(classifyStorageError(error));
  };

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    queue = queue.then(work).catch(report);
    return queue;
  };

  const write = (draft: Draft) =>
    enqueue(() =>
      isEmptyDraft(draft)
        ? backend.delete(draftKey)
        : backend.put(draftKey, { version: storedVersion, savedAt: Date.now(), ...draft }),
    );

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const flush = (): Promise<void> => {
    cancelTimer();
    if (!pending) return queue;
    const draft = pending;
    pending = null;
    return write(draft);
  };

  return {
    async load() {
      try {
        return draftFromStored(await backend.get(draftKey));
      } catch (error) {
        report(error);
        return null;
      }
    },
    schedule(draft) {
      pending = draft;
      cancelTimer();
      timer = setTimeout(() => {
        void flush();
      }, delayMs);
    },
    flush,
    clear() {
      cancelTimer();
      pending = null;
      return enqueue(() => backend.delete(draftKey));
    },
  };
}
