/**
 * Mail merge (差し込み送信): problems found in a list and a template. Loaded with the merge chunk
 * (`addText(mergeText)`); the campaign screen's own labels come with it later.
 */
import { formatCount } from '../i18n/format.ts';
import type { Language } from '../i18n/language.ts';
import type { ImportProblem } from '../merge/core/list.ts';
import type { RowTemplateProblem, TemplatePart, TemplateProblem } from '../merge/core/placeholders.ts';
import type { RowProblem } from '../merge/core/recipients.ts';
import { defineText, fillSentence } from './define.ts';
import { formatAddressProblem, mailText } from './mail.ts';

export const mergeText = defineText({
  'merge.import.empty-file': { en: 'The file is empty.', ja: 'ファイルが空です。' },
  'merge.import.no-rows': {
    en: 'The list has a header row but no recipients under it.',
    ja: '見出し行の下に宛先の行がありません。',
  },
  'merge.import.unclosed-quote': {
    en: 'Row {row}: a quotation mark (") is never closed, so everything after it was read as one cell. Fix the file and import it again.',
    ja: '{row} 行目: 引用符（"）が閉じられていないため、それ以降がすべて 1 つのセルとして読み込まれました。ファイルを直してから、もう一度読み込んでください。',
  },
  'merge.import.malformed-quote': {
    en: 'Row {row}: a quoted cell has text after its closing quotation mark. Check this row.',
    ja: '{row} 行目: 引用符（"）で囲まれたセルの後ろに文字があります。この行を確認してください。',
  },
  'merge.import.replacement-characters': {
    en: '{count} characters could not be read in this encoding. If the preview looks garbled, choose another encoding.',
    ja: 'この文字コードでは読めない文字が {count} 個あります。プレビューが文字化けしている場合は、別の文字コードを選んでください。',
  },
  'merge.import.extra-cells': {
    en: 'Row {row} has more cells than the header row; the extra cells are ignored.',
    ja: '{row} 行目のセルが見出し行より多いため、はみ出したセルは使いません。',
  },
  'merge.import.duplicate-header': {
    en: 'Two columns are named “{name}”. Placeholders use the first one.',
    ja: '「{name}」という列が 2 つあります。差し込み項目には左側の列を使います。',
  },
  'merge.import.header-looks-like-data': {
    en: 'The first row contains an address, so it may be a recipient rather than a header row. Add a header row (for example “email”) to the file.',
    ja: '1 行目にアドレスが入っているため、見出し行ではなく宛先の行かもしれません。ファイルの先頭に見出し行（「メールアドレス」など）を追加してください。',
  },
  'merge.row.address': { en: '{field}: {detail}', ja: '{field}: {detail}' },
  'merge.row.line-break-in-name': {
    en: 'The name contains a line break, which an address header cannot hold.',
    ja: '名前に改行が含まれています。宛先のヘッダーには書き込めません。',
  },
  'merge.row.duplicate': {
    en: '{address} already appears in row {firstRow}. Keep this row only if this person should get two messages.',
    ja: '{address} は {firstRow} 行目にもあります。同じ人に 2 通送る場合だけ、この行を残してください。',
  },
  'merge.row.too-many-recipients': {
    en: 'This row has {count} recipients in To, Cc and Bcc; Gmail accepts at most {limit} per message.',
    ja: 'この行の宛先は To・Cc・Bcc 合わせて {count} 件です。Gmail が 1 通で受け付けるのは {limit} 件までです。',
  },
  'merge.row.empty-value': {
    en: '{{{name}}} is empty in this row. Fill in the cell, or give a text for empty cells: {{{name}|…}}.',
    ja: 'この行の {{{name}}} が空欄です。セルに入力するか、空欄のときの文字を {{{name}|…}} のように指定してください。',
  },
  'merge.row.line-break-in-subject': {
    en: 'The value of {{{name}}} contains a line break, which a subject cannot hold.',
    ja: '{{{name}}} の値に改行が含まれています。件名には改行を入れられません。',
  },
  'merge.template.unknown-placeholder': {
    en: '{part}: no column is named “{name}”.',
    ja: '{part}: 「{name}」という列がありません。',
  },
  'merge.template.unclosed-placeholder': {
    en: '{part}: a {{ is not closed with }} on the same line. To write {{ as text, type \\{{.',
    ja: '{part}: {{ に対応する }} が同じ行にありません。{{ を文字として書くには \\{{ と入力してください。',
  },
  'merge.template.empty-placeholder': {
    en: '{part}: {{}} has no column name in it.',
    ja: '{part}: {{}} の中に列名がありません。',
  },
  'merge.part.subject': { en: 'Subject', ja: '件名' },
  'merge.part.text': { en: 'Body', ja: '本文' },
  'merge.part.html': { en: 'Body', ja: '本文' },
});

type MergeKey = keyof typeof mergeText;
type Params = Readonly<Record<string, string | number>>;

const fill = (language: Language, key: MergeKey, params: Params = {}) => fillSentence(mergeText[key], language, params);

/** One import problem. `headers` names the columns for `duplicate-header`. */
export function formatImportProblem(problem: ImportProblem, headers: readonly string[], language: Language): string {
  switch (problem.code) {
    case 'unclosed-quote':
    case 'malformed-quote':
    case 'extra-cells':
      return fill(language, `merge.import.${problem.code}`, { row: problem.row });
    case 'replacement-characters':
      return fill(language, 'merge.import.replacement-characters', { count: formatCount(problem.count, language) });
    case 'duplicate-header':
      return fill(language, 'merge.import.duplicate-header', { name: headers[problem.column] ?? '' });
    default:
      return fill(language, `merge.import.${problem.code}`);
  }
}

/** One problem of a row: its addresses (in src/mail's words) or its placeholders. */
export function formatRowProblem(problem: RowProblem | RowTemplateProblem, language: Language): string {
  switch (problem.code) {
    case 'address': {
      const field = fillSentence(mailText[`mail.field.${problem.field}`], language);
      // An empty cell has nothing to quote: the reason alone reads better than 「」.
      const detail =
        problem.problem.input === ''
          ? fillSentence(mailText[`mail.address.${problem.problem.code}`], language)
          : formatAddressProblem(problem.problem, language);
      return fill(language, 'merge.row.address', { field, detail });
    }
    case 'duplicate':
      return fill(language, 'merge.row.duplicate', { address: problem.address, firstRow: problem.firstRow });
    case 'too-many-recipients':
      return fill(language, 'merge.row.too-many-recipients', { count: problem.count, limit: problem.limit });
    case 'empty-value':
    case 'line-break-in-subject':
      return fill(language, `merge.row.${problem.code}`, { name: problem.name });
    case 'line-break-in-name':
      return fill(language, 'merge.row.line-break-in-name');
  }
}

const partLabel = (part: TemplatePart, language: Language) => fill(language, `merge.part.${part}`);

/** One problem of the template itself (it blocks every row). */
export function formatTemplateProblem(problem: TemplateProblem, language: Language): string {
  const part = partLabel(problem.part, language);
  if (problem.code === 'unknown-placeholder') {
    return fill(language, 'merge.template.unknown-placeholder', { part, name: problem.name });
  }
  return fill(language, `merge.template.${problem.code}`, { part });
}
