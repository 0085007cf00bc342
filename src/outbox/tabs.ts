/**
 * How open tabs share the outbox: a lock per entry (Web Locks), so two tabs never work on the same message, and a
 * broadcast of every change (BroadcastChannel), so each tab shows what the others did. Both injected: tests use the
 * in-memory versions, which also model several tabs in one process.
 */

export interface EntryLocks {
  /** Runs `work` holding the entry's lock, or returns null at once when another tab (or task) holds it. */
  withLock<T>(id: string, work: () => Promise<T>): Promise<T | null>;
  /** Marks this tab alive for as long as it lives (the browser lets go when the tab goes). */
  holdTab(tabId: string): void;
  /** Whether that tab is still open. */
  tabAlive(tabId: string): Promise<boolean>;
}

export interface ChangeChannel {
  /** Tells the other tabs that these entries changed. */
  post(ids: readonly string[]): void;
  subscribe(listener: (ids: readonly string[]) => void): () => void;
}

const lockPrefix = 'fumi-outbox:';
const tabPrefix = 'fumi-tab:';

/**
 * Web Locks (navigator.locks): held by the tab until `work` settles, released by the browser if the tab dies, so a
 * lock found free on an entry left `sending` means its tab is gone. Where the API is missing (it shipped in every
 * browser GIS supports), a lock within this tab keeps at least one tab from racing itself.
 */
export function webEntryLocks(locks: LockManager | undefined = globalThis.navigator?.locks): EntryLocks {
  if (!locks) return memoryEntryLocks();
  return {
    withLock: (id, work) =>
      locks.request(`${lockPrefix}${id}`, { ifAvailable: true }, (lock) => (lock ? work() : null)) as Promise<Awaited<
        ReturnType<typeof work>
      > | null>,
    holdTab(tabId) {
      void locks.request(`${tabPrefix}${tabId}`, () => new Promise<never>(() => {}));
    },
    async tabAlive(tabId) {
      const { held = [] } = await locks.query();
      return held.some((lock) => lock.name === `${tabPrefix}${tabId}`);
    },
  };
}

/** Locks shared by everything holding the same object: several "tabs" in a test use one. */
export function memoryEntryLocks(): EntryLocks & { held: Set<string>; tabs: Set<string> } {
  const held = new Set<string>();
  const tabs = new Set<string>();
  return {
    held,
    tabs,
    async withLock(id, work) {
      if (held.has(id)) return null;
      held.add(id);
      try {
        return await work();
      } finally {
        held.delete(id);
      }
    },
    holdTab(tabId) {
      tabs.add(tabId);
    },
    tabAlive: async (tabId) => tabs.has(tabId),
  };
}

export function broadcastChannel(name = 'fumi-outbox'): ChangeChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, subscribe: () => () => {} };
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(ids: readonly string[]) => void>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const ids = (event.data as { ids?: unknown } | null)?.ids;
    if (!Array.isArray(ids)) return;
    for (const listener of listeners) listener(ids.filter((id): id is string => typeof id === 'string'));
  };
  return {
    post: (ids) => channel.postMessage({ ids: [...ids] }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A channel between "tabs" in one process: what one posts, the others (not itself) hear, as BroadcastChannel does. */
export function memoryChannelHub() {
  const members = new Set<(ids: readonly string[]) => void>();
  return {
    member(): ChangeChannel {
      let own: ((ids: readonly string[]) => void) | null = null;
      return {
        post: (ids) => {
          for (const listener of members) if (listener !== own) queueMicrotask(() => listener(ids));
        },
        subscribe(listener) {
          own = listener;
          members.add(listener);
          return () => members.delete(listener);
        },
      };
    },
  };
}
