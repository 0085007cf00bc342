/** The message builder's errors and address problems (src/mail), worded for the person who typed them. */
import type { Language } from '../i18n/language.ts';
import type { AddressProblem } from '../mail/address.ts';
import type { MailError } from '../mail/errors.ts';
import { defineText, fillSentence } from './define.ts';

export const mailText = defineText({
  'mail.header-injection': {
    en: '{field} contains a line break or another control character. Remove it and try again.',
    ja: '{field}に改行または制御文字が含まれています。取り除いてから、もう一度お試しください。',
  },
  'mail.invalid-header-value': {
    en: '{field} cannot be written into the message header.',
    ja: '{field}はメッセージのヘッダーに書き込めない値です。',
  },
  'mail.invalid-header-value.bad-id': {
    en: '{field} is not a valid message ID.',
    ja: '{field}がメッセージ ID の形式になっていません。',
  },
  'mail.invalid-header-value.bad-content-type': {
    en: 'The file type of {field} is not valid.',
    ja: '{field}のファイル形式の指定が正しくありません。',
  },
  'mail.invalid-header-value.duplicate-content-id': {
    en: 'Two inline images use the same ID ({field}).',
    ja: '同じ ID を持つインライン画像が 2 つあります（{field}）。',
  },
  'mail.invalid-header-value.too-long': {
    en: '{field} is too long to fit in the message header.',
    ja: '{field}が長すぎて、メールのヘッダーに書き込めません。',
  },
  'mail.invalid-header-value.bad-date': {
    en: '{field} is not a valid date.',
    ja: '{field}が正しい日時ではありません。',
  },
  'mail.invalid-address': { en: 'An address in {field} is not valid.', ja: '{field}に正しくないアドレスがあります。' },
  'mail.invalid-address.detail': { en: '{field}: {detail}', ja: '{field}: {detail}' },
  'mail.no-recipient': {
    en: 'Add at least one recipient in To, Cc or Bcc.',
    ja: '宛先（To・Cc・Bcc のいずれか）を 1 件以上入力してください。',
  },
  'mail.attachment-too-large': {
    en: 'The attachments are {size}, {over} over Gmail’s {limit} limit.',
    ja: '添付ファイルが {size} あり、Gmail の上限 {limit} を {over} 超えています。',
  },
  'mail.attachment-too-large.file': {
    en: '“{filename}” is {size}, {over} over Gmail’s {limit} limit for attachments.',
    ja: '「{filename}」のサイズは {size} で、Gmail の添付ファイルの上限 {limit} を {over} 超えています。',
  },
  'mail.attachment-too-large.total': {
    en: 'The attachments add up to {size}, {over} over Gmail’s {limit} limit.',
    ja: '添付ファイルの合計が {size} あり、Gmail の上限 {limit} を {over} 超えています。',
  },
  'mail.message-too-large': {
    en: 'The message comes to {size} once encoded, {over} over the {limit} Gmail accepts. Remove an attachment or send it as a link.',
    ja: 'エンコード後のメッセージのサイズが {size} になり、Gmail が受け付ける {limit} を {over} 超えています。添付ファイルを減らすか、リンクで共有してください。',
  },
  'mail.address.problem': { en: '“{input}”: {reason}', ja: '「{input}」: {reason}' },
  'mail.address.empty': { en: 'The address is empty.', ja: 'アドレスが入力されていません。' },
  'mail.address.control-char': {
    en: 'This address contains a control character.',
    ja: 'アドレスに制御文字が含まれています。',
  },
  'mail.address.contains-space': { en: 'An address cannot contain spaces.', ja: 'アドレスにスペースは使えません。' },
  'mail.address.fullwidth-at': {
    en: 'The @ is full-width (＠). Type a half-width @.',
    ja: '＠ が全角になっています。半角の @ で入力してください。',
  },
  'mail.address.missing-at': { en: 'This address has no @.', ja: 'アドレスに @ がありません。' },
  'mail.address.multiple-at': { en: 'This address has more than one @.', ja: 'アドレスに @ が 2 つ以上あります。' },
  'mail.address.missing-local': { en: 'There is nothing before the @.', ja: '@ の前が空です。' },
  'mail.address.missing-domain': { en: 'There is no domain after the @.', ja: '@ の後ろにドメインがありません。' },
  'mail.address.non-ascii-local': {
    en: 'The part before the @ can only use Latin letters, digits and symbols.',
    ja: '@ より前には半角の英数字と記号しか使えません。',
  },
  'mail.address.bad-local': {
    en: 'The part before the @ contains characters or dots that are not allowed.',
    ja: '@ より前に使えない文字か、不正な位置のドットがあります。',
  },
  'mail.address.bad-domain': {
    en: 'The part after the @ is not a valid domain, such as example.com.',
    ja: '@ より後ろが正しいドメイン（example.com など）になっていません。',
  },
  'mail.address.too-long': { en: 'This address is too long.', ja: 'アドレスが長すぎます。' },
  'mail.address.unclosed-quote': { en: 'A quotation mark (") is not closed.', ja: '引用符（"）が閉じられていません。' },
  'mail.address.unclosed-angle': { en: 'A < is not closed with >.', ja: '< に対応する > がありません。' },
  'mail.address.trailing-text': {
    en: 'There is extra text after the address in < >.',
    ja: '< > で囲んだアドレスの後ろに余分な文字があります。',
  },
  'mail.field.from': { en: 'From', ja: '差出人' },
  'mail.field.to': { en: 'To', ja: '宛先（To）' },
  'mail.field.cc': { en: 'Cc', ja: 'Cc' },
  'mail.field.bcc': { en: 'Bcc', ja: 'Bcc' },
  'mail.field.replyTo': { en: 'Reply-To', ja: '返信先' },
  'mail.field.subject': { en: 'The subject', ja: '件名' },
  'mail.field.date': { en: 'The date', ja: '日付' },
  'mail.field.messageId': { en: 'The Message-ID', ja: 'Message-ID' },
  'mail.field.inReplyTo': { en: 'The In-Reply-To ID', ja: 'In-Reply-To' },
  'mail.field.references': { en: 'The References list', ja: 'References' },
  'mail.field.attachment': { en: 'Attachment {n}', ja: '添付ファイル {n}' },
  'mail.field.mailbox': { en: 'The address', ja: 'アドレス' },
  'mail.field.listUnsubscribe': { en: 'The unsubscribe address', ja: '配信停止の受付アドレス' },
});

