/**
 * Reads a built or sent message back with postal-mime and lists every way it differs from what the user wrote.
 * Shared by the builder corpus (Node) and the form corpus (the outbox of the offline Google). An empty list means
 * the message is correct: the right recipients (IDN domains in Punycode), subject, body and files byte for byte, no
 * header that the user did not ask for, and raw bytes that obey RFC 5322 (7-bit, CRLF only, lines ≤ 998 octets).
 */
import { domainToASCII } from 'node:url';
import PostalMime from 'postal-mime';
import {
  expandFiles,
  fileBytes,
  type HostileCase,
  type HostileMailbox,
  typedIntoInput,
  typedIntoTextarea,
  wellFormed,
} from './hostile-corpus.ts';

export interface ExpectedMessage {
  to: HostileMailbox[];
  cc: HostileMailbox[];
  bcc: HostileMailbox[];
  subject: string;
  body: string;
  files: { name: string; size: number; seed: number }[];
}

/** Headers a message from this app may carry at its top level; anything else was injected. */
const allowedTopHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** What the message must say, from the case as given to the builder or as the form holds it after typing. */
export function expectedMessage(hostile: HostileCase, via: 'builder' | 'form'): ExpectedMessage {
  const field = via === 'form' ? typedIntoInput : (text: string) => text;
  const mailboxes = (list: HostileMailbox[] = []) =>
    list.map((mailbox) => ({
      address: field(mailbox.address),
      ...(mailbox.name ? { name: field(mailbox.name) } : {}),
    }));
  return {
    to: mailboxes(hostile.to),
    cc: mailboxes(hostile.cc),
    bcc: mailboxes(hostile.bcc),
    subject: field(hostile.subject),
    body: via === 'form' ? typedIntoTextarea(hostile.body) : hostile.body,
    files: expandFiles(hostile.files).map((file, index) => ({ name: file.name, size: file.size, seed: index })),
  };
}

function asciiAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1))}`.toLowerCase();
}

const lines = (text: string | undefined) => (text ?? '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');

function rawProblems(raw: Uint8Array): string[] {
  const problems: string[] = [];
  let lineStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte > 0x7e && byte !== 0x7f) {
      problems.push(`8-bit byte 0x${byte.toString(16)} at ${i}`);
      break;
    }
    if (byte === 0x0d && raw[i + 1] !== 0x0a) {
      problems.push(`bare CR at ${i}`);
      break;
    }
    if (byte === 0x0a) {
      if (raw[i - 1] !== 0x0d) {
        problems.push(`bare LF at ${i}`);
        break;
      }
      if (i - 1 - lineStart > 998) {
        problems.push(`line of ${i - 1 - lineStart} octets at ${lineStart}`);
        break;
      }
      lineStart = i + 1;
    }
  }
  return problems;
}

/** Every difference between the raw message and what was expected; empty when the message is right. */
export async function messageProblems(raw: Uint8Array, expected: ExpectedMessage): Promise<string[]> {
  const problems = rawProblems(raw);
  const mail = await PostalMime.parse(raw);
  const counts = new Map<string, number>();
  for (const header of mail.headers) {
    counts.set(header.key, (counts.get(header.key) ?? 0) + 1);
    if (!allowedTopHeaders.has(header.key)) problems.push(`unexpected header ${header.key}: ${header.value}`);
  }
  for (const [key, count] of counts) if (count > 1) problems.push(`${count} ${key} headers`);

  for (const field of ['to', 'cc', 'bcc'] as const) {
    const got = (mail[field] ?? []).map((entry) => ({ address: entry.address ?? '', name: entry.name ?? '' }));
    const want = expected[field].map((mailbox) => ({
      address: asciiAddress(mailbox.address),
      name: wellFormed(mailbox.name ?? '').trim(),
    }));
    const gotText = JSON.stringify(got.map((entry) => ({ ...entry, address: entry.address.toLowerCase() })));
    if (gotText !== JSON.stringify(want)) problems.push(`${field}: got ${gotText}, want ${JSON.stringify(want)}`);
  }
  const subject = (mail.subject ?? '').trim();
  if (subject !== wellFormed(expected.subject).trim()) {
    problems.push(`subject: got ${JSON.stringify(subject.slice(0, 120))} (${subject.length} chars)`);
  }
  if (lines(mail.text) !== lines(wellFormed(expected.body))) {
    problems.push(`body: got ${JSON.stringify((mail.text ?? '').slice(0, 120))}`);
  }
  if (mail.attachments.length !== expected.files.length) {
    problems.push(`attachments: got ${mail.attachments.length}, want ${expected.files.length}`);
  } else {
    expected.files.forEach((file, index) => {
      const got = mail.attachments[index]!;
      if (got.filename !== wellFormed(file.name)) {
        problems.push(`file ${index} name: got ${JSON.stringify(got.filename)}, want ${JSON.stringify(file.name)}`);
      }
      const content =
        typeof got.content === 'string' ? new TextEncoder().encode(got.content) : new Uint8Array(got.content);
      if (Buffer.compare(Buffer.from(content), Buffer.from(fileBytes(file.size, file.seed))) !== 0) {
        problems.push(`file ${index} content differs (${content.length} bytes, want ${file.size})`);
      }
    });
  }
  return problems;
}
