/**
 * Rich text or plain text for new messages: the last choice made in this browser, rich by default (most mail
 * written in Gmail is). Wrapped: private modes and full quotas throw, and a lost preference must never stop a mail.
 */
import type { BodyMode } from './draft.ts';

const storageKey = 'fumi.body-mode';

export function readBodyMode(storage: () => Storage = () => localStorage): BodyMode {
  try {
    return storage().getItem(storageKey) === 'plain' ? 'plain' : 'rich';
  } catch {
    return 'rich';
  }
}

export function saveBodyMode(mode: BodyMode, storage: () => Storage = () => localStorage): void {
  try {
    storage().setItem(storageKey, mode);
  } catch {
    // Not remembered; this message still uses the choice.
  }
}
