/** The clock the sender waits on; injected so tests drive waits with fake timers and no real time passes. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Waits `ms`, or less if `signal` aborts first; says which happened instead of throwing. */
export function sleep(ms: number, timers: Timers, signal?: AbortSignal): Promise<'elapsed' | 'cancelled'> {
  if (signal?.aborted) return Promise.resolve('cancelled');
  return new Promise((resolve) => {
    const onAbort = () => {
      timers.clearTimeout(handle);
      resolve('cancelled');
    };
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve('elapsed');
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `fetch` rejects with a DOMException named AbortError when its signal fires; a TypeError means the network. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
