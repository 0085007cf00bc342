/**
 * The app around the form: the keyboard shortcut list. Loaded with the chunk that shows it (src/app/shell), never
 * with the first paint.
 */
import { defineText } from './define.ts';

export const appText = defineText({
  'app.shortcuts.send': { en: 'Send the message', ja: 'メッセージを送信' },
  'app.shortcuts.finish-address': { en: 'Finish the address you are typing', ja: '入力中のアドレスを確定' },
  'app.shortcuts.remove-address': { en: 'Remove the last address', ja: '最後のアドレスを削除' },
  'app.shortcuts.help': { en: 'Show this list', ja: 'この一覧を表示' },
  'app.shortcuts.close': { en: 'Close this list or a menu', ja: 'この一覧やメニューを閉じる' },
  'app.shortcuts.in-address': { en: 'in To, Cc or Bcc', ja: '宛先・Cc・Bcc で' },
  'app.shortcuts.in-empty-address': {
    en: 'in an empty To, Cc or Bcc field',
    ja: '空の宛先・Cc・Bcc で',
  },
  'app.shortcuts.outside-fields': { en: 'outside text fields', ja: '入力欄の外で' },
  'app.shortcuts.keys': { en: 'Keys', ja: 'キー' },
  'app.shortcuts.action': { en: 'Action', ja: '操作' },
  'app.shortcuts.close-button': { en: 'Close', ja: '閉じる' },
});
