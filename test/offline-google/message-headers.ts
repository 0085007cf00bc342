/**
 * Header-level work Gmail does on a sent message: find recipients, judge the To header, rewrite From, add
 * Message-ID/Date. Works on the header block as latin1 text so every byte of the message survives untouched.
 */
import { addressParser } from 'postal-mime';

export interface HeaderField {
  /** Lower-case name. */
  name: string;
  /** The field exactly as written, folding and all, without its final line break. */
  rawLines: string;
  /** Unfolded value (RFC 5322 §2.2.3). */
  value: string;
}

export interface SplitMessage {
  fields: HeaderField[];
  /** Line break style the client used, kept for the lines we add. */
  eol: string;
  /** Everything after the header block, including the blank separator line. */
  rest: string;
}

/** Splits a message (latin1 string) into header fields and the rest. */
export function splitMessage(latin1: string): SplitMessage {
  const match = /\r?\n\r?\n/.exec(latin1);
  const headerEnd = match ? match.index : latin1.length;
  const eol = match?.[0].startsWith('\r\n') ? '\r\n' : '\n';
  const block = latin1.slice(0, headerEnd);
  const rest = latin1.slice(headerEnd);
  const fields: HeaderField[] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.rawLines += `${eol}${line}`;
      last.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({
      name: line.slice(0, colon).trim().toLowerCase(),
      rawLines: line,
      value: line.slice(colon + 1).trim(),
    });
  }
  return { fields, eol, rest };
}

export function joinMessage(message: SplitMessage): string {
  return message.fields.map((field) => field.rawLines).join(message.eol) + message.rest;
}

export function headerValue(message: SplitMessage, name: string): string | null {
  return message.fields.find((field) => field.name === name)?.value ?? null;
}

export interface Mailbox {
  name: string;
  address: string;
}

/** Flattens groups; header text is latin1, so UTF-8 (RFC 6532) names are decoded first. */
export function parseAddressList(value: string): Mailbox[] {
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  const out: Mailbox[] = [];
  for (const entry of addressParser(utf8)) {
    if ('group' in entry && Array.isArray(entry.group)) {
      for (const member of entry.group) out.push({ name: member.name, address: member.address ?? '' });
    } else if ('address' in entry) {
      out.push({ name: entry.name, address: entry.address ?? '' });
    }
  }
  return out;
}

const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const domainLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Gmail rejects `To: human@f` with "Invalid To header" (FlowCrypt/flowcrypt-browser#1370): a deliverable address needs
 * a dotted domain. Quoted local parts and internationalized domains are accepted loosely.
 */
export function isDeliverableAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const localOk = localPart.test(local) || /^".+"$/.test(local) || /[\u0080-\uffff]/.test(local);
  if (!localOk || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => domainLabel.test(label) || /[\u0080-\uffff]/.test(label));
}

export type RecipientCheck =
  | { ok: true; to: Mailbox[]; cc: Mailbox[]; bcc: Mailbox[] }
  | { ok: false; problem: 'no-recipients' | 'invalid-to' | 'invalid-cc' | 'invalid-bcc' };

/** Recipients come from To, Cc and Bcc only (discovery description of messages.send). */
export function checkRecipients(message: SplitMessage): RecipientCheck {
  const lists = { to: [] as Mailbox[], cc: [] as Mailbox[], bcc: [] as Mailbox[] };
  for (const kind of ['to', 'cc', 'bcc'] as const) {
    for (const field of message.fields.filter((f) => f.name === kind)) {
      const parsed = parseAddressList(field.value);
      if (field.value.trim() !== '' && parsed.length === 0) return { ok: false, problem: `invalid-${kind}` };
      if (parsed.some((box) => !isDeliverableAddress(box.address))) return { ok: false, problem: `invalid-${kind}` };
      lists[kind].push(...parsed);
    }
  }
  if (lists.to.length + lists.cc.length + lists.bcc.length === 0) return { ok: false, problem: 'no-recipients' };
  return { ok: true, ...lists };
}

/** RFC 2047 B-encoding for a display name that is not plain ASCII. */
function encodeDisplayName(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, '\\$&')}"`;
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
}

export interface RewriteContext {
  account: { email: string; name: string; aliases: string[] };
  messageIdDomain: string;
  newMessageId: () => string;
  now: Date;
  addDateWhenMissing: boolean;
}

/**
 * Gmail's rewrites on the SENT copy: a From that is neither the account nor a verified alias is silently replaced by
 * the primary address (google-api-php-client#2393), a missing From is filled in, a missing Message-ID is added
 * (flowcrypt-browser#4269) and, behind a switch, a missing Date.
 */
export function rewriteHeaders(message: SplitMessage, context: RewriteContext): SplitMessage {
  const { account } = context;
  const allowed = new Set([account.email, ...account.aliases].map((a) => a.toLowerCase()));
  const primaryFrom = `From: ${encodeDisplayName(account.name)} <${account.email}>`;
  const fields = [...message.fields];
  const fromIndex = fields.findIndex((field) => field.name === 'from');
  const from = fromIndex >= 0 ? parseAddressList(fields[fromIndex]!.value)[0] : undefined;
  if (fromIndex < 0) {
    fields.unshift({ name: 'from', rawLines: primaryFrom, value: primaryFrom.slice(6) });
  } else if (!from || !allowed.has(from.address.toLowerCase())) {
    fields[fromIndex] = { name: 'from', rawLines: primaryFrom, value: primaryFrom.slice(6) };
  }
  if (!fields.some((field) => field.name === 'message-id')) {
    const id = `<${context.newMessageId()}@${context.messageIdDomain}>`;
    fields.unshift({ name: 'message-id', rawLines: `Message-ID: ${id}`, value: id });
  }
  if (context.addDateWhenMissing && !fields.some((field) => field.name === 'date')) {
    const date = context.now.toUTCString().replace('GMT', '+0000');
    fields.unshift({ name: 'date', rawLines: `Date: ${date}`, value: date });
  }
  return { ...message, fields };
}
