/**
 * The saved language choice. Every localStorage call is wrapped: private mode, disabled storage and quotas throw,
 * and losing a preference must never break the page.
 */
const storageKey = 'gmail-sender.language';

export function readSavedLanguage(storage: () => Storage = () => localStorage): string | null {
  try {
    return storage().getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveLanguage(language: string, storage: () => Storage = () => localStorage): boolean {
  try {
    storage().setItem(storageKey, language);
    return true;
  } catch {
    return false;
  }
}
