/**
 * How open tabs share the outbox: a lock per entry (Web Locks), so two tabs never work on the same message, and a
 * broadcast of every change (BroadcastChannel), so each tab shows what the others did. Both injected: tests use the
 * in-memory versions, which also model several tabs in one process.
 */

export interface EntryLocks {
  /** Runs `work` holding the entry's lock, or returns null at once when another tab (or task) holds it. */
  withLock<T>(id: string, work: () => Promise<T>): Promise<T | null>;
  /**
   * Waits until the entry's lock is free (its holder finished, or its tab died), then runs `work` holding it.
   * Aborting `signal` gives up the wait.
   */
  whenFree?<T>(id: string, work: () => Promise<T>, signal: AbortSignal): Promise<T | null>;
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
    whenFree: (id, work, signal) =>
      (
        locks.request(`${lockPrefix}${id}`, { signal }, () => work()) as Promise<Awaited<ReturnType<typeof work>>>
      ).catch((error: unknown) => {
        if (signal.aborted) return null;
        throw error;
      }),
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
export function memoryEntryLocks(): EntryLocks & { held: Set<string>; tabs: Set<string>; release(id: string): void } {
  const held = new Set<string>();
  const tabs = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (id: string) => {
    held.delete(id);
    const next = waiting.get(id)?.shift();
    next?.();
  };
  return {
    held,
    tabs,
    /** Lets go of a lock as the browser does when the tab holding it dies (tests). */
    release,
    async withLock(id, work) {
      if (held.has(id)) return null;
      held.add(id);
      try {
        return await work();
      } finally {
        release(id);
      }
    },
    async whenFree(id, work, signal) {
      while (held.has(id)) {
        if (signal.aborted) return null;
        await new Promise<void>((resolve) => {
          const queue = waiting.get(id) ?? [];
          queue.push(resolve);
          waiting.set(id, queue);
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      if (signal.aborted) return null;
      held.add(id);
      try {
        return await work();
      } finally {
        release(id);
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
