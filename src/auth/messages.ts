/**
 * Text for every auth state and failure, with the fix the user can apply. Merged into the app's i18n tables.
 * `{param}` placeholders: {email}, {origin}, {code}, {detail}, {script}.
 */
export const authMessages = {
  en: {
    'auth.region': 'Google account',
    'auth.loading': 'Loading Google sign-in…',
    'auth.loading.detail': 'You can start writing now; sending is possible once Google’s scripts have loaded.',
    'auth.connect': 'Connect Gmail account',
    'auth.connect.loading': 'Loading Google sign-in…',
    'auth.connect.why':
      'Google will ask to let this page send mail as you (gmail.send) and see your email address (email). It cannot read, delete or change your mail.',
    'auth.connect.as': 'Connect as {email}',
    'auth.authorizing': 'Waiting for Google’s window… Finish there, or close it to go back.',
    'auth.renewing': 'Renewing access with Google…',
    'auth.cancel': 'Stop waiting',
    'auth.ready.sending-as': 'Sending as {email}',
    'auth.ready.looking-up': 'Connected to Google. Looking up your address…',
    'auth.ready.address-unknown': 'Connected to Google (your address could not be read; sending still works).',
    'auth.ready.renew-note': 'Access lasts about an hour; the next Send renews it in a brief Google window.',
    'auth.hint.disclosure':
      'This browser remembers {email} so Google can skip the account chooser next time. Only the address is stored, never the access key.',
    'auth.hint.forget': 'Forget {email}',
    'auth.sign-out': 'Sign out',
    'auth.sign-out.forget': 'Also forget {email} on this device',
    'auth.script.gis': 'Google sign-in (Google Identity Services)',
    'auth.script.gapi': 'Google API client',
    'auth.load-failed.title': 'Part of Google’s code did not load',
    'auth.load-failed.body':
      '{script} could not be loaded. Check that you are online; an ad or tracker blocker may be blocking accounts.google.com or apis.google.com for this page. What you wrote is kept.',
    'auth.load-failed.retry': 'Retry loading {script}',
    'auth.popup-blocked.title': 'The browser blocked Google’s sign-in window',
    'auth.popup-blocked.body':
      'Google asks for permission in a small pop-up window, and this browser blocked it. Allow pop-ups for {origin}, then try again:',
    'auth.popup-blocked.chrome':
      'Chrome and Edge: click the blocked pop-up icon at the right of the address bar, choose “Always allow pop-ups and redirects from {origin}”, then Done.',
    'auth.popup-blocked.firefox': 'Firefox: click “Settings” in the yellow bar, then “Allow pop-ups for {origin}”.',
    'auth.popup-blocked.safari':
      'Safari: Safari → Settings for {origin} (or Settings → Websites → Pop-up Windows), and set it to Allow.',
    'auth.popup-blocked.action': 'Try again',
    'auth.access-denied.title': 'Google did not give permission',
    'auth.access-denied.body':
      'This page needs permission to send mail as you (gmail.send) — it sends exactly what you write, from your own Gmail, and cannot read or delete your mail. Without it nothing can be sent. Your draft is kept.',
    'auth.access-denied.action': 'Ask Google again',
    'auth.partial-grant.title': 'The permission to send mail was left unticked',
    'auth.partial-grant.body':
      'Google’s screen lets you choose permissions one by one, and “Send email on your behalf” was not selected. Without it this page cannot send. Ask again and tick that box; nothing else is needed.',
    'auth.partial-grant.action': 'Ask again',
    'auth.interaction-required.title': 'Google needs you to confirm in its window',
    'auth.interaction-required.body':
      'Google could not renew access without asking you: you may have signed out of Google or need to confirm your account. Open the window and follow the steps.',
    'auth.interaction-required.action': 'Open Google’s window',
    'auth.unknown.title': 'Google sign-in failed',
    'auth.unknown.body':
      'Google returned an error this page does not recognise. Try again; if it keeps happening, include the code below when you ask for help (“Check setup” shows it too).',
    'auth.unknown.action': 'Try again',
    'auth.problem.code': 'Error code: {code}',
    'auth.problem.detail': 'Details: {detail}',
    'auth.problem.dismiss': 'Dismiss',
    'auth.revoke-failed.title': 'Signed out here, but Google may still let this page send as you',
    'auth.revoke-failed.body':
      'This page has forgotten your access, but Google did not confirm that it withdrew the permission to send mail (code: {code}). To remove it yourself, open your Google Account → Security → Third-party connections, choose this app and remove its access.',
    'auth.revoke-failed.action': 'Open Third-party connections',
    'auth.consent-asked-again.title': 'Google asked for your permission again',
    'auth.consent-asked-again.body':
      'This page asked Google to renew access without a consent screen, and Google showed one anyway. Google does this every seven days while the app’s Google Cloud project is in “Testing”, and after the permission was removed in your Google Account. Nothing you wrote was lost. If you run this page yourself, publishing the app (Google Auth Platform → Audience → Publish app) ends the weekly question.',
  },
  ja: {
    'auth.region': 'Google アカウント',
    'auth.loading': 'Google のログイン機能を読み込んでいます…',
    'auth.loading.detail':
      '先に本文を書き始めて大丈夫です。Google のスクリプトを読み込み終えると送信できるようになります。',
    'auth.connect': 'Gmail アカウントに接続',
    'auth.connect.loading': 'Google のログイン機能を読み込み中…',
    'auth.connect.why':
      'Google から、このページにあなたとしてメールを送信する権限（gmail.send）と、メールアドレスを確認する権限（email）の許可を求められます。メールの閲覧・削除・変更はできません。',
    'auth.connect.as': '{email} で接続',
    'auth.authorizing': 'Google のウィンドウで操作を待っています… 完了するか、ウィンドウを閉じると元の画面に戻ります。',
    'auth.renewing': 'Google へのアクセスを更新しています…',
    'auth.cancel': '待つのをやめる',
    'auth.ready.sending-as': '{email} として送信します',
    'auth.ready.looking-up': 'Google に接続しました。メールアドレスを確認しています…',
    'auth.ready.address-unknown': 'Google に接続しました（メールアドレスは取得できませんでしたが、送信はできます）。',
    'auth.ready.renew-note':
      'アクセス権の有効期間は約 1 時間です。期限が切れたら、次の送信時に Google の小さなウィンドウが一瞬開いて更新されます。',
    'auth.hint.disclosure':
      '次回アカウントの選択を省けるよう、このブラウザに {email} を記憶しています。保存するのはメールアドレスだけで、アクセス キーは保存しません。',
    'auth.hint.forget': '{email} の記憶を消す',
    'auth.sign-out': 'ログアウト',
    'auth.sign-out.forget': 'このデバイスから {email} の記憶も消す',
    'auth.script.gis': 'Google ログイン（Google Identity Services）',
    'auth.script.gapi': 'Google API クライアント',
    'auth.load-failed.title': 'Google のプログラムの一部を読み込めませんでした',
    'auth.load-failed.body':
      '{script} を読み込めませんでした。インターネットに接続しているか確認してください。広告ブロッカーやトラッキング防止機能が、このページでの accounts.google.com や apis.google.com への接続を止めている可能性もあります。書いた内容はそのまま残っています。',
    'auth.load-failed.retry': '{script} をもう一度読み込む',
    'auth.popup-blocked.title': 'Google のログイン ウィンドウがブラウザにブロックされました',
    'auth.popup-blocked.body':
      'Google は小さなポップアップ ウィンドウで許可を求めますが、ブラウザがそれをブロックしました。{origin} のポップアップを許可してから、もう一度お試しください。',
    'auth.popup-blocked.chrome':
      'Chrome・Edge：アドレスバー右端のポップアップ ブロックのアイコンをクリックし、「{origin} のポップアップとリダイレクトを常に許可する」を選んで「完了」を押します。',
    'auth.popup-blocked.firefox':
      'Firefox：黄色いバーの「設定」をクリックし、「{origin} のポップアップを許可」を選びます。',
    'auth.popup-blocked.safari':
      'Safari：メニューの「Safari」→「{origin} の設定」（または「設定」→「Web サイト」→「ポップアップウインドウ」）で「許可」にします。',
    'auth.popup-blocked.action': 'もう一度試す',
    'auth.access-denied.title': 'Google で許可されませんでした',
    'auth.access-denied.body':
      'このページには、あなたとしてメールを送信する権限（gmail.send）が必要です。書いた内容をそのまま、あなたの Gmail から送るだけで、メールの閲覧や削除はできません。許可がないと送信できません。下書きはそのまま残っています。',
    'auth.access-denied.action': 'もう一度 Google に許可を求める',
    'auth.partial-grant.title': 'メール送信の権限にチェックが入っていませんでした',
    'auth.partial-grant.body':
      'Google の画面では権限を 1 つずつ選べますが、「ユーザーに代わってメールを送信」が選ばれていませんでした。この権限がないと送信できません。もう一度許可を求めるので、そのチェックボックスをオンにしてください。ほかの権限は不要です。',
    'auth.partial-grant.action': 'もう一度許可を求める',
    'auth.interaction-required.title': 'Google のウィンドウで確認が必要です',
    'auth.interaction-required.body':
      'Google は確認なしではアクセスを更新できませんでした。Google からログアウトしたか、アカウントの確認が必要な可能性があります。ウィンドウを開いて手順に従ってください。',
    'auth.interaction-required.action': 'Google のウィンドウを開く',
    'auth.unknown.title': 'Google へのログインに失敗しました',
    'auth.unknown.body':
      'Google から想定外のエラーが返されました。もう一度お試しください。繰り返し起きる場合は、問い合わせの際に下のコードをお知らせください（「設定の確認」にも表示されます）。',
    'auth.unknown.action': 'もう一度試す',
    'auth.problem.code': 'エラーコード：{code}',
    'auth.problem.detail': '詳細：{detail}',
    'auth.problem.dismiss': '閉じる',
    'auth.revoke-failed.title': 'このページからはログアウトしましたが、Google 側の許可が残っている可能性があります',
    'auth.revoke-failed.body':
      'このページはアクセス権を破棄しましたが、メール送信の許可を取り消したことを Google が確認できませんでした（コード：{code}）。ご自身で取り消すには、Google アカウントの「セキュリティ」→「サードパーティとの接続」を開き、このアプリを選んでアクセス権を削除してください。',
    'auth.revoke-failed.action': '「サードパーティとの接続」を開く',
    'auth.consent-asked-again.title': 'Google が改めて許可を求めました',
    'auth.consent-asked-again.body':
      'このページは同意画面なしでの更新を求めましたが、Google は同意画面を表示しました。アプリの Google Cloud プロジェクトが「テスト」の間は 7 日ごとに、また Google アカウントで許可を取り消した後にも、Google は改めて確認します。書いた内容は失われていません。このページをご自身で運用している場合は、アプリを公開する（Google Auth Platform →「対象」→「アプリを公開」）と、毎週の確認はなくなります。',
  },
} as const;

export type AuthMessageKey = keyof typeof authMessages.en;
