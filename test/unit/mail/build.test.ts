import { describe, expect, it } from 'vitest';
import { buildMessage, formatDate, measureMessage, toGmailRaw } from '../../../src/mail/build.ts';
import {
  AttachmentTooLargeError,
  InvalidAddressError,
  InvalidHeaderValueError,
  MessageTooLargeError,
  NoRecipientError,
} from '../../../src/mail/errors.ts';
import { ATTACHMENT_SIZE_LIMIT, MESSAGE_SIZE_LIMIT, type MessageDraft } from '../../../src/mail/types.ts';
import { counterRandom, fixedOptions, fullDraft, parse, png } from './fixtures.ts';
import { inspectRaw, longHeaderLines } from './raw-invariants.ts';

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
const headerSection = (bytes: Uint8Array) => latin1(bytes).split('\r\n\r\n')[0]!;

describe('buildMessage: the full draft', () => {
  const draft = fullDraft();
  const bytes = buildMessage(draft, fixedOptions());
  const raw = latin1(bytes);

  it('passes every raw invariant: 7-bit, CRLF only, lines ≤ 998/78/76, words ≤ 75 decoding alone, boundaries', () => {
    const report = inspectRaw(bytes);
    expect(report.violations).toEqual([]);
    expect(longHeaderLines(report)).toEqual([]);
    expect(report.encodedWords.length).toBeGreaterThan(10);
    expect(report.boundaries).toHaveLength(3);
  });

  it('measures exactly what it builds', () => {
    expect(measureMessage(draft, fixedOptions())).toBe(bytes.length);
    expect(measureMessage(draft)).toBe(bytes.length);
  });

  it('is deterministic with fixed options', () => {
    expect(buildMessage(draft, fixedOptions())).toEqual(bytes);
  });

  it('keeps Bcc in the raw message and writes headers in a stable order', () => {
    const names = headerSection(bytes)
      .split('\r\n')
      .filter((line) => !line.startsWith(' '))
      .map((line) => line.slice(0, line.indexOf(':')));
    expect(names).toEqual([
      'From',
      'To',
      'Cc',
      'Bcc',
      'Reply-To',
      'Subject',
      'Date',
      'Message-ID',
      'In-Reply-To',
      'References',
      'MIME-Version',
      'Content-Type',
    ]);
    expect(raw).toContain('Bcc: "Hidden \\"Boss\\"" <boss@example.com>\r\n');
  });

  it('writes the IDN domain in punycode and a Message-ID on it', () => {
    expect(raw.replace(/\r\n /g, ' ')).toMatch(/^From: .*<taro@xn--r8jz45g\.jp>\r\n/m);
    expect(raw).toMatch(
      /^Message-ID: <[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@xn--r8jz45g\.jp>\r\n/m,
    );
    expect(raw).toContain('In-Reply-To: <CAF=abc123@mail.gmail.com>\r\n');
    expect(raw).toContain('References: <first@example.com> <CAF=abc123@mail.gmail.com>\r\n');
  });

  it('builds mixed > alternative > [plain, related > [html, image]], then the attachments', () => {
    const types = [...raw.matchAll(/^Content-Type: ([a-z/-]+)/gm)].map((match) => match[1]);
    expect(types).toEqual([
      'multipart/mixed',
      'multipart/alternative',
      'text/plain',
      'multipart/related',
      'text/html',
      'image/png',
      'application/pdf',
      'text/csv',
    ]);
    expect(raw).toMatch(/Content-Type: multipart\/related; type="text\/html";\r\n boundary=/);
  });

  it('round-trips through postal-mime', async () => {
    const parsed = await parse(bytes);
    expect(parsed.from).toEqual({ name: '山田 太郎（営業部）', address: 'taro@xn--r8jz45g.jp' });
    expect(parsed.to).toEqual([
      { name: 'Doe, John', address: 'john@example.com' },
      { name: 'שרה כהן', address: 'sara@example.co.il' },
      { name: '', address: 'plain@example.org' },
    ]);
    expect(parsed.cc).toEqual([{ name: '佐藤 花子 👩‍💻', address: 'hanako@example.jp' }]);
    expect(parsed.bcc).toEqual([{ name: 'Hidden "Boss"', address: 'boss@example.com' }]);
    expect(parsed.replyTo).toEqual([
      { name: 'Support', address: 'support@example.com' },
      { name: 'サポート窓口', address: 'support@example.jp' },
    ]);
    expect(parsed.subject).toBe(draft.subject);
    expect(parsed.inReplyTo).toBe('<CAF=abc123@mail.gmail.com>');
    expect(parsed.date).toBe('2026-11-25T23:30:00.000Z');
    expect(parsed.text).toBe('こんにちは。\r\n\r\n資料を添付します。\r\nよろしくお願いします。\r\n— Taro\r\n');
    expect(parsed.html).toBe(draft.html);
    const attachments = draft.attachments!;
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType, a.disposition, a.contentId])).toEqual([
      ['logo.png', 'image/png', 'inline', '<logo@example.jp>'],
      [attachments[1]!.filename, 'application/pdf', 'attachment', undefined],
      [attachments[2]!.filename, 'text/csv', 'attachment', undefined],
    ]);
    parsed.attachments.forEach((attachment, index) => {
      expect(new Uint8Array(attachment.content as ArrayBuffer)).toEqual(attachments[index]!.data);
    });
  });

  it('every cid: in the HTML has a part with that Content-ID', async () => {
    const parsed = await parse(bytes);
    const ids = new Set(parsed.attachments.map((a) => a.contentId?.replace(/^<|>$/g, '')));
    const cids = [...(parsed.html ?? '').matchAll(/cid:([^"'\s>]+)/g)].map((m) => m[1]);
    expect(cids.length).toBeGreaterThan(0);
    for (const cid of cids) expect(ids.has(cid)).toBe(true);
  });

  it('toGmailRaw gives unpadded base64url of exactly these bytes', () => {
    const rawField = toGmailRaw(bytes);
    expect(rawField).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(rawField, 'base64url')).toEqual(Buffer.from(bytes));
  });
});

describe('buildMessage: smaller shapes', () => {
  const base: MessageDraft = { to: [{ address: 'a@example.com' }], subject: 'Hello', text: 'Hi there' };

  it('a text-only mail is a single text/plain part in quoted-printable', () => {
    const raw = latin1(buildMessage(base, fixedOptions()));
    expect(
      raw.endsWith(
        'Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi there',
      ),
    ).toBe(true);
    expect(raw).not.toContain('multipart');
    expect(raw).not.toMatch(/^From:/m);
  });

  it('chooses base64 for Japanese text and QP for mostly-Latin text, whichever is shorter', () => {
    const japanese = latin1(buildMessage({ ...base, text: 'こんにちは、世界。'.repeat(20) }, fixedOptions()));
    expect(japanese).toContain('Content-Transfer-Encoding: base64');
    const latin = latin1(
      buildMessage(
        { ...base, text: 'Café meeting tomorrow at noon; please bring the slides. '.repeat(10) },
        fixedOptions(),
      ),
    );
    expect(latin).toContain('Content-Transfer-Encoding: quoted-printable');
  });

  it('an inline image without HTML becomes an ordinary attachment', () => {
    const draft = {
      ...base,
      attachments: [{ filename: 'a.png', contentType: 'image/png', data: png, contentId: 'a@x' }],
    };
    const raw = latin1(buildMessage(draft, fixedOptions()));
    expect(raw).toContain('Content-Disposition: attachment; filename="a.png"');
    expect(raw).not.toContain('Content-ID');
    expect(raw).not.toContain('multipart/related');
  });

  it('an empty file type means application/octet-stream (what File.type gives for unknown files)', async () => {
    const draft = { ...base, attachments: [{ filename: 'x.bin', contentType: '', data: new Uint8Array([0, 255]) }] };
    const parsed = await parse(buildMessage(draft));
    expect(parsed.attachments[0]?.mimeType).toBe('application/octet-stream');
  });

  it('an empty attachment and an empty body still make a valid message', async () => {
    const draft = {
      ...base,
      text: '',
      attachments: [{ filename: 'empty.txt', contentType: 'text/plain', data: new Uint8Array() }],
    };
    const bytes = buildMessage(draft, fixedOptions());
    expect(inspectRaw(bytes).violations).toEqual([]);
    expect(measureMessage(draft)).toBe(bytes.length);
    const parsed = await parse(bytes);
    expect(parsed.attachments[0]?.filename).toBe('empty.txt');
    expect((parsed.attachments[0]!.content as ArrayBuffer).byteLength).toBe(0);
  });

  it('a Bcc-only mail is allowed; no recipient at all is not', () => {
    expect(() => buildMessage({ ...base, to: [], bcc: [{ address: 'b@example.com' }] })).not.toThrow();
    expect(() => buildMessage({ ...base, to: [] })).toThrow(NoRecipientError);
  });

  it('refuses an invalid address with the field and the reason', () => {
    try {
      buildMessage({ ...base, cc: [{ address: 'ok@example.com' }, { address: 'taro＠example.jp' }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAddressError);
      expect((error as InvalidAddressError).field).toBe('cc[1]');
      expect((error as InvalidAddressError).problems.map((p) => p.code)).toEqual(['fullwidth-at']);
    }
  });

  it.each([
    [{ messageId: 'has space@x' }, 'messageId', 'bad-id'],
    [{ inReplyTo: '<a<b@x>' }, 'inReplyTo', 'bad-id'],
    [{ messageId: `${'x'.repeat(901)}@example.com` }, 'messageId', 'bad-id'],
    [{ inReplyTo: 'ünïcode@x' }, 'inReplyTo', 'bad-id'],
    [{ date: new Date(Number.NaN) }, 'date', 'bad-date'],
    [
      { attachments: [{ filename: 'a', contentType: `application/${'x'.repeat(250)}`, data: png }] },
      'attachments[0].contentType',
      'bad-content-type',
    ],
    [{ references: ['ok@x', 'bad<id@x'] }, 'references[1]', 'bad-id'],
    [
      { attachments: [{ filename: 'a', contentType: 'text', data: png }] },
      'attachments[0].contentType',
      'bad-content-type',
    ],
    [
      {
        html: '<img src="cid:a@x">',
        attachments: [
          { filename: 'a', contentType: 'image/png', data: png, contentId: 'a@x' },
          { filename: 'b', contentType: 'image/png', data: png, contentId: '<a@x>' },
        ],
      },
      'attachments[1].contentId',
      'duplicate-content-id',
    ],
  ])('refuses %j as %s (%s)', (extra, field, reason) => {
    try {
      buildMessage({ ...base, ...extra } as MessageDraft);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidHeaderValueError);
      expect(error).toMatchObject({ field, reason });
    }
  });

  it('uses a given Message-ID, and the messageIdDomain option for generated ones', () => {
    expect(latin1(buildMessage({ ...base, messageId: '<fixed@example.com>' }))).toContain(
      'Message-ID: <fixed@example.com>\r\n',
    );
    expect(latin1(buildMessage(base, { messageIdDomain: 'mail.example.net', randomBytes: counterRandom() }))).toMatch(
      /Message-ID: <[0-9a-f-]{36}@mail\.example\.net>\r\n/,
    );
  });
});

describe('size limits', () => {
  const base: MessageDraft = { to: [{ address: 'a@example.com' }], subject: 'Big', text: '' };

  it('accepts one 25 MiB attachment: the encoded message stays under 36,700,160 bytes', () => {
    const data = new Uint8Array(ATTACHMENT_SIZE_LIMIT);
    const draft = { ...base, attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', data }] };
    const size = measureMessage(draft);
    expect(size).toBeLessThan(MESSAGE_SIZE_LIMIT);
    expect(buildMessage(draft).length).toBe(size);
  });

  it('refuses a single file over 25 MiB, saying by how much', () => {
    const data = new Uint8Array(ATTACHMENT_SIZE_LIMIT + 10);
    const error = (() => {
      try {
        buildMessage({ ...base, attachments: [{ filename: '動画.mp4', contentType: 'video/mp4', data }] });
      } catch (caught) {
        return caught;
      }
    })() as AttachmentTooLargeError;
    expect(error).toBeInstanceOf(AttachmentTooLargeError);
    expect(error).toMatchObject({
      filename: '動画.mp4',
      size: ATTACHMENT_SIZE_LIMIT + 10,
      limit: ATTACHMENT_SIZE_LIMIT,
      over: 10,
    });
  });

  it('refuses files that add up to more than 25 MiB without naming one', () => {
    const half = new Uint8Array(ATTACHMENT_SIZE_LIMIT / 2 + 1);
    const attachments = [
      { filename: 'a.bin', contentType: 'application/octet-stream', data: half },
      { filename: 'b.bin', contentType: 'application/octet-stream', data: half },
    ];
    expect(() => buildMessage({ ...base, attachments })).toThrow(
      expect.objectContaining({ code: 'mail.attachment-too-large', filename: undefined, over: 2 }),
    );
  });

  it('refuses a message whose encoding passes 36,700,160 bytes even when attachments are within 25 MiB', () => {
    const data = new Uint8Array(ATTACHMENT_SIZE_LIMIT);
    const text = 'あ'.repeat(400_000);
    const draft = {
      ...base,
      text,
      attachments: [{ filename: 'big.bin', contentType: 'application/octet-stream', data }],
    };
    const size = measureMessage(draft);
    expect(size).toBeGreaterThan(MESSAGE_SIZE_LIMIT);
    expect(() => buildMessage(draft)).toThrow(
      expect.objectContaining({
        code: 'mail.message-too-large',
        size,
        limit: MESSAGE_SIZE_LIMIT,
        over: size - MESSAGE_SIZE_LIMIT,
      }),
    );
    expect(() => buildMessage(draft)).toThrow(MessageTooLargeError);
  });
});

describe('formatDate (RFC 5322 §3.3)', () => {
  it('writes the local zone as ±hhmm and a two-digit day', () => {
    const text = formatDate(new Date(2026, 0, 5, 7, 8, 9));
    expect(text).toMatch(/^Mon, 05 Jan 2026 07:08:09 [+-]\d{4}$/);
    expect(new Date(text).getTime()).toBe(new Date(2026, 0, 5, 7, 8, 9).getTime());
  });
});
