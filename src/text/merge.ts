/**
 * Mail merge (差し込み送信): problems found in a list and a template, row states, the results file and the run
 * estimate. Loaded with the merge chunk (`addText(mergeText, mergeScreenText)`); the campaign screen's labels are in
 * `merge-screen.ts`.
 */
import { formatBytes, formatCount, formatDateTime } from '../i18n/format.ts';
import type { Language } from '../i18n/language.ts';
import type { FileProblem } from '../merge/campaign-rows.ts';
import type { RowState } from '../merge/core/entries.ts';
import type { ImportProblem } from '../merge/core/list.ts';
import type { RunEstimate } from '../merge/core/pacing.ts';
import type { RowTemplateProblem, TemplatePart, TemplateProblem } from '../merge/core/placeholders.ts';
import type { RowProblem } from '../merge/core/recipients.ts';
import type { ResultLabels } from '../merge/core/results.ts';
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
    en: '{count} {count|character|characters} could not be read in this encoding. If the preview looks garbled, choose another encoding.',
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
  'merge.status.pending': { en: 'Waiting its turn', ja: '送信待ち' },
  'merge.status.excluded': { en: 'Excluded', ja: '除外' },
  'merge.status.left-out': { en: 'Left out (needs a fix)', ja: '送信しません（要修正）' },
  'merge.status.held': { en: 'Paused', ja: '一時停止中' },
  'merge.status.queued': { en: 'In the outbox', ja: '送信トレイで待機中' },
  'merge.status.waiting': { en: 'Waiting for Gmail’s limit', ja: 'Gmail の上限のため待機中' },
  'merge.status.sending': { en: 'Sending', ja: '送信中' },
  'merge.status.sent': { en: 'Sent', ja: '送信済み' },
  'merge.status.not-sure': { en: 'Not sure this was sent', ja: '送信できたか確認できませんでした' },
  'merge.status.failed': { en: 'Failed', ja: '送信できませんでした' },
  'merge.status.cancelled': { en: 'Cancelled', ja: 'キャンセル済み' },
  'merge.status.not-sent': { en: 'Not sent (campaign cancelled)', ja: '未送信（一斉送信をキャンセル）' },
  'merge.export.row': { en: 'Row', ja: '行' },
  'merge.export.address': { en: 'Address', ja: 'メールアドレス' },
  'merge.export.status': { en: 'Status', ja: '状態' },
  'merge.export.gmail-id': { en: 'Gmail message ID', ja: 'Gmail のメッセージ ID' },
  'merge.export.time': { en: 'Sent at', ja: '送信日時' },
  'merge.export.error': { en: 'Error', ja: 'エラー' },
  'merge.estimate.minutes': { en: 'about {minutes} min', ja: '約 {minutes} 分' },
  'merge.estimate.hours': { en: 'about {hours} h', ja: '約 {hours} 時間' },
  'merge.estimate.days': { en: 'about {days} days', ja: '約 {days} 日' },
  'merge.estimate.days-at-limit': {
    en: 'about {days} days at {limit} a day',
    ja: '1 日 {limit} 通のペースで約 {days} 日',
  },
  'merge.estimate.continues-after': { en: 'continues after {time}', ja: '{time} 以降に再開します' },
  'merge.row.missing-file': {
    en: 'This row names “{name}”, which is not among the files added for rows.',
    ja: 'この行の「{name}」は、行ごとの添付ファイルに追加されていません。',
  },
  'merge.row.attachments-too-large': {
    en: 'The attachments of this row come to {size}; Gmail accepts at most {limit}.',
    ja: 'この行の添付ファイルは合計 {size} です。Gmail が受け付けるのは {limit} までです。',
  },
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

/** One problem of a row: its addresses (in src/mail's words), its placeholders or its attachments. */
export function formatRowProblem(problem: RowProblem | RowTemplateProblem | FileProblem, language: Language): string {
  switch (problem.code) {
    case 'missing-file':
      return fill(language, 'merge.row.missing-file', { name: problem.name });
    case 'attachments-too-large':
      return fill(language, 'merge.row.attachments-too-large', {
        size: formatBytes(problem.size, language),
        limit: formatBytes(problem.limit, language),
      });
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

/** The results file's header and status words. */
export function resultLabels(language: Language): ResultLabels {
  return {
    header: [
      fill(language, 'merge.export.row'),
      fill(language, 'merge.export.address'),
      fill(language, 'merge.export.status'),
      fill(language, 'merge.export.gmail-id'),
      fill(language, 'merge.export.time'),
      fill(language, 'merge.export.error'),
    ],
    status: (state: RowState) => fill(language, `merge.status.${state}`),
  };
}

const HOUR = 3_600_000;

/** "about 40 min", "about 3 h", "about 3 days at 2,000 a day": the run's length before it starts. */
export function formatEstimate(estimate: RunEstimate, language: Language): string {
  if (estimate.dailyStops > 0) {
    return fill(language, 'merge.estimate.days-at-limit', {
      days: estimate.days,
      limit: formatCount(estimate.dailyLimit, language),
    });
  }
  if (estimate.durationMs < HOUR) {
    return fill(language, 'merge.estimate.minutes', { minutes: Math.max(1, Math.ceil(estimate.durationMs / 60_000)) });
  }
  if (estimate.durationMs < 24 * HOUR) {
    return fill(language, 'merge.estimate.hours', { hours: Math.round(estimate.durationMs / HOUR) });
  }
  return fill(language, 'merge.estimate.days', { days: estimate.days });
}

/** "continues after 26 Nov 2026, 08:30": when the daily limit stopped the campaign. */
export function formatContinuesAfter(at: number, language: Language): string {
  return fill(language, 'merge.estimate.continues-after', { time: formatDateTime(at, language) });
}
