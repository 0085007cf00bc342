import { describe, expect, it } from 'vitest';
import { parseRecipient } from '../../../src/compose/recipient-parser.ts';
import {
  countRecipients,
  distinctAddresses,
  findDuplicates,
  invalidTokens,
  nameDisguisesAddress,
  type RecipientsByField,
} from '../../../src/compose/recipients.ts';

const tokens = (...texts: string[]) => texts.map((text) => ({ text, parsed: parseRecipient(text) }));

describe('parseRecipient', () => {
  it('reads a Japanese display name and address', () => {
    expect(parseRecipient('山田 太郎 <taro@example.jp>')).toEqual({
      ok: true,
      mailbox: { name: '山田 太郎', address: 'taro@example.jp' },
    });
  });
  it.each([
    ['taro@', 'missing-domain'],
    ['taro＠example.jp', 'fullwidth-at'],
    ['no at sign', 'contains-space'],
  ])('%j is invalid (%s)', (text, problem) => {
    expect(parseRecipient(text)).toEqual({ ok: false, problem });
  });
});

describe('findDuplicates', () => {
  it('points at repeats across To, Cc and Bcc, case-insensitively, naming where each was first', () => {
    const recipients: RecipientsByField = {
      to: tokens('a@example.com', 'B@Example.com'),
      cc: tokens('Alice <A@EXAMPLE.COM>', 'c@example.com'),
      bcc: tokens('b@example.com', 'c@example.com', 'not valid'),
    };
    const duplicates = findDuplicates(recipients);
    expect([...duplicates.entries()]).toEqual([
      ['cc:0', { firstField: 'to', firstIndex: 0 }],
      ['bcc:0', { firstField: 'to', firstIndex: 1 }],
      ['bcc:1', { firstField: 'cc', firstIndex: 1 }],
    ]);
    expect(countRecipients(recipients)).toBe(3);
    expect(distinctAddresses(recipients)).toEqual(['a@example.com', 'B@Example.com', 'c@example.com']);
    expect(invalidTokens(recipients)).toEqual([{ field: 'bcc', index: 2 }]);
  });
  it('counts past the 100-recipient limit', () => {
    const many = Array.from({ length: 101 }, (_, index) => `user${index}@example.com`);
    expect(countRecipients({ to: tokens(...many), cc: [], bcc: [] })).toBe(101);
  });
});

describe('nameDisguisesAddress', () => {
  it.each([
    [{ name: 'bank@x.com', address: 'evil@y.com' }, true],
    [{ name: 'Support <help@bank.com>', address: 'evil@y.com' }, true],
    [{ name: 'bank@x.com', address: 'BANK@X.COM' }, false],
    [{ name: '山田 太郎', address: 'taro@example.jp' }, false],
    [{ address: 'taro@example.jp' }, false],
    [{ name: 'Sales @ Tokyo', address: 'sales@example.jp' }, true],
  ])('%o -> %s', (mailbox, expected) => {
    expect(nameDisguisesAddress(mailbox)).toBe(expected);
  });
});
