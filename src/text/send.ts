/** How a send ended or why it waits, with what fixes it (Gmail's answers through src/gmail and the outbox). */
import { defineText } from './define.ts';

export const sendText = defineText({
  'gmail.wait.rate-limit': {
    en: 'Gmail asked us to slow down. Trying again in {seconds} s (retry {attempt} of {maxAttempts}).',
    ja: 'Gmail から送信ペースを落とすよう求められました。{seconds} 秒後に再試行します（{maxAttempts} 回中 {attempt} 回目）。',
  },
  'gmail.wait.concurrency': {
    en: 'Gmail is busy with other requests from your account. Trying again in {seconds} s (retry {attempt} of {maxAttempts}).',
    ja: 'このアカウントへのリクエストが混み合っています。{seconds} 秒後に再試行します（{maxAttempts} 回中 {attempt} 回目）。',
  },
  'gmail.wait.server-error': {
    en: 'Gmail had a temporary problem. Trying again in {seconds} s (retry {attempt} of {maxAttempts}).',
    ja: 'Gmail で一時的な問題が起きています。{seconds} 秒後に再試行します（{maxAttempts} 回中 {attempt} 回目）。',
  },
  'gmail.wait.network': {
    en: 'The connection dropped. Resuming in {seconds} s (retry {attempt} of {maxAttempts}).',
    ja: '接続が切れました。{seconds} 秒後に続きから再開します（{maxAttempts} 回中 {attempt} 回目）。',
  },
  'gmail.stop.daily-limit': {
    en: 'Your Google project has used its daily Gmail API quota. Sending can resume when the quota resets (usually within 24 hours). Your message is kept.',
    ja: 'この Google プロジェクトの 1 日あたりの Gmail API 割り当てを使い切りました。通常 24 時間以内にリセットされ、その後に送信できます。書いた内容は残っています。',
  },
  'gmail.stop.daily-limit.at': {
    en: 'Your Google project has used its daily Gmail API quota. You can send again after {resumeAt}.',
    ja: 'この Google プロジェクトの 1 日あたりの Gmail API 割り当てを使い切りました。{resumeAt} 以降にもう一度送信してください。',
  },
  'gmail.stop.sending-limit': {
    en: 'Your account has reached Gmail’s sending limit, which counts mail from every app you use. Gmail lifts it within 24 hours; your message is kept.',
    ja: 'このアカウントは Gmail の送信上限に達しました（他のアプリから送ったメールも含めて数えられます）。24 時間以内に解除されます。書いた内容は残っています。',
  },
  'gmail.stop.sending-limit.at': {
    en: 'Your account has reached Gmail’s sending limit, which counts mail from every app you use. You can send again after {resumeAt}.',
    ja: 'このアカウントは Gmail の送信上限に達しました（他のアプリから送ったメールも含めて数えられます）。{resumeAt} 以降にもう一度送信してください。',
  },
  'gmail.stop.rate-limited': {
    en: 'Gmail is still asking us to slow down. Wait a few minutes, then press Send again.',
    ja: 'Gmail から引き続き待つよう求められています。数分おいてから、もう一度送信してください。',
  },
  'gmail.stop.rate-limited.at': {
    en: 'Gmail asked us to wait. You can send again after {resumeAt}.',
    ja: 'Gmail から待つよう求められました。{resumeAt} 以降にもう一度送信してください。',
  },
  'gmail.stop.server-error': {
    en: 'Gmail kept failing after {maxAttempts} tries. Nothing was sent. Try again in a few minutes.',
    ja: '{maxAttempts} 回試しましたが、Gmail のエラーが続きました。何も送信されていません。数分後にもう一度お試しください。',
  },
  'gmail.stop.offline': {
    en: 'Gmail could not be reached. Nothing was sent. Check your connection, then press Send again.',
    ja: 'Gmail に接続できませんでした。何も送信されていません。ネットワークを確認してから、もう一度送信してください。',
  },
  'gmail.stop.invalid-header': {
    en: 'Gmail refused the {field} field. Check the addresses there and send again.',
    ja: 'Gmail が「{field}」欄を受け付けませんでした。アドレスを確認してから送信し直してください。',
  },
  'gmail.stop.recipient-required': {
    en: 'Add at least one recipient in To, Cc or Bcc.',
    ja: '宛先（To・Cc・Bcc のいずれか）を 1 件以上入力してください。',
  },
  'gmail.stop.insufficient-scope': {
    en: 'This page was not given permission to send mail. Reconnect and tick “Send email on your behalf” on Google’s screen.',
    ja: 'このページにはメール送信の許可がありません。再接続し、Google の画面で「ユーザーに代わってメールを送信」にチェックを入れてください。',
  },
  'gmail.stop.api-not-enabled': {
    en: 'The Gmail API is not enabled in this page’s Google Cloud project. Its owner must enable it (APIs & Services → Library → Gmail API); it can take a few minutes to apply.',
    ja: 'このページの Google Cloud プロジェクトで Gmail API が有効になっていません。プロジェクトの所有者が有効にする必要があります（「API とサービス」→「ライブラリ」→「Gmail API」）。反映まで数分かかることがあります。',
  },
  'gmail.stop.domain-policy': {
    en: 'Your organisation’s Google Workspace administrator does not allow apps to use Gmail. Ask them to allow this app.',
    ja: '組織の Google Workspace 管理者が、アプリからの Gmail の利用を許可していません。このアプリを許可するよう管理者に依頼してください。',
  },
  'gmail.stop.delegation-denied': {
    en: 'This account may not send as the address it asked for. Send from your own account.',
    ja: 'このアカウントでは指定されたアドレスとして送信できません。ご自分のアカウントから送信してください。',
  },
  'gmail.stop.mail-service-disabled': {
    en: 'Gmail is not enabled for this Google account, so it cannot send mail. Use an account with Gmail.',
    ja: 'この Google アカウントでは Gmail が有効になっていないため、メールを送れません。Gmail を使えるアカウントでお試しください。',
  },
  'gmail.stop.invalid-thread': {
    en: 'The conversation this reply belongs to no longer exists in your Gmail. Send it as a new message.',
    ja: '返信先のスレッドが Gmail に見つかりません。新しいメッセージとして送信してください。',
  },
  'gmail.stop.too-large': {
    en: 'This message is {size}; Gmail accepts at most {limit}. Remove or shrink attachments.',
    ja: 'このメッセージは {size} あります。Gmail で送れるのは {limit} までです。添付ファイルを減らすか、小さくしてください。',
  },
  'gmail.stop.bad-request': {
    en: 'Gmail rejected the message: {details}',
    ja: 'Gmail がメッセージを受け付けませんでした：{details}',
  },
  'gmail.stop.upload-unreachable': {
    en: 'This browser could not reach Gmail’s upload service, which messages over {limit} need. This message is {size}: remove about {reduceBy} of attachments to send it the ordinary way. Your message is kept.',
    ja: '{limit} を超えるメッセージに必要な Gmail のアップロード窓口に、このブラウザから接続できませんでした。このメッセージは {size} あるので、添付ファイルを {reduceBy} ほど減らすと通常の方法で送れます。書いた内容は残っています。',
  },
  'gmail.stop.upload-stalled': {
    en: 'The upload stopped making progress. Nothing was sent. Try again, or make the message smaller than {limit}.',
    ja: 'アップロードが進まなくなりました。何も送信されていません。もう一度お試しいただくか、メッセージを {limit} より小さくしてください。',
  },
  'gmail.stop.client-not-ready': {
    en: 'The Google API client has not finished loading. Reload the page and try again.',
    ja: 'Google API クライアントの読み込みが終わっていません。ページを再読み込みしてからお試しください。',
  },
  'gmail.stop.unknown': {
    en: 'Gmail returned an unexpected error: {details}',
    ja: 'Gmail から想定外のエラーが返されました：{details}',
  },
  'gmail.field.to': { en: 'To', ja: '宛先' },
  'gmail.field.cc': { en: 'Cc', ja: 'Cc' },
  'gmail.field.bcc': { en: 'Bcc', ja: 'Bcc' },
  'gmail.field.from': { en: 'From', ja: '差出人' },
  'gmail.field.subject': { en: 'Subject', ja: '件名' },
});
