/**
 * The undo window the person chose, remembered in this browser. Every localStorage call is wrapped: private modes
 * and full quotas throw, and losing a preference must never stop a send.
 */
export const holdChoices = [0, 5, 10, 20, 30] as const;
export const defaultHoldSeconds = 5;
const storageKey = 'fumi.undo-seconds';

export function readHoldSeconds(storage: () => Storage = () => localStorage): number {
  try {
    const value = Number(storage().getItem(storageKey));
    const raw = storage().getItem(storageKey);
    return raw !== null && (holdChoices as readonly number[]).includes(value) ? value : defaultHoldSeconds;
  } catch {
    return defaultHoldSeconds;
  }
}

export function saveHoldSeconds(seconds: number, storage: () => Storage = () => localStorage): void {
  try {
    storage().setItem(storageKey, String(seconds));
  } catch {
    // Not remembered; this page still uses the choice.
  }
}
