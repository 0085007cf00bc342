/** The Google account: connecting, renewing, signing out, and every authorization failure with its fix. */
import { defineText } from './define.ts';

export const authText = defineText({
  'auth.revoke-failed.title': {
    en: 'Signed out here, but Google may still let this page send as you',
    ja: 'このページからはログアウトしましたが、Google 側の許可が残っている可能性があります',
  },
  'auth.revoke-failed.body': {
    en: 'This page has forgotten your access, but Google did not confirm that it withdrew the permission to send mail (code: {code}). To remove it yourself, open your Google Account → Security → Third-party connections, choose this app and remove its access.',
    ja: 'このページはアクセス権を破棄しましたが、メール送信の許可を取り消したことを Google が確認できませんでした（コード：{code}）。ご自身で取り消すには、Google アカウントの「セキュリティ」→「サードパーティとの接続」を開き、このアプリを選んでアクセス権を削除してください。',
  },
  'auth.revoke-failed.action': { en: 'Open Third-party connections', ja: '「サードパーティとの接続」を開く' },
  'auth.consent-asked-again.title': {
    en: 'Google asked for your permission again',
    ja: 'Google が改めて許可を求めました',
  },
  'auth.consent-asked-again.body': {
    en: 'This page asked Google to renew access without a consent screen, and Google showed one anyway. Google does this every seven days while the app’s Google Cloud project is in “Testing”, and after the permission was removed in your Google Account. Nothing you wrote was lost. If you run this page yourself, publishing the app (Google Auth Platform → Audience → Publish app) ends the weekly question.',
    ja: 'このページは同意画面なしでの更新を求めましたが、Google は同意画面を表示しました。アプリの Google Cloud プロジェクトが「テスト」の間は 7 日ごとに、また Google アカウントで許可を取り消した後にも、Google は改めて確認します。書いた内容は失われていません。このページをご自身で運用している場合は、アプリを公開する（Google Auth Platform →「対象」→「アプリを公開」）と、毎週の確認はなくなります。',
  },
  'auth.region': { en: 'Google account', ja: 'Google アカウント' },
  'auth.loading.detail': {
    en: 'You can start writing now; sending is possible once Google’s scripts have loaded.',
    ja: '先に本文を書き始めて大丈夫です。Google のスクリプトを読み込み終えると送信できるようになります。',
  },
  'auth.connect': { en: 'Connect Gmail account', ja: 'Gmail アカウントに接続' },
  'auth.connect.why': {
    en: 'Google will ask to let this page send mail as you (gmail.send) and see your email address (email). It cannot read, delete or change your mail.',
    ja: '接続すると Google の画面が開き、このページに 2 つのことを許可するか尋ねられます。あなたの Gmail からメールを送ること（gmail.send）と、あなたのメールアドレスを知ること（email）です。このページがメールを読んだり、削除・変更したりすることはできません。',
  },
  'auth.connect.as': { en: 'Connect as {email}', ja: '{email} で接続' },
  'auth.authorizing': {
    en: 'Waiting for Google’s window… Finish there, or close it to go back.',
    ja: 'Google のウィンドウで操作を待っています… 完了するか、ウィンドウを閉じると元の画面に戻ります。',
  },
  'auth.renewing': { en: 'Renewing access with Google…', ja: 'Google との接続を更新しています…' },
  'auth.authorizing.short': { en: 'Waiting for Google…', ja: 'Google を待っています…' },
  'auth.cancel': { en: 'Stop waiting', ja: '待つのをやめる' },
  'auth.ready.sending-as': { en: 'Sending as {email}', ja: '{email} として送信します' },
  'auth.ready.looking-up': {
    en: 'Connected to Google. Looking up your address…',
    ja: 'Google に接続しました。メールアドレスを確認しています…',
  },
  'auth.ready.address-unknown': {
    en: 'Connected to Google (your address could not be read; sending still works).',
    ja: 'Google に接続しました（メールアドレスは取得できませんでしたが、送信はできます）。',
  },
  'auth.hint.disclosure': {
    en: 'This browser remembers {email} so Google can skip the account chooser next time. Only the address is stored, never the access token.',
    ja: '次回アカウントの選択を省けるよう、このブラウザに {email} を記憶しています。保存するのはメールアドレスだけで、アクセス トークンは保存しません。',
  },
  'auth.kept': {
    en: 'The access token stays in this page’s memory only and is gone when you close it.',
    ja: 'アクセス トークンはこのページのメモリ内にだけあり、ページを閉じると消えます。',
  },
  'auth.hint.forget': { en: 'Forget {email}', ja: '{email} の記憶を消す' },
  'auth.sign-out': { en: 'Sign out', ja: 'ログアウト' },
  'auth.sign-out.forget': {
    en: 'Sign out and forget {email} in this browser',
    ja: 'ログアウトして、このブラウザから {email} の記憶を消す',
  },
  'auth.about': { en: 'About connecting to Google', ja: 'Google への接続について' },
  'auth.offline': { en: 'Offline', ja: 'オフライン' },
  'auth.offline.body': {
    en: 'This browser is offline. You can keep writing and attaching files; connecting to Google and sending need the network, and Fumi tries again by itself when you are back online.',
    ja: 'このブラウザはオフラインです。本文の入力やファイルの添付はそのまま続けられます。Google への接続と送信にはネットワークが必要で、オンラインに戻ると Fumi が自動でもう一度試します。',
  },
  'auth.script.gis': {
    en: 'Google sign-in (Google Identity Services)',
    ja: 'Google ログイン（Google Identity Services）',
  },
  'auth.script.gapi': { en: 'Google API client', ja: 'Google API クライアント' },
  'auth.load-failed.title': {
    en: 'Part of Google’s code did not load',
    ja: 'Google のプログラムの一部を読み込めませんでした',
  },
  'auth.load-failed.body': {
    en: '{script} could not be loaded. Check that you are online; an ad or tracker blocker may be blocking accounts.google.com or apis.google.com for this page. What you wrote is kept.',
    ja: '{script} を読み込めませんでした。インターネットに接続しているか確認してください。広告ブロッカーやトラッキング防止機能が、このページでの accounts.google.com や apis.google.com への接続を止めている可能性もあります。書いた内容はそのまま残っています。',
  },
  'auth.load-failed.retry': { en: 'Retry loading {script}', ja: '{script} をもう一度読み込む' },
  'auth.load-failed.retry-all': { en: 'Retry loading Google’s code', ja: 'Google のプログラムを再読み込み' },
  'auth.popup-blocked.title': {
    en: 'The browser blocked Google’s sign-in window',
    ja: 'Google のログイン ウィンドウがブラウザにブロックされました',
  },
  'auth.popup-blocked.body': {
    en: 'Google asks for permission in a small pop-up window, and this browser blocked it. Allow pop-ups for {origin}, then try again:',
    ja: 'Google は小さなポップアップ ウィンドウで許可を求めますが、ブラウザがそれをブロックしました。{origin} のポップアップを許可してから、もう一度お試しください。',
  },
  'auth.popup-blocked.chrome': {
    en: 'Chrome and Edge: click the blocked pop-up icon at the right of the address bar, choose “Always allow pop-ups and redirects from {origin}”, then Done.',
    ja: 'Chrome・Edge：アドレスバー右端のポップアップ ブロックのアイコンをクリックし、「{origin} のポップアップとリダイレクトを常に許可する」を選んで「完了」を押します。',
  },
  'auth.popup-blocked.firefox': {
    en: 'Firefox: click “Settings” in the yellow bar, then “Allow pop-ups for {origin}”.',
    ja: 'Firefox：黄色いバーの「設定」をクリックし、「{origin} のポップアップを許可」を選びます。',
  },
  'auth.popup-blocked.safari': {
    en: 'Safari: Safari → Settings for {origin} (or Settings → Websites → Pop-up Windows), and set it to Allow.',
    ja: 'Safari：メニューの「Safari」→「{origin} の設定」（または「設定」→「Web サイト」→「ポップアップウインドウ」）で「許可」にします。',
  },
  'auth.popup-blocked.action': { en: 'Try again', ja: 'もう一度試す' },
  'auth.access-denied.title': { en: 'Google did not give permission', ja: 'メール送信の許可を得られませんでした' },
  'auth.access-denied.body': {
    en: 'This page needs permission to send mail as you (gmail.send) — it sends exactly what you write, from your own Gmail, and cannot read or delete your mail. Without it nothing can be sent. Your draft is kept.',
    ja: 'メールを送るには、このページに Gmail からの送信を許可していただく必要があります（gmail.send）。書いた内容をそのままあなたの Gmail から送るだけで、メールを読んだり削除したりすることはできません。許可がないと送信できません。下書きはそのまま残っています。',
  },
  'auth.access-denied.action': { en: 'Ask Google again', ja: 'もう一度 Google に許可を求める' },
  'auth.partial-grant.title': {
    en: 'The permission to send mail was left unticked',
    ja: 'メール送信の許可にチェックが入っていませんでした',
  },
  'auth.partial-grant.body': {
    en: 'Google’s screen lets you choose permissions one by one, and “Send email on your behalf” was not selected. Without it this page cannot send. Ask again and tick that box; nothing else is needed.',
    ja: 'Google の画面では許可する項目を 1 つずつ選べますが、「ユーザーに代わってメールを送信」にチェックが入っていませんでした。これがないと送信できません。「もう一度許可を求める」を押し、このチェックボックスをオンにしてください。ほかの項目は必要ありません。',
  },
  'auth.partial-grant.action': { en: 'Ask again', ja: 'もう一度許可を求める' },
  'auth.interaction-required.title': {
    en: 'Google needs you to confirm in its window',
    ja: 'Google のウィンドウで確認が必要です',
  },
  'auth.interaction-required.body': {
    en: 'Google could not renew access without asking you: you may have signed out of Google or need to confirm your account. Open the window and follow the steps.',
    ja: 'Google から、確認なしでは接続を更新できないと返されました。Google からログアウトしたか、アカウントの確認が必要になった可能性があります。ウィンドウを開いて、表示される手順に従ってください。',
  },
  'auth.interaction-required.action': { en: 'Open Google’s window', ja: 'Google のウィンドウを開く' },
  'auth.unknown.title': { en: 'Google sign-in failed', ja: 'Google へのログインに失敗しました' },
  'auth.unknown.body': {
    en: 'Google returned an error this page does not recognise. Try again. If it keeps happening, the code below is what Google reported (“Check setup” shows it too); if someone else runs this page, give them the code.',
    ja: 'Google から想定外のエラーが返されました。もう一度お試しください。繰り返し起きる場合、下のコードが Google から返された内容です（「設定の確認」にも表示されます）。このページを設置したのが別の人なら、このコードを伝えてください。',
  },
  'auth.unknown.action': { en: 'Try again', ja: 'もう一度試す' },
  'auth.problem.code': { en: 'Error code: {code}', ja: 'エラーコード：{code}' },
  'auth.problem.detail': { en: 'Details: {detail}', ja: '詳細：{detail}' },
  'auth.problem.dismiss': { en: 'Dismiss', ja: '閉じる' },
});
