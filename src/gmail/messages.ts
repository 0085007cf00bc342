/**
 * Text for every state a send can end in or wait in, each with what fixes it. Merged into the app's i18n tables.
 * Placeholders: `{size}` and `{limit}` (formatted sizes), `{reduceBy}` (size to remove), `{resumeAt}` (formatted
 * date and time), `{seconds}` (countdown), `{attempt}` / `{maxAttempts}`, `{field}` (the header's label),
 * `{details}` (Google's own message), `{sent}` / `{total}` (formatted sizes), `{account}` (address).
 */
export const gmailMessages = {
  en: {
    'gmail.sent': 'Sent.',
    'gmail.sent.open': 'Open in Gmail',
    'gmail.progress': 'Uploading {sent} of {total}…',
    'gmail.sending': 'Sending…',
    'gmail.cancelled': 'Sending was cancelled. Nothing was sent, and your message is still here.',
    'gmail.needs-reauth': 'Google needs you to sign in again before this message can go. Your message is kept.',
    'gmail.action.reconnect-and-send': 'Reconnect and send',
    'gmail.uncertain':
      'Not sure this was sent: the connection dropped after the message left. Check your Sent folder before sending again.',
    'gmail.action.check-sent': 'Open Sent folder',
    'gmail.action.send-again': 'Send again',
    'gmail.action.cancel': 'Cancel',
    'gmail.wait.rate-limit':
      'Gmail asked us to slow down. Trying again in {seconds} s (retry {attempt} of {maxAttempts}).',
    'gmail.wait.concurrency':
      'Gmail is busy with other requests from your account. Trying again in {seconds} s (retry {attempt} of {maxAttempts}).',
    'gmail.wait.server-error':
      'Gmail had a temporary problem. Trying again in {seconds} s (retry {attempt} of {maxAttempts}).',
    'gmail.wait.network': 'The connection dropped. Resuming in {seconds} s (retry {attempt} of {maxAttempts}).',
    'gmail.stop.daily-limit':
      'Your Google project has used its daily Gmail API quota. Sending can resume when the quota resets (usually within 24 hours). Your message is kept.',
    'gmail.stop.daily-limit.at':
      'Your Google project has used its daily Gmail API quota. You can send again after {resumeAt}.',
    'gmail.stop.sending-limit':
      'Your account has reached Gmail’s sending limit, which counts mail from every app you use. Gmail lifts it within 24 hours; your message is kept.',
    'gmail.stop.sending-limit.at':
      'Your account has reached Gmail’s sending limit, which counts mail from every app you use. You can send again after {resumeAt}.',
    'gmail.stop.rate-limited': 'Gmail is still asking us to slow down. Wait a few minutes, then press Send again.',
    'gmail.stop.rate-limited.at': 'Gmail asked us to wait. You can send again after {resumeAt}.',
    'gmail.stop.server-error':
      'Gmail kept failing after {maxAttempts} tries. Nothing was sent. Try again in a few minutes.',
    'gmail.stop.offline': 'Gmail could not be reached. Nothing was sent. Check your connection, then press Send again.',
    'gmail.stop.invalid-header': 'Gmail refused the {field} field. Check the addresses there and send again.',
    'gmail.stop.recipient-required': 'Add at least one recipient in To, Cc or Bcc.',
    'gmail.stop.insufficient-scope':
      'This page was not given permission to send mail. Reconnect and tick “Send email on your behalf” on Google’s screen.',
    'gmail.stop.api-not-enabled':
      'The Gmail API is not enabled in this page’s Google Cloud project. Its owner must enable it (APIs & Services → Library → Gmail API); it can take a few minutes to apply.',
    'gmail.stop.domain-policy':
      'Your organisation’s Google Workspace administrator does not allow apps to use Gmail. Ask them to allow this app.',
    'gmail.stop.delegation-denied':
      'This account may not send as the address it asked for. Send from your own account.',
    'gmail.stop.mail-service-disabled':
      'Gmail is not enabled for this Google account, so it cannot send mail. Use an account with Gmail.',
    'gmail.stop.invalid-thread':
      'The conversation this reply belongs to no longer exists in your Gmail. Send it as a new message.',
    'gmail.stop.too-large': 'This message is {size}; Gmail accepts at most {limit}. Remove or shrink attachments.',
    'gmail.stop.bad-request': 'Gmail rejected the message: {details}',
    'gmail.stop.upload-unreachable':
      'This browser could not reach Gmail’s upload service, which messages over {limit} need. This message is {size}: remove about {reduceBy} of attachments to send it the ordinary way. Your message is kept.',
    'gmail.stop.upload-stalled':
      'The upload stopped making progress. Nothing was sent. Try again, or make the message smaller than {limit}.',
    'gmail.stop.client-not-ready': 'The Google API client has not finished loading. Reload the page and try again.',
    'gmail.stop.unknown': 'Gmail returned an unexpected error: {details}',
    'gmail.init.gapi-load-failed': 'The Google API client could not be loaded. Check your connection and reload.',
    'gmail.init.gapi-load-timeout': 'The Google API client took too long to load. Check your connection and reload.',
    'gmail.init.gapi-init-failed': 'The Google API client could not start the Gmail API. Reload the page.',
    'gmail.field.to': 'To',
    'gmail.field.cc': 'Cc',
    'gmail.field.bcc': 'Bcc',
    'gmail.field.from': 'From',
    'gmail.field.subject': 'Subject',
  },
  ja: {
    'gmail.sent': '送信しました。',
    'gmail.sent.open': 'Gmail で開く',
    'gmail.progress': '{total} 中 {sent} をアップロード中…',
    'gmail.sending': '送信中…',
    'gmail.cancelled': '送信を取り消しました。メールは送られていません。書いた内容はそのまま残っています。',
    'gmail.needs-reauth': 'このメールを送るには Google にもう一度ログインしてください。書いた内容は残っています。',
    'gmail.action.reconnect-and-send': '再接続して送信',
    'gmail.uncertain':
      'メールを送った直後に接続が切れたため、届いたかどうか確認できません。もう一度送る前に「送信済み」フォルダを確認してください。',
    'gmail.action.check-sent': '送信済みを開く',
    'gmail.action.send-again': 'もう一度送信',
    'gmail.action.cancel': 'キャンセル',
    'gmail.wait.rate-limit':
      'Gmail から送信ペースを落とすよう求められました。{seconds} 秒後に再試行します（{maxAttempts} 回中 {attempt} 回目）。',
    'gmail.wait.concurrency':
      'このアカウントへのリクエストが混み合っています。{seconds} 秒後に再試行します（{maxAttempts} 回中 {attempt} 回目）。',
    'gmail.wait.server-error':
      'Gmail で一時的な問題が起きています。{seconds} 秒後に再試行します（{maxAttempts} 回中 {attempt} 回目）。',
    'gmail.wait.network': '接続が切れました。{seconds} 秒後に続きから再開します（{maxAttempts} 回中 {attempt} 回目）。',
    'gmail.stop.daily-limit':
      'この Google プロジェクトの 1 日あたりの Gmail API 割り当てを使い切りました。通常 24 時間以内にリセットされ、その後に送信できます。書いた内容は残っています。',
    'gmail.stop.daily-limit.at':
      'この Google プロジェクトの 1 日あたりの Gmail API 割り当てを使い切りました。{resumeAt} 以降にもう一度送信してください。',
    'gmail.stop.sending-limit':
      'このアカウントは Gmail の送信上限に達しました（他のアプリから送ったメールも含めて数えられます）。24 時間以内に解除されます。書いた内容は残っています。',
    'gmail.stop.sending-limit.at':
      'このアカウントは Gmail の送信上限に達しました（他のアプリから送ったメールも含めて数えられます）。{resumeAt} 以降にもう一度送信してください。',
    'gmail.stop.rate-limited': 'Gmail から引き続き待つよう求められています。数分おいてから、もう一度送信してください。',
    'gmail.stop.rate-limited.at': 'Gmail から待つよう求められました。{resumeAt} 以降にもう一度送信してください。',
    'gmail.stop.server-error':
      '{maxAttempts} 回試しましたが Gmail でエラーが続きました。メールは送られていません。数分後にもう一度お試しください。',
    'gmail.stop.offline':
      'Gmail に接続できませんでした。メールは送られていません。接続を確認してから、もう一度送信してください。',
    'gmail.stop.invalid-header':
      'Gmail が「{field}」欄を受け付けませんでした。アドレスを確認してから送信し直してください。',
    'gmail.stop.recipient-required': '宛先（To・Cc・Bcc のいずれか）を 1 件以上入力してください。',
    'gmail.stop.insufficient-scope':
      'このページにはメール送信の許可がありません。再接続し、Google の画面で「ユーザーに代わってメールを送信」にチェックを入れてください。',
    'gmail.stop.api-not-enabled':
      'このページの Google Cloud プロジェクトで Gmail API が有効になっていません。管理者が有効にする必要があります（API とサービス → ライブラリ → Gmail API）。反映まで数分かかることがあります。',
    'gmail.stop.domain-policy':
      '組織の Google Workspace 管理者が、アプリからの Gmail の利用を許可していません。このアプリを許可するよう管理者に依頼してください。',
    'gmail.stop.delegation-denied':
      'このアカウントでは指定されたアドレスとして送信できません。ご自分のアカウントから送信してください。',
    'gmail.stop.mail-service-disabled':
      'この Google アカウントでは Gmail が有効になっていないため、メールを送れません。Gmail を使えるアカウントでお試しください。',
    'gmail.stop.invalid-thread': '返信先のスレッドが Gmail に見つかりません。新しいメールとして送信してください。',
    'gmail.stop.too-large':
      'このメールは {size} あります。Gmail で送れるのは {limit} までです。添付ファイルを減らすか小さくしてください。',
    'gmail.stop.bad-request': 'Gmail がメールを受け付けませんでした: {details}',
    'gmail.stop.upload-unreachable':
      '{limit} を超えるメールに必要な Gmail のアップロード窓口に、このブラウザから接続できませんでした。このメールは {size} あるので、添付ファイルを {reduceBy} ほど減らすと通常の方法で送れます。書いた内容は残っています。',
    'gmail.stop.upload-stalled':
      'アップロードが進まなくなりました。メールは送られていません。もう一度お試しいただくか、{limit} より小さくしてください。',
    'gmail.stop.client-not-ready':
      'Google API クライアントの読み込みが終わっていません。ページを再読み込みしてからお試しください。',
    'gmail.stop.unknown': 'Gmail から想定外のエラーが返されました: {details}',
    'gmail.init.gapi-load-failed':
      'Google API クライアントを読み込めませんでした。接続を確認して再読み込みしてください。',
    'gmail.init.gapi-load-timeout':
      'Google API クライアントの読み込みに時間がかかりすぎています。接続を確認して再読み込みしてください。',
    'gmail.init.gapi-init-failed':
      'Google API クライアントで Gmail API を開始できませんでした。ページを再読み込みしてください。',
    'gmail.field.to': '宛先',
    'gmail.field.cc': 'Cc',
    'gmail.field.bcc': 'Bcc',
    'gmail.field.from': '差出人',
    'gmail.field.subject': '件名',
  },
} as const;

export type GmailMessageKey = keyof (typeof gmailMessages)['en'];
