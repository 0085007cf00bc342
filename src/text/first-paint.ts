/** Text the first paint shows: the page frame and the compose form's labels. Bundled with the first load, so keep it short. */
import { defineText } from './define.ts';

export const firstPaintText = defineText({
  'app.name': { en: 'Fumi', ja: 'Fumi' },
  'app.demo': { en: 'Demo', ja: 'デモ' },
  'app.demo.detail': {
    en: 'Offline Google: nothing leaves this computer.',
    ja: 'オフラインの Google に接続中です。メールはこのパソコンの外には送られません。',
  },
  'app.demo.outbox': { en: 'Open the demo outbox', ja: 'デモの送信箱を開く' },
  'app.language': { en: 'Language', ja: '表示言語' },
  'app.skip': { en: 'Skip to the message', ja: '本文へ移動' },
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
  'compose.attach': { en: 'Attach files', ja: 'ファイルを添付' },
  'compose.send': { en: 'Send', ja: '送信' },
  'compose.send.shortcut': { en: 'Ctrl+Enter', ja: 'Ctrl+Enter' },
  'compose.send.shortcut.mac': { en: '⌘+Enter', ja: '⌘+Enter' },
  'app.loading': { en: 'Loading…', ja: '読み込み中…' },
});
