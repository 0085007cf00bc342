/**
 * What Gmail does with a message once the transport delivered its bytes: recipient checks, threading, the SENT-copy
 * rewrites, ids and labels, and the record kept for tests and the outbox page.
 */
import PostalMime from 'postal-mime';
import { type GoogleError, invalidArgument, invalidToHeader, recipientRequired } from './errors.ts';
import {
  checkRecipients,
  headerValue,
  joinMessage,
  type Mailbox,
  rewriteHeaders,
  splitMessage,
} from './message-headers.ts';
import type { OfflineGoogleState } from './state.ts';
import type { ParsedAddress, SentMessage, TestAccount } from './types.ts';

/**
 * `raw` is `format: byte`. Proto3 JSON accepts "standard or URL-safe base64 encoding with/without paddings"
 * (protobuf json.md), but Gmail documents base64url and rejected `+`/`/` in the past (xDinomode/Go-Gmail-Api-Example#1),
 * so the standard alphabet is a switch. Returns null when the text is not decodable.
 */
export function decodeRaw(raw: string, acceptStandardBase64: boolean): Buffer | null {
  const alphabet = acceptStandardBase64 ? /^[A-Za-z0-9_\-+/]*$/ : /^[A-Za-z0-9_-]*$/;
  const padding = /=+$/.exec(raw)?.[0] ?? '';
  const body = raw.slice(0, raw.length - padding.length);
  if (padding.length > 2 || !alphabet.test(body) || body.length % 4 === 1) return null;
  if (padding.length > 0 && raw.length % 4 !== 0) return null;
  return Buffer.from(body.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
}

export type AcceptResult = { ok: true; message: SentMessage } | { ok: false; error: GoogleError };

function normalizeSubject(subject: string): string {
  return subject
    .replace(/^\s*((re|fwd?|aw|sv|返信|転送)\s*:\s*)+/i, '')
    .trim()
    .toLowerCase();
}

function idsIn(value: string | null): string[] {
  return value?.match(/<[^>]+>/g) ?? [];
}

function toParsed(box: { name?: string; address?: string } | undefined): ParsedAddress | null {
  return box ? { name: box.name ?? '', address: box.address ?? '' } : null;
}

function flatten(list: unknown): ParsedAddress[] {
  if (!Array.isArray(list)) return [];
  const out: ParsedAddress[] = [];
  for (const entry of list as { name?: string; address?: string; group?: { name?: string; address?: string }[] }[]) {
    if (Array.isArray(entry.group)) out.push(...entry.group.map((member) => toParsed(member)!));
    else out.push(toParsed(entry)!);
  }
  return out;
}

/** The parsed view of a stored message (postal-mime), as tests and the outbox page read it. */
export async function parsedView(raw: Buffer): Promise<SentMessage['parsed']> {
  const email = await PostalMime.parse(raw);
  const header = (name: string) => email.headers.find((h) => h.key === name)?.value ?? null;
  return {
    from: toParsed(email.from as { name?: string; address?: string } | undefined),
    to: flatten(email.to),
    cc: flatten(email.cc),
    bcc: flatten(email.bcc),
    replyTo: flatten(email.replyTo),
    subject: email.subject ?? null,
    messageId: email.messageId ?? null,
    inReplyTo: email.inReplyTo ?? null,
    references: email.references ?? null,
    date: email.date ?? header('date'),
    text: email.text ?? null,
    html: email.html ?? null,
    headers: email.headers.map((h) => ({ key: h.key, value: h.value })),
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      mimeType: attachment.mimeType,
      size:
        typeof attachment.content === 'string' ? Buffer.byteLength(attachment.content) : attachment.content.byteLength,
      disposition: attachment.disposition,
      contentId: attachment.contentId ?? null,
    })),
  };
}

/**
 * Threading rule from the discovery `Message.threadId` description: the requested thread must exist, the
 * References/In-Reply-To must name a message of it, and the Subject must match. Otherwise a new thread starts.
 * An unknown threadId is an error ("Invalid thread_id value", PipedreamHQ/pipedream#15223; 400 assumed).
 */
