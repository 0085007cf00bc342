/**
 * Where drafts and settings live. A narrow key-value interface, so the store logic is tested with the in-memory
 * backend and the page uses IndexedDB (which, unlike localStorage, keeps Blobs and large values).
 */
import { appDatabase } from './app-database.ts';
import { inTransaction, stores } from './database.ts';

export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export function memoryBackend(initial: Record<string, unknown> = {}): KeyValueBackend & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get: async (key) => data.get(key),
    put: async (key, value) => {
      data.set(key, value);
    },
    delete: async (key) => {
      data.delete(key);
    },
  };
}

/**
 * IndexedDB's `kv` store of the app's database (database.ts). Opened on first use; an `indexedDB` that is missing
 * or refuses to open (some private modes) rejects every call, which the stores report once.
 */
export function indexedDbBackend(open: () => Promise<IDBDatabase> = appDatabase): KeyValueBackend {
  const run = async <T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>) =>
    inTransaction(await open(), stores.kv, mode, (transaction) => use(transaction.objectStore(stores.kv)));
  return {
    get: (key) => run('readonly', (store) => store.get(key)),
    put: async (key, value) => {
      await run('readwrite', (store) => store.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
  };
}

export type StorageProblem = 'unavailable' | 'quota' | 'failed';

/** Names a storage error for the user: quota, storage switched off, or something else. */
export function classifyStorageError(error: unknown): StorageProblem {
  const name =
    error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)
      ? (error as Error).name
      : '';
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'SecurityError' || name === 'InvalidStateError' || /not available|blocked/i.test(String(error)))
    return 'unavailable';
  return 'failed';
}

/** A tiny synchronous text slot: the only kind of write that reliably finishes inside `pagehide`. */
export interface SyncTextSlot {
  read(): string | null;
  write(value: string): void;
  remove(): void;
}

/**
 * sessionStorage as a rescue slot for the draft's text. Every call is wrapped: private modes and full quotas throw,
 * and the rescue copy is a best effort on top of IndexedDB, never a reason to fail.
 */
export function sessionTextSlot(key = 'fumi.draft-rescue'): SyncTextSlot {
  const storage = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    read() {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        storage()?.setItem(key, value);
      } catch {
        // Quota or private mode: IndexedDB remains the main copy.
      }
    },
    remove() {
      try {
        storage()?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

export function memoryTextSlot(initial: string | null = null): SyncTextSlot & { value: string | null } {
  const slot = {
    value: initial,
    read: () => slot.value,
    write: (value: string) => {
      slot.value = value;
    },
    remove: () => {
      slot.value = null;
    },
  };
  return slot;
}
