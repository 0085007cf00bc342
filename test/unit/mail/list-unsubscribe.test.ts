/**
 * The List-Unsubscribe header (RFC 2369 §3.2) with a mailto: URI (RFC 6068): written only when asked for, ASCII,
 * one unfolded `<…>` word, read back by a real parser (postal-mime) to the address and subject that were given.
 */
import { describe, expect, it } from 'vitest';
import { buildMessage, measureMessage } from '../../../src/mail/build.ts';
import { InvalidAddressError, InvalidHeaderValueError } from '../../../src/mail/errors.ts';
import type { MessageDraft } from '../../../src/mail/types.ts';
import { formatMailError } from '../../../src/text/mail.ts';
import { fixedOptions, parse } from './fixtures.ts';
import { inspectRaw } from './raw-invariants.ts';

const draft = (listUnsubscribe?: MessageDraft['listUnsubscribe']): MessageDraft => ({
  from: { name: '山田 太郎', address: 'taro@example.jp' },
  to: [{ name: '佐藤 花子', address: 'hanako@example.jp' }],
  subject: '11 月のお知らせ',
  text: 'いつもありがとうございます。\n',
  ...(listUnsubscribe ? { listUnsubscribe } : {}),
});

const headerOf = (bytes: Uint8Array, name: string) =>
  new TextDecoder('latin1')
    .decode(bytes)
    .split('\r\n\r\n')[0]!
    .split('\r\n')
    .find((line) => line.startsWith(`${name}:`));

describe('List-Unsubscribe', () => {
  it('is absent unless asked for', () => {
    expect(headerOf(buildMessage(draft(), fixedOptions()), 'List-Unsubscribe')).toBeUndefined();
  });

  it.each([
    [{ mailto: 'taro@example.jp' }, 'List-Unsubscribe: <mailto:taro@example.jp>'],
    [
      { mailto: 'taro@example.jp', subject: 'unsubscribe' },
      'List-Unsubscribe: <mailto:taro@example.jp?subject=unsubscribe>',
    ],
    [
      { mailto: 'taro@example.jp', subject: '配信停止' },
      'List-Unsubscribe: <mailto:taro@example.jp?subject=%E9%85%8D%E4%BF%A1%E5%81%9C%E6%AD%A2>',
    ],
    // RFC 6068 §2: `&`, `=`, `?`, `#`, `%` and spaces in the subject are percent-encoded; the IDN domain is Punycode.
    [
      { mailto: 'news+list@例え.jp', subject: 'stop & go=1?#50% off' },
      'List-Unsubscribe: <mailto:news+list@xn--r8jz45g.jp?subject=stop%20%26%20go%3D1%3F%2350%25%20off>',
    ],
    // A local part may hold characters a URI may not: `%`, `/`, `?`, `{`, `|`.
    [{ mailto: 'a%b/c?d{e|f@example.jp' }, 'List-Unsubscribe: <mailto:a%25b%2Fc%3Fd%7Be%7Cf@example.jp>'],
  ])('%j -> %s', (value, expected) => {
    const bytes = buildMessage(draft(value), fixedOptions());
    expect(headerOf(bytes, 'List-Unsubscribe')).toBe(expected);
    expect(inspectRaw(bytes).violations).toEqual([]);
    expect(measureMessage(draft(value), fixedOptions())).toBe(bytes.length);
  });

  it('reads back to the same address and subject', async () => {
    const bytes = buildMessage(draft({ mailto: 'taro@example.jp', subject: '配信停止 お願いします' }), fixedOptions());
    const parsed = await parse(bytes);
    const header = parsed.headers.find((h) => h.key === 'list-unsubscribe')!.value;
    const uri = new URL(header.replace(/^<|>$/g, ''));
    expect(uri.protocol).toBe('mailto:');
    expect(uri.pathname).toBe('taro@example.jp');
    expect(new URLSearchParams(uri.search).get('subject')).toBe('配信停止 お願いします');
  });

  it('comes after References and before MIME-Version', () => {
    const bytes = buildMessage(
      { ...draft({ mailto: 'taro@example.jp' }), inReplyTo: 'a@x.jp', references: ['a@x.jp'] },
      fixedOptions(),
    );
    const names = new TextDecoder('latin1')
      .decode(bytes)
      .split('\r\n\r\n')[0]!
      .split('\r\n')
      .map((line) => line.slice(0, line.indexOf(':')));
    expect(names.slice(names.indexOf('References'), names.indexOf('References') + 3)).toEqual([
      'References',
      'List-Unsubscribe',
      'MIME-Version',
    ]);
  });

  it('refuses an address that is not one, in the words of the address checks', () => {
    const attempt = () => buildMessage(draft({ mailto: 'taro＠example.jp' }), fixedOptions());
    expect(attempt).toThrow(InvalidAddressError);
    try {
      attempt();
    } catch (error) {
      expect(formatMailError(error as InvalidAddressError, 'ja')).toBe(
        '配信停止の受付アドレス: 「taro＠example.jp」: ＠ が全角になっています。半角の @ で入力してください。',
      );
    }
  });

  it('refuses a subject too long to fit one unfoldable line', () => {
    const attempt = () => buildMessage(draft({ mailto: 'taro@example.jp', subject: '配'.repeat(120) }), fixedOptions());
    expect(attempt).toThrow(InvalidHeaderValueError);
    try {
      attempt();
    } catch (error) {
      expect(formatMailError(error as InvalidHeaderValueError, 'en')).toBe(
        'The unsubscribe address is too long to fit in the message header.',
      );
    }
  });
});
