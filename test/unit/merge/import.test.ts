/**
 * Lists to tables: Japanese Excel's three formats, pasted cells, quoted line breaks, blank rows, problems in the
 * file, 10,000 rows, and a round trip property over any cell text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecords, sniffDelimiter, writeRecords } from '../../../src/merge/core/delimited.ts';
import { type ImportProblem, importListBytes, importListText } from '../../../src/merge/core/list.ts';
import { formatImportProblem } from '../../../src/text/merge.ts';
import { bigList, excelTable, fixture } from './fixtures.ts';

describe('importListBytes: the same table from each of Excel’s formats', () => {
  it.each([
    ['CSV (Japanese Excel, CP932)', 'japanese-excel-cp932.csv', 'shift_jis', false, ','],
    ['Unicode text (UTF-16 LE with BOM, tabs)', 'japanese-excel-unicode-text.txt', 'utf-16le', true, '\t'],
    ['CSV UTF-8 (with BOM)', 'japanese-excel-utf8-bom.csv', 'utf-8', true, ','],
  ] as const)('%s', (_label, file, encoding, bom, delimiter) => {
    const list = importListBytes(fixture(file));
    expect(list.source).toMatchObject({ encoding, bom, delimiter });
    expect(list.headers).toEqual(excelTable.headers);
    // CP932 has no ¥ of its own: byte 5C is "\" to every Shift_JIS decoder, which Japanese fonts draw as ¥.
    const rows =
      encoding === 'shift_jis'
        ? excelTable.rows.map((r) => (r.row === 5 ? { ...r, cells: r.cells.map((c) => c.replace('¥', '\\')) } : r))
        : excelTable.rows;
    expect(list.rows).toEqual(rows);
    expect(list.problems).toEqual([]);
  });

  it('keeps what the user chose over what was detected, and says when the choice looks wrong', () => {
    const list = importListBytes(fixture('japanese-excel-cp932.csv'), { encoding: 'utf-8' });
    expect(list.source).toMatchObject({ encoding: 'utf-8', detected: null });
    expect(list.problems).toContainEqual({ code: 'replacement-characters', count: expect.any(Number) });
  });

  it('records what detection found, for the preview', () => {
    expect(importListBytes(fixture('japanese-excel-cp932.csv')).source.detected).toEqual({
      encoding: 'shift_jis',
      bom: false,
      reason: 'valid-shift-jis',
    });
  });
});

describe('importListText: cells pasted from Google Sheets or Excel', () => {
  it('reads tab-separated cells, a quoted cell with a line break, and a final line without a break', () => {
    const pasted =
      '氏名\tメールアドレス\t会社名\n山田 太郎\ttaro@example.jp\t"株式会社\nサンプル"\n佐藤 花子\thanako@example.jp\t';
    const list = importListText(pasted);
    expect(list.source).toEqual({ encoding: null, bom: false, detected: null, delimiter: '\t' });
    expect(list.rows).toEqual([
      { row: 2, cells: ['山田 太郎', 'taro@example.jp', '株式会社\nサンプル'] },
      { row: 3, cells: ['佐藤 花子', 'hanako@example.jp', ''] },
    ]);
  });
});

describe('file problems', () => {
  it.each([
    ['an empty file', '', [{ code: 'empty-file' }]],
    ['blank lines only', '\r\n,,\r\n', [{ code: 'empty-file' }]],
    ['a header without rows', '氏名,メールアドレス\r\n', [{ code: 'no-rows' }]],
    [
      'a quote never closed (the rest of the file becomes one cell)',
      '氏名,メール\r\n山田,"taro@example.jp\r\n佐藤,hanako@example.jp\r\n',
      [{ code: 'unclosed-quote', row: 2 }],
    ],
    [
      'a quote inside a quoted cell, not doubled',
      '氏名,メール\r\n"山田"様",taro@example.jp\r\n',
      [{ code: 'malformed-quote', row: 2 }],
    ],
    [
      'a stray quote that swallows the rest (reported once, as unclosed)',
      '氏名,メール\r\n"山田"様,taro@example.jp\r\n',
      [{ code: 'unclosed-quote', row: 2 }],
    ],
    ['more cells than headers', '氏名,メール\r\n山田,taro@example.jp,余分\r\n', [{ code: 'extra-cells', row: 2 }]],
    [
      'two columns with one name',
      '氏名,メール,氏名\r\n山田,taro@example.jp,太郎\r\n',
      [{ code: 'duplicate-header', column: 2, firstColumn: 0 }],
    ],
    ['no header row', 'taro@example.jp,山田\r\nhanako@example.jp,佐藤\r\n', [{ code: 'header-looks-like-data' }]],
  ])('%s', (_label, text, problems) => {
    expect(importListText(text).problems).toEqual(problems);
  });

  it('pads short rows and keeps spreadsheet row numbers across blank rows and quoted line breaks', () => {
    const list = importListText(
      '氏名,メール,備考\r\n"山田\n太郎",taro@example.jp\r\n\r\n,,\r\n佐藤,hanako@example.jp,済\r\n',
    );
    expect(list.rows).toEqual([
      { row: 2, cells: ['山田\n太郎', 'taro@example.jp', ''] },
      { row: 5, cells: ['佐藤', 'hanako@example.jp', '済'] },
    ]);
  });

  it('starts at the first non-blank line', () => {
    const list = importListText('\r\n\r\n氏名,メール\r\n山田,taro@example.jp\r\n');
    expect(list.headers).toEqual(['氏名', 'メール']);
    expect(list.rows).toEqual([{ row: 4, cells: ['山田', 'taro@example.jp'] }]);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['氏名,メール,会社\r\n', ','],
    ['氏名\tメール\t会社\n', '\t'],
    ['氏名;メール;会社\n', ';'],
    ['"姓, 名"\tメール\n', '\t'],
    ['メール\n', ','],
    ['"a\nb",c\n', ','],
  ] as const)('%j -> %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});

describe('10,000 rows', () => {
  it('imports every row with its quoted line breaks', () => {
    const list = importListBytes(new TextEncoder().encode(bigList(10_000)));
    expect(list.rows).toHaveLength(10_000);
    expect(list.problems).toEqual([]);
    expect(list.rows.at(-1)).toEqual({
      row: 10_001,
      cells: ['山田 太郎10000', 'user10000@example.jp', '株式会社サンプル0', '第10000回'],
    });
    expect(list.rows[6]!.cells[3]).toBe('ご担当者様へ\n資料送付済み');
  });
});

describe('round trip', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'山田太郎ｶﾅ,"\r\n\t; ab@.=+-'), maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );

  it('any records written as CSV or TSV read back the same', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 }),
          ),
        fc.constantFrom(',' as const, '\t' as const, ';' as const),
        (records, delimiter) => {
          const text = writeRecords(records, { delimiter, neutralizeFormulas: false });
          expect(parseRecords(text, delimiter)).toEqual({ records, problems: [] });
        },
      ),
    );
  });
});

describe('import problems in words', () => {
  const problems: ImportProblem[] = [
    { code: 'empty-file' },
    { code: 'no-rows' },
    { code: 'unclosed-quote', row: 12 },
    { code: 'malformed-quote', row: 3 },
    { code: 'replacement-characters', count: 1234 },
    { code: 'extra-cells', row: 9 },
    { code: 'duplicate-header', column: 2, firstColumn: 0 },
    { code: 'header-looks-like-data' },
  ];

  it.each(problems.map((problem) => [problem.code, problem] as const))(
    '%s reads as a full sentence',
    (_code, problem) => {
      for (const language of ['en', 'ja'] as const) {
        const text = formatImportProblem(problem, ['氏名', 'メール', '氏名'], language);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    },
  );

  it('names the row, the count and the column as the user sees them', () => {
    expect(formatImportProblem(problems[2]!, [], 'ja')).toMatch(/^12 行目: 引用符/);
    expect(formatImportProblem(problems[4]!, [], 'en')).toMatch(/^1,234 characters could not be read/);
    expect(formatImportProblem(problems[6]!, ['氏名', 'メール', '氏名'], 'ja')).toBe(
      '「氏名」という列が 2 つあります。差し込み項目には左側の列を使います。',
    );
  });
});
