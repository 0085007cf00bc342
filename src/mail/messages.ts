import type { AddressProblem } from './address.ts';
import type { MailError } from './errors.ts';

/**
 * What the user reads for every error and address problem of the message builder, in English and Japanese. Keys are
 * merged into the app's i18n tables; `formatMailError` fills the `{placeholders}` for callers that need a sentence now.
 */
export const mailMessages = {
  en: {
    'mail.header-injection': '{field} contains a line break or another control character. Remove it and try again.',
    'mail.invalid-header-value': '{field} cannot be written into the message header.',
    'mail.invalid-header-value.bad-id': '{field} is not a valid message ID.',
    'mail.invalid-header-value.bad-content-type': 'The file type of {field} is not valid.',
    'mail.invalid-header-value.duplicate-content-id': 'Two inline images use the same ID ({field}).',
    'mail.invalid-header-value.bad-date': '{field} is not a valid date.',
    'mail.invalid-address': 'An address in {field} is not valid.',
    'mail.invalid-address.detail': '{field}: {detail}',
    'mail.no-recipient': 'Add at least one recipient in To, Cc or Bcc.',
    'mail.attachment-too-large': 'The attachments are {size}, {over} over Gmail’s {limit} limit.',
    'mail.attachment-too-large.file': '“{filename}” is {size}, {over} over Gmail’s {limit} limit for attachments.',
    'mail.attachment-too-large.total': 'The attachments add up to {size}, {over} over Gmail’s {limit} limit.',
    'mail.message-too-large':
      'The message comes to {size} once encoded, {over} over the {limit} Gmail accepts. Remove an attachment or send it as a link.',
    'mail.address.problem': '“{input}”: {reason}',
    'mail.address.empty': 'The address is empty.',
    'mail.address.control-char': 'This address contains a control character.',
    'mail.address.contains-space': 'An address cannot contain spaces.',
    'mail.address.fullwidth-at': 'The @ is full-width (＠). Type a half-width @.',
    'mail.address.missing-at': 'This address has no @.',
    'mail.address.multiple-at': 'This address has more than one @.',
    'mail.address.missing-local': 'There is nothing before the @.',
    'mail.address.missing-domain': 'There is no domain after the @.',
    'mail.address.non-ascii-local': 'The part before the @ can only use Latin letters, digits and symbols.',
    'mail.address.bad-local': 'The part before the @ contains characters or dots that are not allowed.',
    'mail.address.bad-domain': 'The part after the @ is not a valid domain, such as example.com.',
    'mail.address.too-long': 'This address is too long.',
    'mail.address.unclosed-quote': 'A quotation mark (") is not closed.',
    'mail.address.unclosed-angle': 'A < is not closed with >.',
    'mail.address.trailing-text': 'There is extra text after the address in < >.',
    'mail.field.from': 'From',
    'mail.field.to': 'To',
    'mail.field.cc': 'Cc',
    'mail.field.bcc': 'Bcc',
    'mail.field.replyTo': 'Reply-To',
    'mail.field.subject': 'The subject',
    'mail.field.date': 'The date',
    'mail.field.messageId': 'The Message-ID',
    'mail.field.inReplyTo': 'The In-Reply-To ID',
    'mail.field.references': 'The References list',
    'mail.field.attachment': 'Attachment {n}',
    'mail.field.mailbox': 'The address',
  },
  ja: {
    'mail.header-injection': '{field}に改行または制御文字が含まれています。取り除いてから、もう一度お試しください。',
    'mail.invalid-header-value': '{field}はメールのヘッダーに書き込めない値です。',
    'mail.invalid-header-value.bad-id': '{field}がメッセージ ID の形式になっていません。',
    'mail.invalid-header-value.bad-content-type': '{field}のファイル形式の指定が正しくありません。',
    'mail.invalid-header-value.duplicate-content-id': '同じ ID を持つインライン画像が 2 つあります（{field}）。',
    'mail.invalid-header-value.bad-date': '{field}が正しい日時ではありません。',
    'mail.invalid-address': '{field}に正しくないアドレスがあります。',
    'mail.invalid-address.detail': '{field}: {detail}',
    'mail.no-recipient': '宛先（To・Cc・Bcc のいずれか）を 1 件以上入力してください。',
    'mail.attachment-too-large': '添付ファイルが {size} あり、Gmail の上限 {limit} を {over} 超えています。',
    'mail.attachment-too-large.file':
      '「{filename}」のサイズは {size} で、Gmail の添付ファイルの上限 {limit} を {over} 超えています。',
    'mail.attachment-too-large.total':
      '添付ファイルの合計が {size} あり、Gmail の上限 {limit} を {over} 超えています。',
    'mail.message-too-large':
      'エンコード後のメールのサイズが {size} になり、Gmail が受け付ける {limit} を {over} 超えています。添付ファイルを減らすか、リンクで共有してください。',
    'mail.address.problem': '「{input}」: {reason}',
    'mail.address.empty': 'アドレスが入力されていません。',
    'mail.address.control-char': 'アドレスに制御文字が含まれています。',
    'mail.address.contains-space': 'アドレスにスペースは使えません。',
    'mail.address.fullwidth-at': '＠ が全角になっています。半角の @ で入力してください。',
    'mail.address.missing-at': 'アドレスに @ がありません。',
    'mail.address.multiple-at': 'アドレスに @ が 2 つ以上あります。',
    'mail.address.missing-local': '@ の前が空です。',
    'mail.address.missing-domain': '@ の後ろにドメインがありません。',
    'mail.address.non-ascii-local': '@ より前には半角の英数字と記号しか使えません。',
    'mail.address.bad-local': '@ より前に使えない文字か、不正な位置のドットがあります。',
    'mail.address.bad-domain': '@ より後ろが正しいドメイン（example.com など）になっていません。',
    'mail.address.too-long': 'アドレスが長すぎます。',
    'mail.address.unclosed-quote': '引用符（"）が閉じられていません。',
    'mail.address.unclosed-angle': '< に対応する > がありません。',
    'mail.address.trailing-text': '< > で囲んだアドレスの後ろに余分な文字があります。',
    'mail.field.from': '差出人',
    'mail.field.to': '宛先（To）',
    'mail.field.cc': 'Cc',
    'mail.field.bcc': 'Bcc',
    'mail.field.replyTo': '返信先',
    'mail.field.subject': '件名',
    'mail.field.date': '日付',
    'mail.field.messageId': 'Message-ID',
    'mail.field.inReplyTo': 'In-Reply-To',
    'mail.field.references': 'References',
    'mail.field.attachment': '添付ファイル {n}',
    'mail.field.mailbox': 'アドレス',
  },
} as const satisfies Record<'en' | 'ja', Record<string, string>>;