function chooseThread(
  state: OfflineGoogleState,
  email: string,
  requested: string | undefined,
  subject: string,
  referenced: string[],
): { threadId: string | null } | { error: GoogleError } {
  if (!requested) return { threadId: null };
  const thread = state.threads.get(requested);
  if (!thread || thread.email !== email) return { error: invalidArgument('Invalid thread_id value') };
  const linked = referenced.some((id) => thread.messageIds.has(id));
  return { threadId: linked && normalizeSubject(subject) === thread.subject ? thread.id : null };
}

export async function acceptMessage(
  state: OfflineGoogleState,
  account: Required<TestAccount>,
  raw: Buffer,
  metadata: { threadId?: string },
  via: SentMessage['via'],
): Promise<AcceptResult> {
  const original = splitMessage(raw.toString('latin1'));
  const recipients = checkRecipients(original);
  if (!recipients.ok) {
    if (recipients.problem === 'no-recipients') return { ok: false, error: recipientRequired() };
    if (recipients.problem === 'invalid-to') return { ok: false, error: invalidToHeader() };
    return {
      ok: false,
      error: invalidArgument(`Invalid ${recipients.problem === 'invalid-cc' ? 'Cc' : 'Bcc'} header`),
    };
  }
  const all: Mailbox[] = [...recipients.to, ...recipients.cc, ...recipients.bcc];
  if (state.maxRecipients !== null && all.length > state.maxRecipients) {
    // Workspace: "Recipients per message sent via SMTP ... or the Gmail API: 100". The error text is unverified.
    return { ok: false, error: invalidArgument('Too many recipients') };
  }

  const subject = Buffer.from(headerValue(original, 'subject') ?? '', 'latin1').toString('utf8');
  const referenced = [...idsIn(headerValue(original, 'in-reply-to')), ...idsIn(headerValue(original, 'references'))];
  const thread = chooseThread(state, account.email, metadata.threadId, subject, referenced);
  if ('error' in thread) return { ok: false, error: thread.error };

  const now = new Date(state.now());
  const rewritten = rewriteHeaders(original, {
    account,
    messageIdDomain: 'mail.gmail.com',
    newMessageId: () => `CA+offline${state.newId()}`,
    now,
    addDateWhenMissing: state.addDateWhenMissing,
  });
  const stored = Buffer.from(joinMessage(rewritten), 'latin1');
  const id = state.newId();
  const threadId = thread.threadId ?? id;
  const messageId = headerValue(rewritten, 'message-id');
  const existing = state.threads.get(threadId);
  if (existing) {
    if (messageId) existing.messageIds.add(messageId);
  } else {
    state.threads.set(threadId, {
      id: threadId,
      email: account.email,
      subject: normalizeSubject(subject),
      messageIds: new Set(messageId ? [messageId] : []),
    });
  }

  // Sent to oneself: ["UNREAD","SENT","INBOX"] (google-api-nodejs-client#710).
  const toSelf = all.some((box) => box.address.toLowerCase() === account.email.toLowerCase());
  const labelIds = toSelf ? ['UNREAD', 'SENT', 'INBOX'] : ['SENT'];
  const message: SentMessage = {
    id,
    threadId,
    labelIds,
    account: account.email,
    via,
    acceptedAt: now.toISOString(),
    rawBase64: stored.toString('base64'),
    deliveries: [
      ...recipients.to.map((box) => ({ address: box.address, field: 'to' as const, bccSeen: null })),
      ...recipients.cc.map((box) => ({ address: box.address, field: 'cc' as const, bccSeen: null })),
      ...recipients.bcc.map((box) => ({ address: box.address, field: 'bcc' as const, bccSeen: box.address })),
    ],
    originalRawBase64: raw.toString('base64'),
    parsed: await parsedView(stored),
  };
  state.outbox.push(message);
  return { ok: true, message };
}
