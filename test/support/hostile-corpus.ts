/**
 * The hostile-input corpus (issue 9): inputs a careless paste, a hostile sender or an odd file system can produce.
 * One list, run twice: through the message builder (test/unit/hostile/corpus.test.ts) and through the compose form
 * (test/e2e/reliability/hostile-inputs.spec.ts). Each case says what each layer must do with it: build a correct
 * message, or refuse with a typed error (builder) / a clear translated message (form). Never crash, never lose it.
 *
 * The form cannot always receive the exact input: `<input type=text>` drops CR and LF from its value (HTML "value
 * sanitization"; Chromium inserts a space for each), so `typedIntoInput` says what the page holds after the paste.
 */
import type { MailErrorCode } from '../../src/mail/errors.ts';

export interface HostileMailbox {
  name?: string;
  address: string;
}

export interface HostileFile {
  name: string;
  /** MIME type as the browser reports it ('' for unknown extensions). */
  type: string;
  size: number;
  /** This many files with the same shape (names get `-<n>` before the extension when `numbered`). */
  count?: number;
  numbered?: boolean;
}

/** Where a refusal surfaces in the form: a marked recipient, the Send area, or Send disabled by a blocker. */
export type FormOutcome = { sent: true } | { sent: false; sees: RegExp };

export interface HostileCase {
  id: string;
  title: string;
  to: HostileMailbox[];
  cc?: HostileMailbox[];
  bcc?: HostileMailbox[];
  subject: string;
  body: string;
  files?: HostileFile[];
  /** What `buildMessage` must do: a correct message, or this typed error. */
  builder: { ok: true } | { error: MailErrorCode };
  /** What the user must get from the form. */
  form: FormOutcome;
}

const bob = { address: 'bob@example.com' };
const injection = '\r\nBcc: evil@attacker.example';
const xssImg = '<img src=x onerror="window.__xss=1">';
const xssScript = '<script>window.__xss=1</script>';

/** The translated sentences a refusal may show (English; the form tests run in English). */
export const formRefusals = {
  invalidRecipient: /Fix or remove the addresses marked as invalid/,
  headerInjection: /line break|control character|invisible control/i,
  tooLarge: /over Gmail’s 25 MB limit/,
  noRecipient: /Add at least one recipient/,
};

