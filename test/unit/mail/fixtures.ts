import PostalMime from 'postal-mime';
import type { MessageDraft } from '../../../src/mail/types.ts';

/** Deterministic randomness so a failing message can be reproduced byte for byte. */
export function counterRandom(): (length: number) => Uint8Array {
  let seed = 1;
  return (length) =>
    Uint8Array.from({ length }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 255;
    });
}

export const fixedOptions = () => ({ now: new Date('2026-11-26T08:30:00+09:00'), randomBytes: counterRandom() });

export const png = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

/** Everything at once: Japanese, emoji, RTL, inline image, attachments with long names, threading, Bcc. */
export function fullDraft(): MessageDraft {
  return {
    from: { name: '山田 太郎（営業部）', address: 'taro@例え.jp' },
    to: [
      { name: 'Doe, John', address: 'john@example.com' },
      { name: 'שרה כהן', address: 'sara@example.co.il' },
      { address: 'plain@example.org' },
    ],
    cc: [{ name: '佐藤 花子 👩‍💻', address: 'hanako@example.jp' }],
    bcc: [{ name: 'Hidden "Boss"', address: 'boss@example.com' }],
    replyTo: [
      { name: 'Support', address: 'support@example.com' },
      { name: 'サポート窓口', address: 'support@example.jp' },
    ],
    subject: 'Re: 来週の会議について 👨‍👩‍👧‍👦 — 資料を添付します (v2)',
    text: 'こんにちは。\n\n資料を添付します。\r\nよろしくお願いします。\n— Taro\n',
    html: '<p>こんにちは。</p><p><img src="cid:logo@example.jp" alt="logo"></p><p dir="rtl">שלום</p>',
    attachments: [
      { filename: 'logo.png', contentType: 'image/png', data: png, contentId: 'logo@example.jp' },
      {
        filename: '令和7年度 第3四半期 営業報告書（最終版・社外秘）— 東京本社 営業企画部 作成.pdf',
        contentType: 'application/pdf',
        data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) & 255),
      },
      { filename: 'data "final".csv', contentType: 'text/csv', data: new TextEncoder().encode('a,b\r\n1,2\r\n') },
    ],
    inReplyTo: '<CAF=abc123@mail.gmail.com>',
    references: ['<first@example.com>', 'CAF=abc123@mail.gmail.com'],
  };
}

export async function parse(bytes: Uint8Array) {
  return PostalMime.parse(bytes);
}
