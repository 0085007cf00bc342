import { checkAddress } from './address.ts';
import { encodeWords, MAX_WORD_LENGTH } from './encoded-word.ts';
import { InvalidAddressError, InvalidHeaderValueError } from './errors.ts';
import { assertHeaderSafe, FOLD_COLUMN } from './header.ts';
import type { ListUnsubscribe, Mailbox } from './types.ts';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// A run of RFC 5322 atext words separated by single spaces needs no quoting in a phrase.
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+( [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;
/** A plain word this long still leaves the line under the 998-octet hard limit (RFC 5322 §2.1.1). */
const LONGEST_PLAIN_WORD = 900;

/**
 * Subject and other unstructured text as foldable words. Printable ASCII stays readable and folds at its own spaces;
 * anything else — non-ASCII, TAB, an `=?` that a decoder would take for an encoded-word, a word too long for a line
 * — is written as encoded-words.
 */
export function unstructuredWords(text: string, field: string): string[] {
  assertHeaderSafe(text, field);
  const words = text.split(' ');
  if (PRINTABLE_ASCII.test(text) && !text.includes('=?') && words.every((w) => w.length <= LONGEST_PLAIN_WORD)) {
    return words;
  }
  return encodeWords(text);
}

/**
 * A display name as `phrase` words (RFC 5322 §3.2.5). Atoms stay as they are; other printable ASCII becomes one
 * quoted-string with `"` and `\` escaped when it fits a line; anything else becomes encoded-words, which hide
 * `, " \ ( ) < >` as well. Encoded-words never go inside a quoted-string (RFC 2047 §5).
 */
export function phraseWords(name: string, field: string): string[] {
  assertHeaderSafe(name, field);
  const trimmed = name.trim();
  if (trimmed === '') return [];
  if (ATOMS.test(trimmed) && !trimmed.includes('=?')) return trimmed.split(' ');
  if (PRINTABLE_ASCII.test(trimmed) && !trimmed.includes('=?')) {
    const quoted = `"${trimmed.replace(/["\\]/g, '\\$&')}"`;
    if (quoted.length <= FOLD_COLUMN - 2) return [quoted];
  }
  return encodeWords(trimmed, MAX_WORD_LENGTH);
}

/** The 7-bit addr-spec of a mailbox, or InvalidAddressError for `field`. */
export function asciiAddress(mailbox: Mailbox, field: string): string {
  assertHeaderSafe(mailbox.address, `${field}.address`);
  const check = checkAddress(mailbox.address);
  if (check.ok) return check.ascii;
  const input = mailbox.address;
  throw new InvalidAddressError(field, [{ input, code: check.code, start: 0, end: input.length }]);
}

/** Words of one mailbox: the phrase, then `<addr-spec>` (or the bare addr-spec when there is no name). */
export function mailboxWords(mailbox: Mailbox, field: string): string[] {
  const address = asciiAddress(mailbox, field);
  const name = phraseWords(mailbox.name ?? '', `${field}.name`);
  return name.length === 0 ? [address] : [...name, `<${address}>`];
}

/** Words of an address-list header (To, Cc, Bcc, Reply-To), commas glued to the end of each mailbox. */
export function mailboxListWords(mailboxes: Mailbox[], field: string): string[] {
  const words: string[] = [];
  mailboxes.forEach((mailbox, index) => {
    const own = mailboxWords(mailbox, `${field}[${index}]`);
    if (index < mailboxes.length - 1) own[own.length - 1] += ',';
    words.push(...own);
  });
  return words;
}

/**
 * A mailbox in its header form, e.g. `=?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.jp>` or
 * `"Doe, John" <j@x.org>` (unfolded). Throws on an invalid address or a control character.
 */
export function formatMailbox(mailbox: Mailbox): string {
  return mailboxWords(mailbox, 'mailbox').join(' ');
}

const ID_TEXT = /^[\x21-\x3b\x3d\x3f-\x7e]+$/;

/**
 * A msg-id or content-id without its angle brackets (RFC 5322 §3.6.4, RFC 2392): printable ASCII with no space,
 * `<` or `>`. Ids are never encoded or folded internally, so anything else is refused.
 */
export function bareId(value: string, field: string): string {
  assertHeaderSafe(value, field);
  const trimmed = value.trim();
  const bare = trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
  // The length cap keeps the unfoldable id under the 998-octet line limit (RFC 5322 §2.1.1).
  if (!ID_TEXT.test(bare) || bare.length > 900) throw new InvalidHeaderValueError(field, 'bad-id');
  return bare;
}

/** References as `<id>` words; an entry that holds several ids separated by spaces (a copied header) is split. */
export function referenceWords(references: string[], field: string): string[] {
  const words: string[] = [];
  references.forEach((entry, index) => {
    assertHeaderSafe(entry, `${field}[${index}]`);
    for (const id of entry.trim().split(/\s+/)) {
      if (id !== '') words.push(`<${bareId(id, `${field}[${index}]`)}>`);
    }
  });
  return words;
}

/** RFC 3986 unreserved characters and the sub-delims RFC 6068 allows unencoded in an addr-spec and a header value. */
const MAILTO_SAFE = /[A-Za-z0-9\-._~!$'*+]/;

function percentEncode(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && MAILTO_SAFE.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The `List-Unsubscribe` value: one `<mailto:…>` URI (RFC 2369 §2 wants angle brackets). The address is checked as
 * any recipient is and written with its domain in Punycode; the local part and the subject are percent-encoded
 * UTF-8 (RFC 6068 §2), so the value is ASCII. A URI cannot be folded, so one that would not fit a line is refused.
 */
export function listUnsubscribeWord(value: ListUnsubscribe, field: string): string {
  const address = asciiAddress({ address: value.mailto }, field);
  if (value.subject !== undefined) assertHeaderSafe(value.subject, `${field}.subject`);
  const at = address.lastIndexOf('@');
  const query = value.subject ? `?subject=${percentEncode(value.subject)}` : '';
  const word = `<mailto:${percentEncode(address.slice(0, at))}@${address.slice(at + 1)}${query}>`;
  if (word.length > 900) throw new InvalidHeaderValueError(field, 'too-long');
  return word;
}
