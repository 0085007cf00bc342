/**
 * What the Send area shows, as plain data. The send flow moves through these phases; the UI only renders them.
 * Failures carry a message key (from the compose, mail, auth or gmail tables) and the one action that fixes them.
 */

export type FixAction =
  /** Reconnect to Google, then resume the same send (401 mid-flight). */
  | 'reconnect-and-send'
  /** Try the same send again (the outcome said trying again is safe). */
  | 'retry'
  /** Move focus to a field that needs changing (bad address, no recipient). */
  | 'focus-recipients'
  | 'connect'
  | 'none';

export interface SendFailure {
  /** Message key, already namespaced (`compose.`, `mail.`, `auth.`, `gmail.`). */
  messageKey: string;
  params?: Record<string, string | number>;
  action: FixAction;
  /** An already-worded sentence (the builder formats its own errors); shown instead of `messageKey` when set. */
  text?: string;
  /** A raw code for support (an OAuth error code, an HTTP status): shown small, never instead of the message. */
  code?: string;
}

export type SendPhase =
  | { kind: 'idle' }
  | { kind: 'authorizing' }
  | { kind: 'preparing' }
  | { kind: 'uploading'; sentBytes: number; totalBytes: number }
  | { kind: 'waiting'; until: number; attempt: number }
  | { kind: 'sent'; messageId: string; link: string }
  | { kind: 'needs-reauth' }
  | { kind: 'uncertain'; sentFolderLink: string }
  | { kind: 'failed'; failure: SendFailure }
  /** The user pressed Cancel before Gmail had the message: nothing was sent, the draft is unchanged. */
  | { kind: 'cancelled' };

const busyKinds = new Set<SendPhase['kind']>(['authorizing', 'preparing', 'uploading', 'waiting']);

/** While true, Send does nothing and the form is read-only: one press, one message. */
export function isSendBusy(phase: SendPhase): boolean {
  return busyKinds.has(phase.kind);
}

/** Seconds left in a backoff wait, rounded up so the countdown never shows 0 while still waiting. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Progress is worth a bar only for uploads big enough to take a moment (about one 256 KiB chunk). */
export function showsProgressBar(phase: SendPhase): boolean {
  return phase.kind === 'uploading' && phase.totalBytes >= 256 * 1024;
}
