import { domainToAscii } from './punycode.ts';
import type { Mailbox } from './types.ts';

/** Why one address cannot be used. Each code has a sentence in English and Japanese in src/text/mail.ts. */
export type AddressProblemCode =
  | 'empty'
  | 'control-char'
  | 'contains-space'
  | 'fullwidth-at'
  | 'missing-at'
  | 'multiple-at'
  | 'missing-local'
  | 'missing-domain'
  | 'non-ascii-local'
  | 'bad-local'
  | 'bad-domain'
  | 'too-long'
  | 'unclosed-quote'
  | 'unclosed-angle'
  | 'trailing-text';

/** One entry of a pasted list that was not understood: the original slice, where it was, and why. */
export interface AddressProblem {
  input: string;
  code: AddressProblemCode;
  /** Offsets of `input` in the parsed text (UTF-16 units), for highlighting. */
  start: number;
  end: number;
}

export type AddressCheck = { ok: true; ascii: string } | { ok: false; code: AddressProblemCode };

// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const WHITESPACE = /\s/u;
// RFC 5322 §3.2.3 atext, joined by single dots (dot-atom-text).
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point of the test.
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Checks one addr-spec as Gmail will see it and returns its 7-bit form (domain in Punycode). Rules: RFC 5322 §3.4.1
 * dot-atom local part, RFC 5321 §4.5.3.1 lengths (64 local, 254 total), and a host name of at least two LDH labels —
 * Gmail answers "Invalid To header" for `human@f`. Quoted local parts and address literals are refused: nobody types
 * them and Gmail's own compose window refuses them too.
 */
export function checkAddress(address: string): AddressCheck {
  const value = address.trim();
  if (value === '') return { ok: false, code: 'empty' };
  if (CONTROL.test(value)) return { ok: false, code: 'control-char' };
  if (WHITESPACE.test(value)) return { ok: false, code: 'contains-space' };
  const at = value.indexOf('@');
  if (at < 0) return { ok: false, code: value.includes('＠') ? 'fullwidth-at' : 'missing-at' };
  if (value.indexOf('@', at + 1) >= 0) return { ok: false, code: 'multiple-at' };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local === '') return { ok: false, code: 'missing-local' };
  if (domain === '') return { ok: false, code: 'missing-domain' };
  if (!ASCII.test(local)) return { ok: false, code: 'non-ascii-local' };
  if (!DOT_ATOM.test(local)) return { ok: false, code: 'bad-local' };
  if (local.length > 64) return { ok: false, code: 'too-long' };
  const asciiDomain = domainToAscii(domain);
  const labels = asciiDomain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, code: 'bad-domain' };
  }
  const ascii = `${local}@${asciiDomain}`;
  if (asciiDomain.length > 253 || ascii.length > 254) return { ok: false, code: 'too-long' };
  return { ok: true, ascii };
}

interface Segment {
  text: string;
  start: number;
  end: number;
  unclosedQuote: boolean;
}

/** Splits at top-level `,` `;` and line breaks: not inside "quotes", <angle brackets> or (comments). */
function splitList(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let inQuote = false;
  let angle = 0;
  let paren = 0;
  const push = (end: number) => segments.push({ text: text.slice(start, end), start, end, unclosedQuote: inQuote });
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inQuote) {
      if (char === '\\') i++;
      else if (char === '"') inQuote = false;
      else if (char === '\n' || char === '\r') {
        // A quote never spans lines of a pasted list: close the entry here and report it.
        push(i);
        inQuote = false;
        start = i + 1;
      }
      continue;
    }
    if (char === '"') inQuote = true;
    else if (char === '<') angle++;
    else if (char === '>') angle = Math.max(0, angle - 1);
    else if (char === '(') paren++;
    else if (char === ')') paren = Math.max(0, paren - 1);
    else if (char === '\n' || char === '\r' || (angle === 0 && paren === 0 && (char === ',' || char === ';'))) {
      push(i);
      start = i + 1;
      angle = 0;
      paren = 0;
    }
  }
  push(text.length);
  return segments;
}

