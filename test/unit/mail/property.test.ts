import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessage, measureMessage } from '../../../src/mail/build.ts';
import type { MessageDraft } from '../../../src/mail/types.ts';
import { counterRandom, parse } from './fixtures.ts';
import { inspectRaw } from './raw-invariants.ts';

// Open-ended text: Japanese, emoji ZWJ sequences, combining marks, RTL, the specials of RFC 5322, long words.
const special = fc.constantFrom(
  '山田',
  '太郎',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301',
  'שלום',
  'مرحبا',
  ',',
  '"',
  '\\',
  ';',
  '<',
  '>',
  '(',
  ')',
  '=?',
  '?=',
  ' ',
  '  ',
  '\t',
  'x'.repeat(90),
);
const headerText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), special), { maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((text) => ![...text].some((char) => (char < ' ' && char !== '\t') || char === '\u007f'));
const bodyText = fc.array(
  fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), special, fc.constantFrom('\n', '\r\n', '\r')),
  {
    maxLength: 30,
  },
);
const filename = headerText.map((text) => `${text}.bin`);

/** Parsers trim and collapse the white space around header text; compare what a reader sees. */
const visible = (text: string) => text.replace(/[ \t]+/g, ' ').trim();

describe('property: what goes in comes back out of postal-mime', () => {
  it('subject, names, bodies, filenames and bytes survive any Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(
        headerText,
        headerText,
        bodyText,
        fc.option(bodyText, { nil: undefined }),
        fc.array(fc.record({ name: filename, data: fc.uint8Array({ maxLength: 300 }) }), { maxLength: 3 }),
        async (subject, name, textParts, htmlParts, files) => {
          const draft: MessageDraft = {
            from: { name, address: 'me@例え.jp' },
            to: [{ name, address: 'you@example.com' }],
            bcc: [{ address: 'hidden@example.com' }],
            subject,
            text: textParts.join(''),
            ...(htmlParts ? { html: htmlParts.join('') } : {}),
            attachments: files.map((file) => ({
              filename: file.name,
              contentType: 'application/octet-stream',
              data: file.data,
            })),
          };
          const bytes = buildMessage(draft, { randomBytes: counterRandom() });
          expect(measureMessage(draft)).toBe(bytes.length);
          expect(inspectRaw(bytes).violations).toEqual([]);
          const parsed = await parse(bytes);
          expect(visible(parsed.subject ?? '')).toBe(visible(subject));
          expect(visible(parsed.to?.[0]?.name ?? '')).toBe(visible(name));
          expect(parsed.bcc).toEqual([{ name: '', address: 'hidden@example.com' }]);
          // postal-mime keeps the CRLF that RFC 2046 §5.1.1 gives to the next delimiter when it decodes a
          // quoted-printable part, as one extra trailing "\n" (nodemailer's output shows the same, oracle.test.ts).
          const lines = (text: string | undefined) => (text ?? '').replace(/\r\n|\r|\n/g, '\n');
          const sameBody = (parsedText: string | undefined, expected: string) =>
            [lines(expected), `${lines(expected)}\n`].includes(lines(parsedText));
          expect(sameBody(parsed.text, draft.text), JSON.stringify([parsed.text, draft.text])).toBe(true);
          if (draft.html !== undefined)
            expect(sameBody(parsed.html, draft.html), JSON.stringify([parsed.html, draft.html])).toBe(true);
          expect(parsed.attachments.map((a) => a.filename)).toEqual(files.map((f) => f.name));
          parsed.attachments.forEach((attachment, index) => {
            expect(new Uint8Array(attachment.content as ArrayBuffer)).toEqual(files[index]!.data);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