export const hostileCorpus: HostileCase[] = [
  // CR/LF and NUL in every header field.
  {
    id: 'to-crlf',
    title: 'CR/LF + Bcc header in a To address',
    to: [{ address: `bob@example.com${injection}` }],
    subject: 'to crlf',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'to-nul',
    title: 'NUL in a To address',
    to: [{ address: 'bob\u0000@example.com' }],
    subject: 'to nul',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'cc-crlf',
    title: 'CR/LF + Bcc header in a Cc address',
    to: [bob],
    cc: [{ address: `carol@example.com${injection}` }],
    subject: 'cc crlf',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'cc-nul',
    title: 'NUL in a Cc address',
    to: [bob],
    cc: [{ address: 'carol@exam\u0000ple.com' }],
    subject: 'cc nul',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'bcc-crlf',
    title: 'CR/LF + To header in a Bcc address',
    to: [bob],
    bcc: [{ address: 'dave@example.com\r\nTo: everyone@attacker.example' }],
    subject: 'bcc crlf',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'bcc-nul',
    title: 'NUL in a Bcc address',
    to: [bob],
    bcc: [{ address: '\u0000dave@example.com' }],
    subject: 'bcc nul',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'subject-crlf',
    title: 'CR/LF + Bcc header in the subject',
    to: [bob],
    subject: `Invoice${injection}`,
    body: 'x',
    builder: { error: 'mail.header-injection' },
    // The text input turns the line break into a space: one line arrives, and no Bcc header is added.
    form: { sent: true },
  },
  {
    id: 'subject-lf',
    title: 'lone LF + header in the subject',
    to: [bob],
    subject: 'Hello\nX-Injected: 1',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: true },
  },
  {
    id: 'subject-nul',
    title: 'NUL in the subject',
    to: [bob],
    subject: 'null\u0000byte',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.headerInjection },
  },
  {
    id: 'subject-del',
    title: 'DEL and ESC in the subject',
    to: [bob],
    subject: 'bell\u001b[31m red\u007f',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.headerInjection },
  },
  {
    id: 'name-crlf',
    title: 'CR/LF + Bcc header in a display name',
    to: [{ name: `Bob${injection}`, address: 'bob@example.com' }],
    subject: 'name crlf',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: true },
  },
  {
    id: 'name-nul',
    title: 'NUL in a display name',
    to: [{ name: 'Bo\u0000b', address: 'bob@example.com' }],
    subject: 'name nul',
    body: 'x',
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'file-crlf',
    title: 'CR/LF + header in a file name',
    to: [bob],
    subject: 'file crlf',
    body: 'x',
    files: [{ name: 'report\r\nContent-Type: text/html.txt', type: 'text/plain', size: 10 }],
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.headerInjection },
  },
  {
    id: 'file-nul',
    title: 'NUL in a file name',
    to: [bob],
    subject: 'file nul',
    body: 'x',
    files: [{ name: 'report\u0000.pdf', type: 'application/pdf', size: 10 }],
    builder: { error: 'mail.header-injection' },
    form: { sent: false, sees: formRefusals.headerInjection },
  },
  // Length.
  {
    id: 'subject-10k',
    title: 'a subject of 10,000 characters (one word)',
    to: [bob],
    subject: 'x'.repeat(10_000),
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'subject-10k-ja',
    title: 'a Japanese subject of 10,000 characters',
    to: [bob],
    subject: '長い件名のテストです。'.repeat(1_000),
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'body-long-line',
    title: 'a body line of 100,000 characters without a space',
    to: [bob],
    subject: 'long line',
    body: 'y'.repeat(100_000),
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'file-name-300',
    title: 'a file name of 300 characters',
    to: [bob],
    subject: 'long file name',
    body: 'x',
    files: [{ name: `${'ファイル名'.repeat(60)}.txt`, type: 'text/plain', size: 20 }],
    builder: { ok: true },
    form: { sent: true },
  },
  // Unicode edge cases.
  {
    id: 'subject-lone-high',
    title: 'an unpaired high surrogate in the subject',
    to: [bob],
    subject: 'broken \ud83d pair',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'name-lone-low',
    title: 'an unpaired low surrogate in a display name',
    to: [{ name: 'Bob \udc00 Smith', address: 'bob@example.com' }],
    subject: 'lone low',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'file-lone-surrogate',
    title: 'an unpaired surrogate in a file name',
    to: [bob],
    subject: 'lone in file',
    body: 'x',
    files: [{ name: 'photo\ud800.jpg', type: 'image/jpeg', size: 30 }],
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'body-lone-surrogate',
    title: 'an unpaired surrogate in the body',
    to: [bob],
    subject: 'lone in body',
    body: 'text \udfff end',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'zwj-emoji',
    title: 'ZWJ emoji in subject, name and file name',
    to: [{ name: '👨‍👩‍👧‍👦 Family', address: 'bob@example.com' }],
    subject: 'Family 👨‍👩‍👧‍👦 and 🏳️‍🌈 flags '.repeat(4),
    body: '👩🏽‍💻',
    files: [{ name: '👨‍👩‍👧‍👦.png', type: 'image/png', size: 40 }],
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'file-rtl-override',
    title: 'RTL override in a file name (invoice‮fdp.exe)',
    to: [bob],
    subject: 'rtl',
    body: 'x',
    files: [{ name: 'invoice\u202efdp.exe', type: 'application/octet-stream', size: 50 }],
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'subject-bidi-bom',
    title: 'BOM, zero-width space and NEL in the subject',
    to: [bob],
    subject: '\ufeffstart\u200bmiddle\u0085end\u2028',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'subject-encoded-word',
    title: 'a subject that looks like an encoded-word',
    to: [bob],
    subject: '=?UTF-8?B?SGFja2Vk?= literal',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  // HTML and script where only text belongs.
  {
    id: 'subject-html',
    title: 'HTML and script in the subject',
    to: [bob],
    subject: `${xssImg} ${xssScript}`,
    body: xssScript,
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'name-html',
    title: 'HTML in a display name',
    to: [{ name: xssImg, address: 'bob@example.com' }],
    subject: 'html name',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'file-html',
    title: 'HTML in a file name',
    to: [bob],
    subject: 'html file',
    body: 'x',
    files: [{ name: '<img src=x onerror=alert(1)>.html', type: 'text/html', size: 60 }],
    builder: { ok: true },
    form: { sent: true },
  },
  // Names that lie.
  {
    id: 'name-is-address',
    title: 'a display name that is another address ("bank@x.com" <evil@y.com>)',
    to: [{ name: 'bank@x.com', address: 'evil@y.com' }],
    subject: 'disguised',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'name-with-angle-and-comma',
    title: 'a display name with a comma, quotes and <brackets>',
    to: [{ name: 'Doe, "John" <john@bank.example>', address: 'john@example.com' }],
    subject: 'tricky name',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  // Many things.
  {
    id: 'thousand-recipients',
    title: 'a thousand recipients',
    to: Array.from({ length: 1_000 }, (_, i) => ({ address: `user${i}@example.com` })),
    subject: 'everyone',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'empty-file',
    title: 'an empty file',
    to: [bob],
    subject: 'empty file',
    body: 'x',
    files: [{ name: 'empty.txt', type: 'text/plain', size: 0 }],
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'file-30mb',
    title: 'a 30 MB file',
    to: [bob],
    subject: '30 MB',
    body: 'x',
    files: [{ name: 'big.bin', type: 'application/octet-stream', size: 30 * 1024 * 1024 }],
    builder: { error: 'mail.attachment-too-large' },
    form: { sent: false, sees: formRefusals.tooLarge },
  },
  {
    id: 'files-200',
    title: '200 small files',
    to: [bob],
    subject: '200 files',
    body: 'x',
    files: [{ name: 'note.txt', type: 'text/plain', size: 100, count: 200, numbered: true }],
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'files-duplicate-names',
    title: 'duplicate file names',
    to: [bob],
    subject: 'same names',
    body: 'x',
    files: [{ name: 'report.pdf', type: 'application/pdf', size: 70, count: 3 }],
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'file-path-traversal',
    title: 'path separators and quotes in a file name',
    to: [bob],
    subject: 'path',
    body: 'x',
    files: [{ name: '..\\..\\"quoted"; name=evil.exe', type: '', size: 80 }],
    builder: { ok: true },
    form: { sent: true },
  },
  // Addresses.
  {
    id: 'domain-invalid-hyphen',
    title: 'an invalid domain (-bad-.com)',
    to: [{ address: 'user@-bad-.com' }],
    subject: 'bad domain',
    body: 'x',
    builder: { error: 'mail.invalid-address' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'domain-single-label',
    title: 'a single-label domain (user@localhost)',
    to: [{ address: 'user@localhost' }],
    subject: 'single label',
    body: 'x',
    builder: { error: 'mail.invalid-address' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'address-double-at',
    title: 'two @ in an address',
    to: [{ address: 'user@@example.com' }],
    subject: 'double at',
    body: 'x',
    builder: { error: 'mail.invalid-address' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'address-fullwidth-at',
    title: 'a full-width ＠ in an address',
    to: [{ address: 'taro＠example.jp' }],
    subject: 'fullwidth',
    body: 'x',
    builder: { error: 'mail.invalid-address' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'address-non-ascii-local',
    title: 'a non-ASCII local part (ユーザー@example.jp)',
    to: [{ address: 'ユーザー@example.jp' }],
    subject: 'non-ascii local',
    body: 'x',
    builder: { error: 'mail.invalid-address' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'domain-idn-ja',
    title: 'an internationalised domain (例え.jp)',
    to: [{ name: '山田 太郎', address: 'taro@例え.jp' }],
    subject: 'IDN',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'domain-idn-de',
    title: 'an internationalised domain (bücher.de) in Cc and Bcc',
    to: [bob],
    cc: [{ address: 'info@bücher.de' }],
    bcc: [{ address: 'kontakt@straße.de' }],
    subject: 'IDN cc',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'address-plus-tag',
    title: 'dots and a +tag in the local part',
    to: [{ address: 'first.last+tag@mail.example.co.uk' }],
    subject: 'plus',
    body: 'x',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'address-too-long',
    title: 'a local part of 65 characters',
    to: [{ address: `${'a'.repeat(65)}@example.com` }],
    subject: 'too long',
    body: 'x',
    builder: { error: 'mail.invalid-address' },
    form: { sent: false, sees: formRefusals.invalidRecipient },
  },
  {
    id: 'no-recipients',
    title: 'no recipient at all',
    to: [],
    subject: 'nobody',
    body: 'x',
    builder: { error: 'mail.no-recipient' },
    form: { sent: false, sees: formRefusals.noRecipient },
  },
  // Bodies.
  {
    id: 'body-control',
    title: 'NUL, lone CR, and a line with only a dot in the body',
    to: [bob],
    subject: 'body control',
    body: 'first\u0000\rsecond\n.\nthird\r\n..\nFrom the start',
    builder: { ok: true },
    form: { sent: true },
  },
  {
    id: 'empty-subject-body',
    title: 'an empty subject and body',
    to: [bob],
    subject: '',
    body: '',
    builder: { ok: true },
    form: { sent: true },
  },
];

/** Expands `count` into single files, numbering names when asked (`note-001.txt`). */
export function expandFiles(files: readonly HostileFile[] = []): HostileFile[] {
  return files.flatMap((file) => {
    const count = file.count ?? 1;
    if (count === 1) return [{ ...file, count: 1 }];
    return Array.from({ length: count }, (_, index) => {
      if (!file.numbered) return { ...file, count: 1 };
      const dot = file.name.lastIndexOf('.');
      const number = `-${String(index + 1).padStart(3, '0')}`;
      const name = dot > 0 ? `${file.name.slice(0, dot)}${number}${file.name.slice(dot)}` : `${file.name}${number}`;
      return { ...file, name, count: 1 };
    });
  });
}

/** Deterministic file content: a repeating pattern seeded by the file's position, so byte checks are exact. */
export function fileBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
}

/** A mailbox as a user types it into a recipient field. */
export function mailboxText(mailbox: HostileMailbox): string {
  if (!mailbox.name) return mailbox.address;
  return `"${mailbox.name.replace(/["\\]/g, '\\$&')}" <${mailbox.address}>`;
}

/** What a single-line text input holds after `value` was pasted or inserted: Chromium turns each line break into a space. */
export function typedIntoInput(value: string): string {
  return value.replace(/\r\n|[\r\n]/g, ' ');
}

/** What a textarea holds: every CRLF and lone CR becomes LF (HTML "normalize newlines"). */
export function typedIntoTextarea(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** The corpus as it reaches the message: lone surrogates become U+FFFD when text is encoded as UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
