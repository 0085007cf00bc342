/**
 * Columns and recipients: the address column found by header name or by content, then each row checked with the
 * compose form's address grammar: invalid, empty and repeated addresses listed with the reason and left out unless
 * fixed, excluded rows, and the 100-recipient limit of Gmail's API.
 */
import { describe, expect, it } from 'vitest';
import { guessColumns, headerKey } from '../../../src/merge/core/columns.ts';
import { importListText } from '../../../src/merge/core/list.ts';
import { analyseRecipients, emptySettings, type ListSettings } from '../../../src/merge/core/recipients.ts';
import { formatRowProblem } from '../../../src/text/merge.ts';

const list = (text: string) => importListText(text.replace(/\n/g, '\r\n'));

describe('guessColumns', () => {
  it.each([
    ['English headers', 'Name,Email,Company,CC,BCC', { to: 1, name: 0, cc: 3, bcc: 4 }],
    ['Japanese headers', '会社名,氏名,メールアドレス', { to: 2, name: 1, cc: null, bcc: null }],
    ['メール and お名前', 'お名前,メール', { to: 1, name: 0, cc: null, bcc: null }],
    ['E-mail with a hyphen, full-width letters', '名前,Ｅ－ｍａｉｌ', { to: 1, name: 0, cc: null, bcc: null }],
    ['Eメール', '宛名,Eメール', { to: 1, name: 0, cc: null, bcc: null }],
    ['e_mail address', 'full name,e_mail address', { to: 1, name: 0, cc: null, bcc: null }],
  ])('%s', (_label, header, columns) => {
    expect(guessColumns(list(`${header}\nx,taro@example.jp,y,z,w\n`))).toEqual(columns);
  });

  it('takes “Address” only when its cells are addresses (it is often a postal address)', () => {
    const postal = list(
      'Name,Address,Contact\n山田,東京都千代田区1-1,taro@example.jp\n佐藤,大阪市北区2-2,hanako@example.jp\n',
    );
    expect(guessColumns(postal).to).toBe(2);
    const email = list('Name,Address\n山田,taro@example.jp\n');
    expect(guessColumns(email).to).toBe(1);
  });

  it('finds the address column by content when no header names it', () => {
    const columns = guessColumns(
      list('顧客,連絡先,メモ\n山田,taro@example.jp,x\n佐藤,hanako@example.jp,y\n鈴木,未登録,z\n'),
    );
    expect(columns.to).toBe(1);
  });

  it('proposes nothing when no column looks like addresses', () => {
    expect(guessColumns(list('氏名,電話\n山田,03-1234-5678\n')).to).toBeNull();
  });

  it('does not take a Cc column for the address column', () => {
    expect(guessColumns(list('氏名,Cc,送信先\n山田,boss@example.jp,taro@example.jp\n'))).toMatchObject({
      to: 2,
      cc: 1,
    });
  });

  it('compares headers by their NFKC form without spaces and punctuation', () => {
    expect(headerKey(' Ｅメール・アドレス ')).toBe('eメールアドレス');
    expect(headerKey('E-Mail_Address')).toBe('emailaddress');
  });
});

const sample = list(`氏名,メールアドレス,Cc,Bcc
山田 太郎,taro@example.jp,,
佐藤 花子,hanako＠example.jp,,
鈴木 一郎,,,
高橋 二郎,TARO@example.jp,,
田中 三郎,"Saburo Tanaka <saburo@example.jp>",boss@example.jp; sub@example.jp,audit@example.jp
伊藤 四郎,shiro@example.jp,bad address,
`);
const settings = (more: Partial<ListSettings> = {}): ListSettings => ({
  ...emptySettings({ to: 1, name: 0, cc: 2, bcc: 3 }),
  ...more,
});

