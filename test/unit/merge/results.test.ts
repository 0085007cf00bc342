/**
 * The results file (in the list's own encoding, or UTF-8 with a BOM), decoded back and read again; and the thread
 * data of a follow-up, checked in a real message.
 */
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../src/mail/build.ts';
import { parseRecords } from '../../../src/merge/core/delimited.ts';
import type { RowEntryView, RowState } from '../../../src/merge/core/entries.ts';
import { followUpThreads, replySubject, threadFields } from '../../../src/merge/core/follow-up.ts';
import { importListBytes } from '../../../src/merge/core/list.ts';
import {
  encodeText,
  exportResults,
  exportTarget,
  type ResultRow,
  resultRecords,
  spreadsheetTime,
} from '../../../src/merge/core/results.ts';
import { mergeText, resultLabels } from '../../../src/text/merge.ts';
import { parse } from '../mail/fixtures.ts';
import { fixture } from './fixtures.ts';

const sentAt = new Date(2026, 10, 26, 8, 30, 5).getTime();

const entry = (row: number, state: RowEntryView['state'], more: Partial<RowEntryView> = {}): RowEntryView => ({
  id: `merge/c1/row/${row}`,
  row,
  state,
  messageId: `<row${row}.c1@example.jp>`,
  createdAt: sentAt,
  attempts: 1,
  summary: { to: [`user${row}@example.jp`], cc: ['boss@example.jp'], bcc: [], subject: `【ご案内】${row} 行目様` },
  ...more,
});

const results: ResultRow[] = [
  {
    row: 2,
    state: 'sent',
    to: [{ name: '山田 太郎', address: 'taro@example.jp' }],
    entry: entry(2, 'sent', { result: { gmailId: '18c1f2a3b4c5d6e7', threadId: '18c1f2a3b4c5d6e7', sentAt } }),
  },
  { row: 3, state: 'not-sure', to: [{ address: 'hanako@example.jp' }], entry: entry(3, 'not-sure') },
  {
    row: 4,
    state: 'failed',
    to: [{ address: 'jiro@example.jp' }],
    entry: entry(4, 'failed', { failure: { code: 'invalid-to', message: 'Invalid To header' } }),
  },
  { row: 5, state: 'left-out', to: [], error: '宛先（To）: 「hanako＠example.jp」: ＠ が全角になっています。' },
  // A list cell may hold what a spreadsheet would run as a formula.
  { row: 6, state: 'excluded', to: [{ address: '=cmd@example.jp' }], error: '=HYPERLINK("https://evil.example")' },
];

describe('exportTarget', () => {
  const source = (encoding: 'utf-8' | 'shift_jis' | 'utf-16le' | null, bom: boolean, delimiter: ',' | '\t') => ({
    encoding,
    bom,
    delimiter,
    detected: null,
  });

  it.each([
    ['a Japanese Excel CSV', source('shift_jis', false, ','), 'as-list', 'shift_jis', false, ',', 'csv'],
    ['Excel “Unicode text”', source('utf-16le', true, '\t'), 'as-list', 'utf-16le', true, '\t', 'txt'],
    [
      'UTF-16 without its BOM still gets one',
      source('utf-16le', false, '\t'),
      'as-list',
      'utf-16le',
      true,
      '\t',
      'txt',
    ],
    ['a UTF-8 TSV without BOM', source('utf-8', false, '\t'), 'as-list', 'utf-8', false, '\t', 'tsv'],
    ['UTF-8 with a BOM, chosen', source('shift_jis', false, ','), 'utf-8-bom', 'utf-8', true, ',', 'csv'],
    ['a pasted list', source(null, false, '\t'), 'as-list', 'utf-8', true, ',', 'csv'],
  ] as const)('%s', (_label, list, choice, encoding, bom, delimiter, extension) => {
    expect(exportTarget(list, choice)).toEqual({ encoding, bom, delimiter, extension });
  });
});

