/** The outbox: the undo window, waiting, sending, sent, "not sure", and the actions on each. */
import { defineText } from './define.ts';

export const outboxText = defineText({
  'outbox.title': { en: 'Outbox', ja: '送信トレイ' },
  'outbox.count': { en: '{count} waiting', ja: '送信待ち {count} 件' },
  'outbox.held': { en: 'Sending in {seconds} s…', ja: '{seconds} 秒後に送信します…' },
  'outbox.sending': { en: 'Sending…', ja: '送信しています…' },
  'outbox.uploading': { en: 'Uploading {sent} of {total}', ja: 'アップロード中：{sent} / {total}' },
  'outbox.sent': { en: 'Message sent.', ja: 'メッセージを送信しました。' },
  'outbox.cancelled': {
    en: 'Sending was cancelled. Nothing was sent.',
    ja: '送信をキャンセルしました。何も送信されていません。',
  },
  'outbox.cancelled.returned': {
    en: 'Sending was cancelled. Nothing was sent; your message is back in the form.',
    ja: '送信をキャンセルしました。何も送信されておらず、メッセージはフォームに戻っています。',
  },
  'outbox.undone': {
    en: 'Sending undone. Your message is back in the form.',
    ja: '送信を取り消しました。メッセージはフォームに戻っています。',
  },
  'outbox.hold-interrupted': {
    en: 'This message was not sent: the page closed before the undo time ended. It is back in the form.',
    ja: 'このメッセージは送信されていません。取り消しできる時間が終わる前にページが閉じられたため、フォームに戻しました。',
  },
  'outbox.waiting.online': {
    en: 'You are offline. This message is in the outbox and will be sent when you are back online.',
    ja: 'オフラインです。このメッセージは送信トレイにあり、オンラインに戻ると送信されます。',
  },
  'outbox.waiting.token': {
    en: 'This message is ready. Google needs you to confirm your account before it can go.',
    ja: 'メッセージの準備はできています。送信するには、Google でアカウントの確認が必要です。',
  },
  'outbox.waiting.consent': {
    en: 'Google must ask you again to allow sending mail. Reconnect and tick “Send email on your behalf”.',
    ja: 'Google で、メール送信の許可をもう一度確認する必要があります。再接続して「ユーザーに代わってメールを送信」にチェックを入れてください。',
  },
  'outbox.paused': {
    en: 'Paused with its mail merge: it goes when the merge continues.',
    ja: '差し込み送信と一緒に一時停止しています。再開すると送信されます。',
  },
  'outbox.scheduled': { en: 'Scheduled for {until}.', ja: '{until} に送信する予定です。' },
  'outbox.not-sure.lost-answer': {
    en: 'Not sure this was sent: the connection dropped after the message left. Check your Sent folder before sending it again.',
    ja: '送信できたか確認できませんでした。メッセージを送った直後に接続が切れたためです。もう一度送る前に、Gmail の「送信済み」を確認してください。',
  },
  'outbox.not-sure.server-error': {
    en: 'Not sure this was sent: Gmail answered with a server error, which does not say whether the message went. Check your Sent folder before sending it again.',
    ja: '送信できたか確認できませんでした。Gmail がサーバー エラーを返しましたが、これだけではメッセージが届いたかどうか分かりません。もう一度送る前に、Gmail の「送信済み」を確認してください。',
  },
  'outbox.not-sure.page-closed': {
    en: 'Not sure this was sent: the page was closed while the message was on its way. Check your Sent folder before sending it again.',
    ja: '送信できたか確認できませんでした。送信の途中でページが閉じられたためです。もう一度送る前に、Gmail の「送信済み」を確認してください。',
  },
  'outbox.not-sure.session-gone': {
    en: 'Not sure this was sent: Gmail ended the upload after its last part had left. Check your Sent folder before sending it again.',
    ja: '送信できたか確認できませんでした。最後の部分を送った後に、Gmail がアップロードを終了したためです。もう一度送る前に、Gmail の「送信済み」を確認してください。',
  },
  'outbox.action.undo': { en: 'Undo', ja: '元に戻す' },
  'outbox.action.send-now': { en: 'Send now', ja: '今すぐ送信' },
  'outbox.action.open-in-gmail': { en: 'Open in Gmail', ja: 'Gmail で開く' },
  'outbox.action.open-sent': { en: 'Open Sent folder', ja: 'Gmail の「送信済み」を開く' },
  'outbox.action.send-again': { en: 'Send again', ja: 'もう一度送信' },
  'outbox.action.edit': { en: 'Edit message', ja: 'メッセージを編集' },
  'outbox.action.connect-and-send': { en: 'Reconnect and send', ja: '再接続して送信' },
  'outbox.action.retry': { en: 'Try again', ja: 'もう一度試す' },
  'outbox.action.cancel': { en: 'Cancel', ja: 'キャンセル' },
  'outbox.action.dismiss': { en: 'Dismiss', ja: '閉じる' },
  'outbox.edit.replace': {
    en: 'Replace what is in the form with this message?',
    ja: 'フォームの内容を、このメッセージで置き換えますか？',
  },
  'outbox.entry.to': { en: 'To {recipients}', ja: '宛先：{recipients}' },
  'outbox.hold.label': { en: 'Undo time', ja: '取り消しできる時間' },
  'outbox.hold.off': { en: 'Off', ja: 'なし' },
  'outbox.hold.seconds': { en: '{seconds} s', ja: '{seconds} 秒' },
});
