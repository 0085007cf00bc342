/** Text the first paint shows: the page frame and the compose form's labels. Bundled with the first load, so keep it short. */
import { defineText } from './define.ts';

export const firstPaintText = defineText({
  'app.name': { en: 'Fumi', ja: 'Fumi' },
  'app.title': { en: 'Fumi · mail from your own Gmail', ja: 'Fumi · 自分の Gmail からメールを送る' },
  'app.description': {
    en: 'Write and send mail from your own Gmail account, right in the browser: no server, nothing kept but your draft in this browser.',
    ja: '自分の Gmail アカウントから、ブラウザだけでメールを書いて送れます。サーバーはなく、保存するのはこのブラウザの下書きだけです。',
  },
  'app.demo': { en: 'Demo', ja: 'デモ' },
  'app.demo.detail': {
    en: 'Google is simulated here, so no mail is really sent.',
    ja: 'Google の動作を模擬しているため、メールは実際には送信されません。',
  },
  'app.demo.outbox': { en: 'See what the demo sent', ja: 'デモで送信したメールを見る' },
  'app.language': { en: 'Language', ja: '表示言語' },
  'app.skip': { en: 'Skip to the new message', ja: '新規メッセージへ移動' },
  'app.privacy': { en: 'Privacy', ja: 'プライバシー' },
  'app.shortcuts': { en: 'Keyboard shortcuts', ja: 'キーボード ショートカット' },
  // The account area's first state, painted before the auth chunk arrives (src/app/Header.tsx).
  'auth.connect.loading': { en: 'Loading Google sign-in…', ja: 'Google のログイン機能を読み込み中…' },
  'app.views': { en: 'What to send', ja: '送信の種類' },
  'app.view.merge': { en: 'Mail merge', ja: '差し込み送信' },
  'compose.title': { en: 'New message', ja: '新規メッセージ' },
  'compose.to': { en: 'To', ja: '宛先' },
  'compose.cc': { en: 'Cc', ja: 'Cc' },
  'compose.bcc': { en: 'Bcc', ja: 'Bcc' },
  'compose.show-copies': { en: 'Cc and Bcc', ja: 'Cc と Bcc' },
  'compose.subject': { en: 'Subject', ja: '件名' },
  'compose.body': { en: 'Message', ja: '本文' },
  'compose.recipients.hint': {
    en: 'Separate addresses with a comma, semicolon or Enter.',
    ja: 'アドレスはカンマ、セミコロン、Enter で区切ります。',
  },
  'compose.attachments': { en: 'Attachments', ja: '添付ファイル' },
  'compose.attach': { en: 'Attach files', ja: 'ファイルを添付' },
  'compose.send': { en: 'Send', ja: '送信' },
  'compose.send.shortcut': { en: 'Ctrl+Enter', ja: 'Ctrl+Enter' },
  'compose.send.shortcut.mac': { en: '⌘+Enter', ja: '⌘+Enter' },
  'app.loading': { en: 'Loading…', ja: '読み込み中…' },
  // The extras bar is painted with the form, disabled until its chunk comes (compose/ui/ExtrasPlaceholder.tsx).
  'editor.mode.rich': { en: 'Rich text', ja: 'リッチテキスト' },
  'editor.mode.plain': { en: 'Plain text', ja: 'プレーンテキスト' },
  'compose.extras.templates': { en: 'Templates', ja: 'テンプレート' },
  'compose.extras.signature': { en: 'Signature', ja: '署名' },
  'compose.extras.preview': { en: 'Preview', ja: 'プレビュー' },
  // The sent log's frame is painted with the form (its entries come later), so nothing below the form pops in.
  'sent.title': { en: 'Sent from this browser', ja: 'このブラウザから送信したメッセージ' },
  'sent.empty': {
    en: 'Nothing sent from this browser yet.',
    ja: 'このブラウザから送信したメッセージはまだありません。',
  },
  'sent.note': {
    en: 'Kept only in this browser: time, recipients, subject and link, never the message itself.',
    ja: 'このブラウザ内にだけ、日時・宛先・件名・リンクを保存します。本文は保存しません。',
  },
});
