/**
 * The form's draft as the message to send (loaded with the send services, off the first load): recipients parsed
 * once at Send (recipients.ts `parseTokens`), attachments as the Blobs the person picked (read only by the
 * builder), a Message-ID fixed now so every attempt carries the same one, and the summary the outbox and the sent
 * log keep. Pure.
 */
import type { Mailbox } from '../mail/types.ts';
import type { Draft, RichBody } from './draft.ts';
import type { RecipientsByField, recipientFields } from './recipients.ts';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  blob: Blob;
  contentId?: string;
}

/** What the builder needs, with attachments still as Blobs. */
export interface OutgoingMail {
  from?: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  subject: string;
  /** The plain-text body (plain mode; in rich mode the builder derives it from `rich`). */
  text: string;
  /** The rich body, when the message is rich text: html, text and pictures are made from it at build time. */
  rich?: RichBody;
  /** Leave the sending address's signature out. */
  noSignature?: boolean;
  attachments: OutgoingAttachment[];
  messageId: string;
}

export interface Outgoing {
  mail: OutgoingMail;
  /** Who it goes to (the addresses) and the subject: what the outbox keeps on record, never the body. */
  summary: { to: string[]; cc: string[]; bcc: string[]; subject: string };
}

/**
 * A Message-ID in the builder's own form (RFC 5322 §3.6.4: a unique left side and a domain the sender owns); the
 * right side is the account's domain, as Gmail's own are.
 */
export function newMessageId(from: string | null, uuid: string): string {
  return `${uuid}@${from?.split('@')[1] ?? 'fumi.local'}`;
}

/** The message for a checked draft (every token valid: the form's blockers ran first), addresses as typed. */
export function toOutgoing(
  draft: Draft,
  recipients: RecipientsByField,
  from: string | null,
  messageId: string,
): Outgoing {
  const mailboxes = (field: (typeof recipientFields)[number]): Mailbox[] =>
    recipients[field].flatMap((token) => (token.parsed.ok ? [token.parsed.mailbox] : []));
  const addresses = (field: (typeof recipientFields)[number]) => mailboxes(field).map((mailbox) => mailbox.address);
  return {
    mail: {
      ...(from ? { from: { address: from } } : {}),
      to: mailboxes('to'),
      cc: mailboxes('cc'),
      bcc: mailboxes('bcc'),
      subject: draft.subject,
      // Rich mode whose editor never took over (the chunk could not load) sends what was typed, as plain text.
      text: draft.mode === 'rich' && draft.rich ? '' : draft.body,
      ...(draft.mode === 'rich' && draft.rich ? { rich: draft.rich } : {}),
      ...(draft.noSignature ? { noSignature: true } : {}),
      attachments: draft.attachments.map((attachment) => ({
        filename: attachment.name,
        contentType: attachment.type,
        blob: attachment.blob,
      })),
      messageId,
    },
    summary: { to: addresses('to'), cc: addresses('cc'), bcc: addresses('bcc'), subject: draft.subject },
  };
}
