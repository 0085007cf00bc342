/**
 * Whether this browser believes it is online, and a signal when that changes: the hook the outbox uses to hold
 * messages while offline ("will send when you are back online") and to start them again, and what the account
 * area uses to load Google's scripts again.
 *
 * `navigator.onLine === false` is reliable (no network interface, airplane mode, DevTools or Playwright offline);
 * `true` only means "a network exists", so a send that then fails must still be classified by what happened.
 */
import { useEffect, useState } from 'preact/hooks';

export function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Calls `listener` with the new value on every `online` / `offline` event; returns the unsubscribe function. */
export function onConnectivityChange(listener: (online: boolean) => void): () => void {
  const onOnline = () => listener(true);
  const onOffline = () => listener(false);
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  return () => {
    removeEventListener('online', onOnline);
    removeEventListener('offline', onOffline);
  };
}

/** Resolves at once when online, else at the next `online` event (or rejects when `signal` aborts first). */
export function whenOnline(signal?: AbortSignal): Promise<void> {
  if (isOnline()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stop = onConnectivityChange((online) => {
      if (!online) return;
      stop();
      resolve();
    });
    signal?.addEventListener('abort', () => {
      stop();
      reject(signal.reason);
    });
  });
}

/** `isOnline()` as Preact state. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(isOnline);
  useEffect(() => {
    setOnline(isOnline());
    return onConnectivityChange(setOnline);
  }, []);
  return online;
}
