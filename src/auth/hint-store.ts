/**
 * Where the remembered account email (the GIS `login_hint`) lives between visits. Only the email address: the
 * access token is never handed to a HintStore. Disclosed in the UI and removable.
 */
export interface HintStore {
  read(): string | null;
  write(email: string): void;
  clear(): void;
}

export const hintStorageKey = 'gmail-sender.account-hint';

/**
 * A HintStore over Web Storage. Every call is wrapped: Safari private mode, disabled storage and quota errors
 * throw from `localStorage` itself or from its methods, and a missing hint only costs the user an account chooser.
 */
export function webStorageHintStore(
  getStorage: () => Storage | null = defaultStorage,
  key = hintStorageKey,
): HintStore {
  const attempt = <T>(action: (storage: Storage) => T, fallback: T): T => {
    try {
      const storage = getStorage();
      return storage ? action(storage) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    read: () => attempt((storage) => normalizeHint(storage.getItem(key)), null),
    write: (email) => attempt((storage) => storage.setItem(key, email), undefined),
    clear: () => attempt((storage) => storage.removeItem(key), undefined),
  };
}

/** A HintStore that remembers nothing beyond this page (for tests and for users who opt out). */
export function memoryHintStore(initial: string | null = null): HintStore {
  let hint = initial;
  return {
    read: () => hint,
    write: (email) => {
      hint = email;
    },
    clear: () => {
      hint = null;
    },
  };
}

function defaultStorage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

// Anything that is not plausibly an email (a hand-edited or corrupted value) is ignored rather than sent to Google.
function normalizeHint(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed : null;
}
