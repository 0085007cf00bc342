/**
 * A send that stops before the outbox has the message (a blocker, a build error, an authorization problem), as
 * plain data: a message key (or an already-worded sentence) and the one action that fixes it. What happens once
 * the outbox has the message is the outbox's table (src/outbox/core/describe.ts).
 */

export type FixAction =
  /** Try the same send again. */
  | 'retry'
  /** Send again through Google's consent screen (the grant lacked gmail.send). */
  | 'reconnect'
  /** Move focus to a field that needs changing (bad address, no recipient). */
  | 'focus-recipients'
  | 'none';

export interface SendFailure {
  /** Message key, already namespaced (`compose.`, `mail.`, `auth.`, `gmail.`). */
  messageKey: string;
  params?: Record<string, string | number>;
  action: FixAction;
  /** An already-worded sentence (the builder formats its own errors); shown instead of `messageKey` when set. */
  text?: string;
  /** A raw code for reference (an OAuth error code, an HTTP status): shown small, never instead of the message. */
  code?: string;
}