type MailKey = keyof typeof mailText;
type Params = Readonly<Record<string, string | number>>;

function fill(language: Language, key: MailKey, params: Params = {}): string {
  return fillSentence(mailText[key], language, params);
}

/** Sizes as Gmail shows them: MB meaning 1,048,576 bytes, so the 36,700,160-byte limit reads "35 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`;
}

/** `to[2].name` -> the label of `to`; `attachments[1].filename` -> "Attachment 2". */
function fieldLabel(language: Language, field: string): string {
  const attachment = /^attachments\[(\d+)\]/.exec(field);
  if (attachment) return fill(language, 'mail.field.attachment', { n: Number(attachment[1]) + 1 });
  const base = /^[A-Za-z]+/.exec(field)?.[0] ?? 'mailbox';
  const key = `mail.field.${base}`;
  return Object.hasOwn(mailText, key) ? fill(language, key as MailKey) : field;
}

/** One address problem as a sentence, quoting what the user typed. */
export function formatAddressProblem(problem: AddressProblem, language: Language): string {
  const reason = fill(language, `mail.address.${problem.code}`);
  return fill(language, 'mail.address.problem', { input: problem.input, reason });
}

/** The sentence for a builder error, in English or Japanese. */
export function formatMailError(error: MailError, language: Language): string {
  const record = error.toRecord();
  switch (record.code) {
    case 'mail.header-injection':
      return fill(language, record.code, { field: fieldLabel(language, record.field) });
    case 'mail.invalid-header-value':
      return fill(language, `mail.invalid-header-value.${record.reason}`, {
        field: fieldLabel(language, record.field),
      });
    case 'mail.invalid-address':
      return fill(language, 'mail.invalid-address.detail', {
        field: fieldLabel(language, record.field),
        detail: record.problems.map((problem) => formatAddressProblem(problem, language)).join(' '),
      });
    case 'mail.no-recipient':
      return fill(language, record.code);
    case 'mail.attachment-too-large': {
      const sizes = {
        size: formatSize(record.size),
        limit: formatSize(record.limit),
        over: formatSize(record.size - record.limit),
      };
      return record.filename === undefined
        ? fill(language, 'mail.attachment-too-large.total', sizes)
        : fill(language, 'mail.attachment-too-large.file', { ...sizes, filename: record.filename });
    }
    case 'mail.message-too-large':
      return fill(language, record.code, {
        size: formatSize(record.size),
        limit: formatSize(record.limit),
        over: formatSize(record.size - record.limit),
      });
  }
}