describe('exportResults: the bytes decoded back', () => {
  it.each([
    ['japanese-excel-cp932.csv', 'shift_jis', ''],
    ['japanese-excel-unicode-text.txt', 'utf-16le', '\ufeff'],
    ['japanese-excel-utf8-bom.csv', 'utf-8', '\ufeff'],
  ] as const)('a list from %s gets its results in %s', async (file, encoding, bom) => {
    const target = exportTarget(importListBytes(fixture(file)).source, 'as-list');
    const records = resultRecords(results, resultLabels('ja'));
    const { bytes, unencodable } = await exportResults(records, target);
    expect(unencodable).toBe(0);
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(bom)).toBe(true);
    expect(bom === '' || !text.startsWith(`${bom}${bom}`)).toBe(true);
    const read = parseRecords(text.slice(bom.length), target.delimiter).records;
    expect(read).toEqual([
      ['行', 'メールアドレス', '状態', 'Gmail のメッセージ ID', '送信日時', 'エラー'],
      ['2', 'taro@example.jp', '送信済み', '18c1f2a3b4c5d6e7', '2026-11-26 08:30:05', ''],
      ['3', 'hanako@example.jp', '送信できたか確認できませんでした', '', '', ''],
      ['4', 'jiro@example.jp', '送信できませんでした', '', '', 'Invalid To header'],
      ['5', '', '送信しません（要修正）', '', '', '宛先（To）: 「hanako＠example.jp」: ＠ が全角になっています。'],
      // Neutralised for spreadsheets: shown as text, never run as a formula.
      ['6', "'=cmd@example.jp", '除外', '', '', '\'=HYPERLINK("https://evil.example")'],
    ]);
  });

  it('writes UTF-8 with a BOM that Excel recognises: EF BB BF, then CRLF lines', async () => {
    const { bytes } = await exportResults(resultRecords(results.slice(0, 1), resultLabels('en')), {
      encoding: 'utf-8',
      bom: true,
      delimiter: ',',
      extension: 'csv',
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      'Row,Address,Status,Gmail message ID,Sent at,Error\r\n2,taro@example.jp,Sent,18c1f2a3b4c5d6e7,2026-11-26 08:30:05,\r\n',
    );
  });

  it('counts what Shift_JIS cannot hold, so the page can offer UTF-8 instead', async () => {
    const encoded = await encodeText('山田 😀 様', { encoding: 'shift_jis', bom: true });
    expect(new TextDecoder('shift_jis').decode(encoded.bytes)).toBe('山田 ? 様');
    expect(encoded.unencodable).toBe(1);
  });

  it('writes UTF-16 BE as well', async () => {
    const { bytes } = await encodeText('氏名', { encoding: 'utf-16be', bom: true });
    expect([...bytes]).toEqual([0xfe, 0xff, 0x6c, 0x0f, 0x54, 0x0d]);
  });

  it('every Japanese word of the results file fits Shift_JIS', async () => {
    for (const [key, sentence] of Object.entries(mergeText)) {
      if (!/^merge\.(status|export)\./.test(key)) continue;
      expect((await encodeText(sentence.ja, { encoding: 'shift_jis', bom: false })).unencodable, key).toBe(0);
    }
  });

  it('has a status word for every row state, in both languages', () => {
    const states: RowState[] = [
      'pending',
      'excluded',
      'left-out',
      'held',
      'queued',
      'waiting',
      'sending',
      'sent',
      'not-sure',
      'failed',
      'cancelled',
      'not-sent',
    ];
    for (const language of ['en', 'ja'] as const) {
      const words = states.map(resultLabels(language).status);
      expect(new Set(words).size).toBe(states.length);
      expect(words.every((word) => !word.startsWith('merge.'))).toBe(true);
    }
  });

  it('writes times as the spreadsheet reads them, in the device’s zone', () => {
    expect(spreadsheetTime(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05');
  });
});

describe('follow-up threads', () => {
  const sent = (row: number) =>
    entry(row, 'sent', { result: { gmailId: `g${row}`, threadId: `thread${row}`, sentAt } });

  it('answers each sent row in its own thread, and refuses the rest by row', () => {
    const { threads, refused } = followUpThreads([
      { row: 2, entry: sent(2) },
      { row: 3, entry: entry(3, 'not-sure') },
      { row: 4, entry: sent(4), references: ['<first.c0@example.jp>', 'row4.c1@example.jp'] },
    ]);
    expect(threads).toEqual([
      {
        row: 2,
        threadId: 'thread2',
        to: ['user2@example.jp'],
        cc: ['boss@example.jp'],
        bcc: [],
        inReplyTo: 'row2.c1@example.jp',
        references: ['row2.c1@example.jp'],
        subject: 'Re: 【ご案内】2 行目様',
      },
      {
        row: 4,
        threadId: 'thread4',
        to: ['user4@example.jp'],
        cc: ['boss@example.jp'],
        bcc: [],
        inReplyTo: 'row4.c1@example.jp',
        // The chain grows by the original's id, once.
        references: ['first.c0@example.jp', 'row4.c1@example.jp'],
        subject: 'Re: 【ご案内】4 行目様',
      },
    ]);
    expect(refused).toEqual([{ row: 3, reason: 'not-sent' }]);
  });

  it.each([
    ['ご案内', 'Re: ご案内'],
    ['Re: ご案内', 'Re: ご案内'],
    ['RE:ご案内', 'RE:ご案内'],
    ['Ｒｅ：ご案内', 'Ｒｅ：ご案内'],
    ['Regarding: x', 'Re: Regarding: x'],
  ])('replySubject(%j) = %j', (subject, reply) => {
    expect(replySubject(subject)).toBe(reply);
  });

  it('puts In-Reply-To and References into the message as Gmail’s threading asks', async () => {
    const [thread] = followUpThreads([{ row: 2, entry: sent(2) }]).threads;
    const bytes = buildMessage({
      to: thread!.to.map((address) => ({ address })),
      text: '先日のご案内の件で、追加のお知らせです。',
      ...threadFields(thread!),
    });
    const parsed = await parse(bytes);
    expect(parsed.inReplyTo).toBe('<row2.c1@example.jp>');
    expect(parsed.references).toBe('<row2.c1@example.jp>');
    expect(parsed.subject).toBe('Re: 【ご案内】2 行目様');
  });
});