export type MailLocale = keyof typeof mailMessages;
export type MailMessageKey = keyof (typeof mailMessages)['en'];

function fill(locale: MailLocale, key: MailMessageKey, params: Record<string, string | number> = {}): string {
  return mailMessages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Sizes as Gmail shows them: MB meaning 1,048,576 bytes, so the 36,700,160-byte limit reads "35 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`;
}

/** `to[2].name` -> the label of `to`; `attachments[1].filename` -> "Attachment 2". */
function fieldLabel(locale: MailLocale, field: string): string {
  const attachment = /^attachments\[(\d+)\]/.exec(field);
  if (attachment) return fill(locale, 'mail.field.attachment', { n: Number(attachment[1]) + 1 });
  const base = /^[A-Za-z]+/.exec(field)?.[0] ?? 'mailbox';
  const key = `mail.field.${base}` as MailMessageKey;
  return key in mailMessages[locale] ? fill(locale, key) : field;
}

/** One address problem as a sentence, quoting what the user typed. */
export function formatAddressProblem(problem: AddressProblem, locale: MailLocale): string {
  const reason = fill(locale, `mail.address.${problem.code}`);
  return fill(locale, 'mail.address.problem', { input: problem.input, reason });
}

/** The sentence for a builder error, in English or Japanese. */
export function formatMailError(error: MailError, locale: MailLocale): string {
  const record = error.toRecord();
  switch (record.code) {
    case 'mail.header-injection':
      return fill(locale, record.code, { field: fieldLabel(locale, record.field) });
    case 'mail.invalid-header-value':
      return fill(locale, `mail.invalid-header-value.${record.reason}`, { field: fieldLabel(locale, record.field) });
    case 'mail.invalid-address':
      return fill(locale, 'mail.invalid-address.detail', {
        field: fieldLabel(locale, record.field),
        detail: record.problems.map((problem) => formatAddressProblem(problem, locale)).join(' '),
      });
    case 'mail.no-recipient':
      return fill(locale, record.code);
    case 'mail.attachment-too-large': {
      const sizes = {
        size: formatSize(record.size),
        limit: formatSize(record.limit),
        over: formatSize(record.size - record.limit),
      };
      return record.filename === undefined
        ? fill(locale, 'mail.attachment-too-large.total', sizes)
        : fill(locale, 'mail.attachment-too-large.file', { ...sizes, filename: record.filename });
    }
    case 'mail.message-too-large':
      return fill(locale, record.code, {
        size: formatSize(record.size),
        limit: formatSize(record.limit),
        over: formatSize(record.size - record.limit),
      });
  }
}