describe('analyseRecipients', () => {
  const analysis = analyseRecipients(sample, settings());
  const byRow = new Map(analysis.rows.map((row) => [row.row, row]));

  it('counts ready, excluded and left-out rows', () => {
    expect({ ready: analysis.ready, excluded: analysis.excluded, leftOut: analysis.leftOut }).toEqual({
      ready: 2,
      excluded: 0,
      leftOut: 4,
    });
  });

  it('takes the name column as the display name, unless the cell names the person itself', () => {
    expect(byRow.get(2)).toMatchObject({ status: 'ready', to: [{ name: '山田 太郎', address: 'taro@example.jp' }] });
    expect(byRow.get(6)).toMatchObject({
      status: 'ready',
      to: [{ name: 'Saburo Tanaka', address: 'saburo@example.jp' }],
      cc: [{ address: 'boss@example.jp' }, { address: 'sub@example.jp' }],
      bcc: [{ address: 'audit@example.jp' }],
    });
  });

  it.each([
    [3, 'en', 'To: “hanako＠example.jp”: The @ is full-width (＠). Type a half-width @.'],
    [4, 'ja', '宛先（To）: アドレスが入力されていません。'],
    [5, 'ja', 'TARO@example.jp は 2 行目にもあります。同じ人に 2 通送る場合だけ、この行を残してください。'],
    [7, 'en', 'Cc: “bad address”: An address cannot contain spaces.'],
  ] as const)('row %i is left out, with the reason in words (%s)', (row, language, sentence) => {
    const analysed = byRow.get(row)!;
    expect(analysed.status).toBe('left-out');
    expect(analysed.problems.map((problem) => formatRowProblem(problem, language))).toEqual([sentence]);
  });

  it('sends a fixed cell, and never changes the list itself', () => {
    const fixed = analyseRecipients(sample, settings({ edits: { 3: { 1: 'hanako@example.jp' } } }));
    expect(fixed.rows.find((r) => r.row === 3)).toMatchObject({ status: 'ready', problems: [] });
    expect(sample.rows.find((r) => r.row === 3)!.cells[1]).toBe('hanako＠example.jp');
  });

  it('keeps a repeated address only on request, and an excluded row is no one’s first', () => {
    expect(analyseRecipients(sample, settings({ keepDuplicates: [5] })).rows[3]).toMatchObject({ status: 'ready' });
    const excludeFirst = analyseRecipients(sample, settings({ excluded: [2] }));
    expect(excludeFirst.rows[0]).toMatchObject({ row: 2, status: 'excluded' });
    expect(excludeFirst.rows[3]).toMatchObject({ row: 5, status: 'ready' });
    expect(excludeFirst.excluded).toBe(1);
  });

  it('refuses a row over 100 distinct recipients across To, Cc and Bcc (repeats count once)', () => {
    const cc = Array.from({ length: 99 }, (_, i) => `cc${i}@example.jp`).join(', ');
    const at100 = list(`メール,Cc,Bcc\ntaro@example.jp,"${cc}",cc0@example.jp\n`);
    const at101 = list(`メール,Cc,Bcc\ntaro@example.jp,"${cc}",extra@example.jp\n`);
    const columns = { to: 0, name: null, cc: 1, bcc: 2 };
    expect(analyseRecipients(at100, emptySettings(columns)).rows[0]!.status).toBe('ready');
    const refused = analyseRecipients(at101, emptySettings(columns)).rows[0]!;
    expect(refused.problems).toEqual([{ code: 'too-many-recipients', count: 101, limit: 100 }]);
    expect(formatRowProblem(refused.problems[0]!, 'ja')).toBe(
      'この行の宛先は To・Cc・Bcc 合わせて 101 件です。Gmail が 1 通で受け付けるのは 100 件までです。',
    );
  });

  it('refuses a name with a line break, which the To header cannot hold', () => {
    const broken = list('氏名,メール\n"山田\n太郎",taro@example.jp\n');
    const row = analyseRecipients(broken, emptySettings({ to: 1, name: 0, cc: null, bcc: null })).rows[0]!;
    expect(row.problems).toEqual([{ code: 'line-break-in-name' }]);
  });

  it('leaves every row out when there is no address column', () => {
    const none = analyseRecipients(sample, emptySettings({ to: null, name: 0, cc: null, bcc: null }));
    expect(none.ready).toBe(0);
    expect(none.rows[0]!.problems).toEqual([
      { code: 'address', field: 'to', problem: { input: '', code: 'empty', start: 0, end: 0 } },
    ]);
  });
});