/** Removes the quotes of quoted-strings and their backslash escapes from a display name. */
function unquote(name: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < name.length; i++) {
    const char = name[i]!;
    if (char === '"') inQuote = !inQuote;
    else if (char === '\\' && inQuote && i + 1 < name.length) out += name[++i];
    else out += char;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Position of `char` outside quoted-strings, or -1. */
function indexOutsideQuotes(text: string, char: string): number {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && inQuote) i++;
    else if (c === '"') inQuote = !inQuote;
    else if (c === char && !inQuote) return i;
  }
  return -1;
}

type EntryResult = { mailbox: Mailbox } | { code: AddressProblemCode };

function parseEntry(entry: string): EntryResult {
  if (CONTROL.test(entry)) return { code: 'control-char' };
  let name = '';
  let address: string;
  const lt = indexOutsideQuotes(entry, '<');
  if (lt >= 0) {
    const gt = entry.indexOf('>', lt);
    if (gt < 0) return { code: 'unclosed-angle' };
    name = unquote(entry.slice(0, lt));
    address = entry.slice(lt + 1, gt).trim();
    const after = entry.slice(gt + 1).trim();
    if (after !== '') {
      // `<a@b> (Taro)`: a trailing comment is a name when none came before.
      const comment = /^\((.*)\)$/su.exec(after);
      if (!comment) return { code: 'trailing-text' };
      if (name === '') name = comment[1]!.trim();
    }
  } else {
    const comment = /^(.*?)\s*\(([^()]*)\)\s*$/su.exec(entry);
    if (comment) {
      address = comment[1]!.trim();
      name = comment[2]!.trim();
    } else {
      // `Taro Yamada taro@example.jp`, typed without brackets: the last word with an @ is the address.
      const words = entry.trim().split(/\s+/u);
      const last = words.at(-1)!;
      if (words.length > 1 && last.includes('@') && !words.slice(0, -1).some((word) => word.includes('@'))) {
        address = last;
        name = unquote(words.slice(0, -1).join(' '));
      } else {
        address = entry.trim();
      }
    }
  }
  const check = checkAddress(address);
  if (!check.ok) return { code: check.code };
  return { mailbox: name === '' ? { address } : { name, address } };
}

/**
 * Parses what people paste into a recipient field: `山田 太郎 <taro@example.jp>, "Doe, John" <j@x.org>; b@c.com`.
 * Entries are separated by commas, semicolons (Outlook) or line breaks; empty entries are skipped. Every entry that
 * is not a valid mailbox is reported with its original text and a reason code, never dropped silently.
 * Addresses are returned as typed (a Unicode domain stays Unicode); the builder writes them in ASCII.
 */
export function parseAddressList(text: string): { mailboxes: Mailbox[]; problems: AddressProblem[] } {
  const mailboxes: Mailbox[] = [];
  const problems: AddressProblem[] = [];
  for (const segment of splitList(text)) {
    const trimmedStart = segment.text.length - segment.text.trimStart().length;
    const input = segment.text.trim();
    if (input === '') continue;
    const start = segment.start + trimmedStart;
    const result: EntryResult = segment.unclosedQuote ? { code: 'unclosed-quote' } : parseEntry(input);
    if ('mailbox' in result) mailboxes.push(result.mailbox);
    else problems.push({ input, code: result.code, start, end: start + input.length });
  }
  return { mailboxes, problems };
}

/**
 * Writes a mailbox back as text that `parseAddressList` reads to the same mailbox (for editing a recipient chip).
 * Not the header form: that is `formatMailbox`.
 */
export function mailboxToText(mailbox: Mailbox): string {
  const name = mailbox.name?.trim();
  if (!name) return mailbox.address;
  const plain = /^[^"\\<>()@,;:[\]]+$/u.test(name) && !/\s\s/u.test(name);
  return `${plain ? name : `"${name.replace(/["\\]/g, '\\$&')}"`} <${mailbox.address}>`;
}
