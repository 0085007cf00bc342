/** A person or role that can appear in From, To, Cc, Bcc or Reply-To. `address` may use a Unicode domain. */
export interface Mailbox {
  name?: string;
  address: string;
}

/** A file to attach. With `contentId` set (and an HTML body) it becomes an inline image referenced as `cid:<id>`. */
export interface AttachmentInput {
  filename: string;
  /** `type/subtype`; an empty string (what browsers give for unknown files) means application/octet-stream. */
  contentType: string;
  data: Uint8Array;
  contentId?: string;
}

/** Everything needed to produce one RFC 5322 message. Plain data: safe to store, clone and post to a worker. */
export interface MessageDraft {
  from?: Mailbox;
  to: Mailbox[];
  cc?: Mailbox[];
  bcc?: Mailbox[];
  replyTo?: Mailbox[];
  subject: string;
  text: string;
  html?: string;
  attachments?: AttachmentInput[];
  /** Message-ID of the mail being answered, with or without the angle brackets. */
  inReplyTo?: string;
  references?: string[];
  date?: Date;
  /** Fixed Message-ID (with or without brackets); generated when absent. */
  messageId?: string;
  /**
   * Writes `List-Unsubscribe: <mailto:address?subject=…>` (RFC 2369 §3.2, the URI per RFC 6068), so mail programs
   * can offer an unsubscribe button that sends a mail to `mailto`. Mail only: RFC 8058 one-click unsubscribe needs
   * an HTTPS endpoint that accepts a POST, which a page without a server cannot offer.
   */
  listUnsubscribe?: ListUnsubscribe;
}

export interface ListUnsubscribe {
  /** The address unsubscribe requests go to, usually the sender's own. */
  mailto: string;
  /** Subject of the request mail, e.g. "unsubscribe" or 「配信停止」. */
  subject?: string;
}

/** Seams for deterministic tests; production code passes nothing. */
export interface BuildOptions {
  /** Used for the Date header when the draft has no `date`. */
  now?: Date;
  /** Source of randomness for boundaries and the Message-ID. Defaults to `crypto.getRandomValues`. */
  randomBytes?: (length: number) => Uint8Array;
  /** Right-hand side of a generated Message-ID. Defaults to the From domain, else `fumi.local`. */
  messageIdDomain?: string;
}

/**
 * Gmail's attachment policy: "25 MB" for personal accounts (Gmail Help, answer 6584), counted over all attachments
 * together. We read it as 25 MiB because a 25 MiB file is what Gmail's web client accepts, and it still fits the API
 * limit below once base64-encoded (35,872,534 bytes of MIME, shared/reference/mime.md §2).
 */
export const ATTACHMENT_SIZE_LIMIT = 25 * 1024 * 1024;

/** `users.messages.send` `mediaUpload.maxSize` in the discovery document: 35 MiB of raw RFC 822 bytes. */
export const MESSAGE_SIZE_LIMIT = 36_700_160;
