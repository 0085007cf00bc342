/**
 * Autosave for the draft. Saves are debounced and serialized (a slow write never overtakes a newer one, and a
 * clear is never undone by a save that was already queued). Failures are reported once through `onProblem` and
 * never thrown: the page keeps working from memory when storage does not.
 */

import {
  classifyStorageError,
  type KeyValueBackend,
  type StorageProblem,
  type SyncTextSlot,
} from '../storage/key-value.ts';
import { type Draft, isEmptyDraft } from './draft.ts';
import { draftFromStored } from './draft-restore.ts';

const draftKey = 'draft';
const storedVersion = 1;

export interface DraftStoreOptions {
  backend: KeyValueBackend;
  onProblem: (problem: StorageProblem) => void;
  /** Quiet time after the last edit before writing. */
  delayMs?: number;
  /**
   * A synchronous slot for the text of a draft that is still waiting for its debounced write when the page goes
   * away. Chromium does not finish an IndexedDB write started in `pagehide` before a reload, so without it the
   * last 400 ms of typing would be lost.
   */
  rescue?: SyncTextSlot;
}

export interface DraftStore {
  /** The saved draft, or null when there is none (or it cannot be read). */
  load(): Promise<Draft | null>;
  /** Saves after `delayMs` of quiet; an empty draft deletes the saved one. */
  schedule(draft: Draft): void;
  /** Writes a scheduled save now (before unload, before sending). */
  flush(): Promise<void>;
  /** Synchronously keeps the text of an unsaved change in the rescue slot (call in `pagehide`, then `flush`). */
  rescueNow(): void;
  /** Forgets the draft: call only once Gmail has confirmed the send, or when the user discards. */
  clear(): Promise<void>;
}

interface Stamped {
  savedAt?: unknown;
}

function stampOf(value: unknown): number {
  const savedAt = (value as Stamped | null)?.savedAt;
  return typeof savedAt === 'number' ? savedAt : 0;
}

export function createDraftStore({ backend, onProblem, delayMs = 400, rescue }: DraftStoreOptions): DraftStore {
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

  // Stamps only grow, even within one millisecond, so "newer" between the rescue slot and IndexedDB is exact.
  let lastStamp = 0;
  const nextStamp = () => {
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return lastStamp;
  };

  const write = (draft: Draft) => {
    const savedAt = nextStamp();
    return enqueue(() =>
      isEmptyDraft(draft)
        ? backend.delete(draftKey)
        : backend.put(draftKey, { version: storedVersion, savedAt, ...draft }),
    );
  };

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

  /** The rescue copy, if it is newer than what IndexedDB holds; attachments always come from IndexedDB. */
  const readRescue = (stored: unknown): unknown => {
    const text = rescue?.read();
    if (!text) return null;
    rescue?.remove();
    try {
      const saved = JSON.parse(text) as Record<string, unknown>;
      if (stampOf(saved) <= stampOf(stored)) return null;
      const kept = stored as { attachments?: unknown; rich?: { inlineImages?: unknown } | null } | null;
      const attachments = kept?.attachments ?? [];
      // The rescue copy has the rich body's text (its pictures referenced by cid:); the pictures themselves, as
      // Blobs, only IndexedDB could keep.
      const rescuedRich = saved.rich as { html?: unknown } | null | undefined;
      const rich = rescuedRich ? { ...rescuedRich, inlineImages: kept?.rich?.inlineImages ?? [] } : rescuedRich;
      return { ...saved, attachments, rich };
    } catch {
      return null;
    }
  };

  return {
    async load() {
      let stored: unknown = null;
      try {
        stored = await backend.get(draftKey);
      } catch (error) {
        report(error);
      }
      lastStamp = Math.max(lastStamp, stampOf(stored));
      const rescued = readRescue(stored);
      if (rescued) {
        const draft = draftFromStored(rescued);
        if (draft) void write(draft);
        return draft;
      }
      return draftFromStored(stored);
    },
    rescueNow() {
      if (!pending || !rescue) return;
      const { attachments: _files, rich, ...text } = pending;
      const html = rich ? { html: rich.html } : null;
      rescue.write(JSON.stringify({ version: storedVersion, savedAt: nextStamp(), ...text, rich: html }));
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
      rescue?.remove();
      return enqueue(() => backend.delete(draftKey));
    },
  };
}
