/**
 * Japanese lists as Excel writes them. The three files under fixtures/ hold the same table, written by glibc's
 * iconv (not by our code) from one UTF-8 source:
 * - `japanese-excel-cp932.csv`: "CSV (comma delimited)" of Japanese Excel: CP932, CRLF rows, a bare LF inside a
 *   quoted cell (Alt+Enter), IBM extension kanji (髙 FB FC, 﨑 FA B1, 纊 FA 5C), NEC row 13 (①), half-width kana;
 * - `japanese-excel-unicode-text.txt`: "Unicode text": UTF-16 LE with a BOM, tab-separated;
 * - `japanese-excel-utf8-bom.csv`: "CSV UTF-8": UTF-8 with a BOM.
 * `iconv -f UTF-8 -t CP932` maps ¥ to 5C, which every Shift_JIS decoder reads back as "\" (Japanese fonts draw it as ¥).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));

/** The table in every fixture, as it reads after decoding (row numbers as Excel shows them; row 6 is blank). */
export const excelTable = {
  headers: ['氏名', 'メールアドレス', '会社名', '部署', '備考'],
  rows: [
    { row: 2, cells: ['山田 太郎', 'taro@example.jp', '株式会社サンプル', '営業部', 'いつもお世話に\nなっております'] },
    { row: 3, cells: ['髙橋 一郎', 'ichiro.takahashi@example.co.jp', 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ', '第①営業部, 東京', '10～20 名'] },
    { row: 4, cells: ['佐藤 花子', 'hanako@example.jp', '合同会社"はなこ"', '', '－'] },
    { row: 5, cells: ['﨑田 次郎', 'jiro@example.jp', '有限会社ⅰⅱ', '総務部', '¥1,000'] },
    { row: 7, cells: ['鈴木 三郎', 'saburo@例え.jp', '株式会社纊', '開発部', ''] },
  ],
};

/** A list of `count` Japanese recipients as CSV text, with a quoted line break every 7th row. */
export function bigList(count: number): string {
  const lines = ['氏名,メールアドレス,会社名,備考'];
  for (let i = 1; i <= count; i++) {
    const note = i % 7 === 0 ? '"ご担当者様へ\n資料送付済み"' : `第${i}回`;
    lines.push(`山田 太郎${i},user${i}@example.jp,株式会社サンプル${i % 50},${note}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
