import { encodeBase64Url, wrappedBase64Length, writeWrappedBase64 } from './base64.ts';
import { AttachmentTooLargeError, InvalidHeaderValueError, MessageTooLargeError, NoRecipientError } from './errors.ts';
import { foldHeader } from './header.ts';
import {
  asciiAddress,
  bareId,
  listUnsubscribeWord,
  mailboxListWords,
  mailboxWords,
  referenceWords,
  unstructuredWords,
} from './header-values.ts';
import { buildTree, type Piece, serialize } from './mime-parts.ts';
import { ATTACHMENT_SIZE_LIMIT, type BuildOptions, MESSAGE_SIZE_LIMIT, type MessageDraft } from './types.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 5322 §3.3 date-time in the sender's local zone, e.g. `Thu, 26 Nov 2026 08:30:00 +0900`. The day is always two
 * digits so the header has a fixed length and the size is known before the clock is read.
 */
export function formatDate(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  return `${DAYS[date.getDay()]}, ${two(date.getDate())} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ${two(
    date.getHours(),
  )}:${two(date.getMinutes())}:${two(date.getSeconds())} ${zone}`;
}

function defaultRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** RFC 4122 version-4 layout from 16 random bytes, the usual left half of a Message-ID. */
function uuid(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function messageHeaders(draft: MessageDraft, options: BuildOptions, random: (n: number) => Uint8Array): string {
  let out = '';
  const from = draft.from ? asciiAddress(draft.from, 'from') : null;
  if (draft.from) out += foldHeader('From', mailboxWords(draft.from, 'from'));
  const lists = [
    ['To', 'to', draft.to],
    ['Cc', 'cc', draft.cc ?? []],
    // Kept in the raw message: Gmail routes on To, Cc and Bcc and removes Bcc from delivered copies itself.
    ['Bcc', 'bcc', draft.bcc ?? []],
    ['Reply-To', 'replyTo', draft.replyTo ?? []],
  ] as const;
  for (const [name, field, mailboxes] of lists) {
    if (mailboxes.length > 0) out += foldHeader(name, mailboxListWords(mailboxes, field));
  }
  out += foldHeader('Subject', unstructuredWords(draft.subject, 'subject'));
  const date = draft.date ?? options.now ?? new Date();
  if (Number.isNaN(date.getTime())) throw new InvalidHeaderValueError('date', 'bad-date');
  out += foldHeader('Date', [formatDate(date)]);
  const id =
    draft.messageId !== undefined
      ? bareId(draft.messageId, 'messageId')
      : `${uuid(random(16))}@${options.messageIdDomain ?? from?.split('@')[1] ?? 'fumi.local'}`;
  out += foldHeader('Message-ID', [`<${id}>`]);
  if (draft.inReplyTo !== undefined) out += foldHeader('In-Reply-To', [`<${bareId(draft.inReplyTo, 'inReplyTo')}>`]);
  const references = referenceWords(draft.references ?? [], 'references');
  if (references.length > 0) out += foldHeader('References', references);
  if (draft.listUnsubscribe) {
    out += foldHeader('List-Unsubscribe', [listUnsubscribeWord(draft.listUnsubscribe, 'listUnsubscribe')]);
  }
  out += foldHeader('MIME-Version', ['1.0']);
  const recipients = draft.to.length + (draft.cc?.length ?? 0) + (draft.bcc?.length ?? 0);
  if (recipients === 0) throw new NoRecipientError();
  return out;
}

function plan(draft: MessageDraft, options: BuildOptions): Piece[] {
  const random = options.randomBytes ?? defaultRandomBytes;
  const headers = messageHeaders(draft, options, random);
  const tree = buildTree(draft);
  return serialize(tree, headers, hex(random(12)));
}

function pieceLength(piece: Piece): number {
  if (typeof piece === 'string') return piece.length;
  if (piece instanceof Uint8Array) return piece.length;
  return wrappedBase64Length(piece.base64.length);
}

/**
 * The exact size in bytes of the message `buildMessage` would produce for this draft, computed without encoding the
 * attachments. Throws the same validation errors as `buildMessage`, but no size-limit error: use it to tell the user
 * by how much a draft is over the limit before they press Send.
 */
export function measureMessage(draft: MessageDraft, options: BuildOptions = {}): number {
  return plan(draft, options).reduce((total, piece) => total + pieceLength(piece), 0);
}

/** Throws AttachmentTooLargeError (one file, then all together) or MessageTooLargeError for a measured draft. */
export function checkSizeLimits(draft: MessageDraft, messageSize: number): void {
  let total = 0;
  for (const attachment of draft.attachments ?? []) {
    if (attachment.data.length > ATTACHMENT_SIZE_LIMIT) {
      throw new AttachmentTooLargeError(attachment.filename, attachment.data.length, ATTACHMENT_SIZE_LIMIT);
    }
    total += attachment.data.length;
  }
  if (total > ATTACHMENT_SIZE_LIMIT) throw new AttachmentTooLargeError(undefined, total, ATTACHMENT_SIZE_LIMIT);
  if (messageSize > MESSAGE_SIZE_LIMIT) throw new MessageTooLargeError(messageSize, MESSAGE_SIZE_LIMIT);
}

/**
 * Builds the complete RFC 5322 message for a draft: 7-bit, CRLF only, lines ≤ 998 octets, Bcc kept. Validates every
 * header input first (typed errors, nothing written) and refuses drafts over Gmail's limits. The output is written
 * into one buffer of the measured size, so memory stays at about 1.4× the attachments.
 */
export function buildMessage(draft: MessageDraft, options: BuildOptions = {}): Uint8Array {
  const pieces = plan(draft, options);
  const size = pieces.reduce((total, piece) => total + pieceLength(piece), 0);
  checkSizeLimits(draft, size);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      for (let i = 0; i < piece.length; i++) {
        const code = piece.charCodeAt(i);
        // Every header path encodes or refuses non-ASCII; reaching this would be a bug in this module, not input.
        if (code > 0x7e) throw new Error(`buildMessage: non-ASCII header output at ${offset}`);
        out[offset++] = code;
      }
    } else if (piece instanceof Uint8Array) {
      out.set(piece, offset);
      offset += piece.length;
    } else {
      offset = writeWrappedBase64(piece.base64, out, offset);
    }
  }
  if (offset !== size) throw new Error(`buildMessage: wrote ${offset} bytes, measured ${size}`);
  return out;
}

/** The message as Gmail's `raw` field wants it: base64url without padding (RFC 4648 §5). */
export function toGmailRaw(message: Uint8Array): string {
  return encodeBase64Url(message);
}
