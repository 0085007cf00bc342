import { describe, expect, it } from 'vitest';
import type { AddressProblemCode } from '../../../src/mail/address.ts';
import {
  AttachmentTooLargeError,
  HeaderInjectionError,
  InvalidAddressError,
  InvalidHeaderValueError,
  type MailError,
  MessageTooLargeError,
  mailErrorFromRecord,
  NoRecipientError,
} from '../../../src/mail/errors.ts';
import { ATTACHMENT_SIZE_LIMIT, MESSAGE_SIZE_LIMIT } from '../../../src/mail/types.ts';
import { formatAddressProblem, formatMailError, formatSize, mailText } from '../../../src/text/mail.ts';

const table: Record<string, { en: string; ja: string }> = mailText;

const problemCodes: AddressProblemCode[] = [
  'empty',
  'control-char',
  'contains-space',
  'fullwidth-at',
  'missing-at',
  'multiple-at',
  'missing-local',
  'missing-domain',
  'non-ascii-local',
  'bad-local',
  'bad-domain',
  'too-long',
  'unclosed-quote',
  'unclosed-angle',
  'trailing-text',
];

const errors: MailError[] = [
  new HeaderInjectionError('to[1].name', 0x0a),
  new HeaderInjectionError('attachments[0].filename', 0x00),
  new InvalidHeaderValueError('inReplyTo', 'bad-id'),
  new InvalidHeaderValueError('attachments[2].contentType', 'bad-content-type'),
  new InvalidHeaderValueError('attachments[1].contentId', 'duplicate-content-id'),
  new InvalidHeaderValueError('date', 'bad-date'),
  new InvalidHeaderValueError('listUnsubscribe', 'too-long'),
  new InvalidAddressError('cc[0]', [{ input: 'taro＠example.jp', code: 'fullwidth-at', start: 0, end: 15 }]),
  new NoRecipientError(),
  new AttachmentTooLargeError('動画.mp4', ATTACHMENT_SIZE_LIMIT + 3 * 1024 * 1024, ATTACHMENT_SIZE_LIMIT),
  new AttachmentTooLargeError(undefined, ATTACHMENT_SIZE_LIMIT + 500, ATTACHMENT_SIZE_LIMIT),
  new MessageTooLargeError(MESSAGE_SIZE_LIMIT + 1_500_000, MESSAGE_SIZE_LIMIT),
];

describe('mail text', () => {
  it('has a message for every error code and every address problem', () => {
    for (const error of errors) expect(table).toHaveProperty(error.code);
    for (const code of problemCodes) expect(table[`mail.address.${code}`]?.ja).toBeTruthy();
  });

  it.each(errors.map((error) => [error.code, error] as const))(
    '%s reads as a full sentence with no placeholder left',
    (_code, error) => {
      for (const locale of ['en', 'ja'] as const) {
        const text = formatMailError(error, locale);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(8);
      }
    },
  );

  it('says by how much a file is over the limit, in both languages', () => {
    const error = errors.find((e) => e instanceof AttachmentTooLargeError && e.filename !== undefined)!;
    expect(formatMailError(error, 'en')).toBe('“動画.mp4” is 28 MB, 3 MB over Gmail’s 25 MB limit for attachments.');
    expect(formatMailError(error, 'ja')).toBe(
      '「動画.mp4」のサイズは 28 MB で、Gmail の添付ファイルの上限 25 MB を 3 MB 超えています。',
    );
  });

  it('names the field in the user’s language', () => {
    expect(formatMailError(errors[0]!, 'ja')).toBe(
      '宛先（To）に改行または制御文字が含まれています。取り除いてから、もう一度お試しください。',
    );
    expect(formatMailError(errors[1]!, 'en')).toMatch(/^Attachment 1 contains a line break/);
    expect(formatAddressProblem({ input: 'taro', code: 'missing-at', start: 0, end: 4 }, 'ja')).toBe(
      '「taro」: アドレスに @ がありません。',
    );
  });

  it.each([
    [512, '512 B'],
    [1536, '2 KB'],
    [MESSAGE_SIZE_LIMIT, '35 MB'],
    [ATTACHMENT_SIZE_LIMIT, '25 MB'],
    [ATTACHMENT_SIZE_LIMIT + 1, '25.1 MB'],
  ])('formatSize(%i) = %s (never rounds an overage down to zero)', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('error records', () => {
  it.each(errors.map((error) => [error.code, error] as const))(
    '%s survives structured cloning as a typed error',
    (_code, error) => {
      const record = structuredClone(error.toRecord());
      const rebuilt = mailErrorFromRecord(record);
      expect(rebuilt).toBeInstanceOf(error.constructor);
      expect(rebuilt.toRecord()).toEqual(error.toRecord());
      expect(rebuilt.message).toBe(error.message);
    },
  );
});
