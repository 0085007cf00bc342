/**
 * The app around the form: the keyboard shortcut list, updates, offline use and installed apps. Loaded with the
 * chunks that show it (src/app/shell, src/pwa), never with the first paint.
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
  'app.update.ready': {
    en: 'A new version of Fumi is ready. Reloading keeps your draft.',
    ja: 'Fumi の新しいバージョンの準備ができました。再読み込みしても下書きはそのまま残ります。',
  },
  'app.update.reload': { en: 'Reload', ja: '再読み込み' },
  'app.ios-app.body': {
    en: 'On iPhone and iPad, Google’s sign-in window opens in Safari and cannot hand the access back to an app opened from the Home Screen, so Connect and Send may not work here. Open {address} in Safari instead: writing, connecting and sending all work there. A draft written here stays in this app only (Home Screen apps keep their own storage).',
    ja: 'iPhone と iPad では、Google のログイン ウィンドウが Safari で開き、ホーム画面から開いたアプリには許可を返せません。そのため、ここでは接続と送信ができない場合があります。代わりに Safari で {address} を開いてください。Safari なら、書く・接続する・送るのすべてができます。ここで書いた下書きはこのアプリの中にだけ残ります（ホーム画面のアプリは専用の保存場所を使います）。',
  },
  'app.ios-app.how': {
    en: 'To make the Home Screen icon open Safari: remove it, then in Safari tap Share → Add to Home Screen and turn off “Open as Web App”.',
    ja: 'ホーム画面のアイコンで Safari が開くようにするには、アイコンを削除してから、Safari で「共有」→「ホーム画面に追加」を選び、「Webアプリとして開く」をオフにしてください。',
  },
});
