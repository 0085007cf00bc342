/**
 * The privacy page (privacy.html), written into static HTML at build time by src/privacy/: what this browser keeps,
 * what comes from Google, and that nothing goes anywhere but Google. It is also the page a deployer links as the
 * app's privacy policy on Google's consent screen, so every sentence must stay true of the code (src/outbox,
 * src/compose/draft-store.ts, src/auth/hint-store.ts, src/security/csp.ts).
 */
import { defineText } from './define.ts';

export const privacyText = defineText({
  'privacy.page-title': { en: 'Fumi: privacy', ja: 'Fumi：プライバシー' },
  'privacy.language-nav': { en: 'Language', ja: '言語' },
  'privacy.title': {
    en: 'Privacy: what Fumi keeps, and where your mail goes',
    ja: 'プライバシー：Fumi が保存するものと、メールの行き先',
  },
  'privacy.summary': {
    en: 'Fumi is a web page that sends mail from your own Gmail account. It has no server of its own: what you write goes from your browser straight to Google, and what Fumi keeps stays in this browser.',
    ja: 'Fumi は、あなた自身の Gmail アカウントからメールを送るためのウェブページです。Fumi 専用のサーバーはありません。書いた内容はブラウザから Google へ直接送られ、Fumi が保存するものはこのブラウザの中にだけ置かれます。',
  },
  'privacy.about.title': { en: 'What Fumi does', ja: 'Fumi でできること' },
  'privacy.about.body': {
    en: 'You write a message, with attachments if you like, and press Send; Fumi sends it through the Gmail API from your own account. Before the first message, Google asks you in its own window to let this page send email on your behalf (the gmail.send permission) and to see your email address (email). Fumi cannot read, list or delete your mail.',
    ja: 'メッセージを書き（必要ならファイルを添付し）、「送信」を押すと、Fumi が Gmail API を使ってあなたのアカウントから送信します。最初の送信の前に、Google が自身のウィンドウで、このページにメールの送信（gmail.send）とメールアドレスの確認（email）を許可するか尋ねます。Fumi がメールを読んだり、一覧したり、削除したりすることはできません。',
  },
  'privacy.google.title': { en: 'What Fumi receives from Google', ja: 'Google から受け取るもの' },
  'privacy.google.token': {
    en: 'An access token, valid for about an hour, that lets this page send mail as you. It stays in the page’s memory only and is gone when you close the tab; it is never saved.',
    ja: '約 1 時間有効なアクセス トークン。このページがあなたとしてメールを送るためのものです。ページのメモリ内にだけあり、タブを閉じると消えます。保存されることはありません。',
  },
  'privacy.google.email': {
    en: 'Your email address, to show which account is sending and to give it back to Google as a sign-in hint.',
    ja: 'あなたのメールアドレス。どのアカウントから送信するかを表示し、次回のログインの手がかりとして Google に渡すために使います。',
  },
  'privacy.kept.title': { en: 'What is kept in this browser', ja: 'このブラウザに保存するもの' },
  'privacy.kept.intro': {
    en: 'Only in this browser’s own storage (IndexedDB, localStorage and sessionStorage) for this site. Another browser, even on the same computer, does not see it.',
    ja: 'このサイト用の、このブラウザ内の保存領域（IndexedDB・localStorage・sessionStorage）にだけ保存します。同じパソコンでも、別のブラウザからは見えません。',
  },
  'privacy.kept.draft': {
    en: 'The draft you are writing, with its attachments, so nothing is lost if the tab closes. While a save is pending, a copy of its text is also kept in sessionStorage for this tab.',
    ja: '書きかけの下書きと添付ファイル。タブが閉じても失われないようにするためです。保存の途中には、本文の控えがこのタブの sessionStorage にも一時的に置かれます。',
  },
  'privacy.kept.outbox': {
    en: 'The outbox: each message you send, in full, from the end of the undo time until Gmail confirms it, so that it goes exactly once even if the page reloads or you are offline. A message Gmail has not confirmed (not sure, or stopped by an error) stays until you send it again or remove it.',
    ja: '送信トレイ：取り消しできる時間が過ぎてから Gmail が受け取りを確認するまでの、送信するメッセージの全体。ページを再読み込みしても、オフラインになっても、ちょうど 1 回だけ送られるようにするためです。Gmail の確認が取れなかったメッセージ（送信できたか確認できなかったもの、エラーで止まったもの）は、もう一度送るか削除するまで残ります。',
  },
  'privacy.kept.sent-log': {
    en: 'The sent log: for each message sent, the time, recipients, subject and link to it in Gmail. Never the message itself.',
    ja: '送信履歴：送信したメッセージごとの日時・宛先・件名と、Gmail で開くためのリンク。本文は保存しません。',
  },
  'privacy.kept.settings': {
    en: 'Your settings: the undo time (how long Fumi waits before sending) and the language you chose.',
    ja: '設定：取り消しできる時間（送信までの待ち時間）と、選んだ表示言語。',
  },
  'privacy.kept.hint': {
    en: 'If you allow it, your account’s email address, so that Google can skip the account chooser next time. Signing out can forget it.',
    ja: '許可した場合は、あなたのアカウントのメールアドレス。次回 Google でアカウントの選択を省くためです。ログアウトのときに消すこともできます。',
  },
  'privacy.kept.later': {
    en: 'Templates, signatures and mail-merge lists, with each campaign’s progress and results, are kept in this browser in the same way.',
    ja: 'テンプレート、署名、差し込み送信のリスト（一斉送信ごとの進み具合と結果を含む）も、同じようにこのブラウザに保存します。',
  },
  'privacy.kept.never': {
    en: 'Never kept: the access token, and your Google password, which Fumi never sees (you sign in on Google’s own page). Fumi sets no cookies.',
    ja: '保存しないもの：アクセス トークン。また、Google のパスワードは Fumi には一切見えません（ログインは Google 自身のページで行います）。Fumi は Cookie を使いません。',
  },
  'privacy.kept.delete': {
    en: 'To remove everything, clear this site’s data in your browser’s settings. The sent log also has a Clear list button.',
    ja: 'すべて消すには、ブラウザの設定でこのサイトのデータを削除してください。送信履歴は「履歴を消去」ボタンでも消せます。',
  },
  'privacy.where.title': { en: 'Where your data goes', ja: 'データの送り先' },
  'privacy.where.google': {
    en: 'Only to Google. The page connects to Google’s own addresses (accounts.google.com, apis.google.com and googleapis.com) and to nothing else: no analytics, no advertising, no server of Fumi’s. Its Content Security Policy lets the browser connect to those addresses only.',
    ja: '送り先は Google だけです。このページが接続するのは Google 自身のアドレス（accounts.google.com、apis.google.com、googleapis.com）だけで、アクセス解析、広告、Fumi 専用のサーバーはありません。ページのコンテンツ セキュリティ ポリシーにより、ブラウザはこれらのアドレスにしか接続できません。',
  },
  'privacy.where.host': {
    en: 'The website that serves this page’s files (for example GitHub Pages or Netlify) sees the ordinary requests for them, as any website does. Your messages and your address are never sent to it.',
    ja: 'このページのファイルを配信しているサイト（GitHub Pages や Netlify など）には、ほかのウェブサイトと同じく、ファイルを読み込む通常のリクエストが届きます。メッセージやメールアドレスがそこへ送られることはありません。',
  },
  'privacy.where.google-policy': {
    en: 'What Google does with the mail it sends for you is covered by Google’s Privacy Policy.',
    ja: 'Google が送信したメールをどう扱うかは、Google のプライバシー ポリシーに定められています。',
  },
  'privacy.where.google-policy.link': { en: 'Google Privacy Policy', ja: 'Google プライバシー ポリシー' },
  'privacy.limited-use': {
    en: 'Fumi’s use of information received from Google APIs adheres to the Google API Services User Data Policy, including the Limited Use requirements.',
    ja: 'Fumi は、Google API から受け取った情報を、「Google API サービスのユーザーデータに関するポリシー」（限定使用の要件を含む）に従って扱います。',
  },
  'privacy.limited-use.link': {
    en: 'Google API Services User Data Policy',
    ja: 'Google API サービスのユーザーデータに関するポリシー',
  },
  'privacy.revoke.title': { en: 'Taking the permission back', ja: '許可を取り消すには' },
  'privacy.revoke.body': {
    en: 'Signing out of Fumi asks Google to withdraw the permission. You can also remove it at any time in your Google Account, under Security → Third-party connections.',
    ja: 'Fumi でログアウトすると、Google に許可の取り消しを依頼します。Google アカウントの「セキュリティ」→「サードパーティとの接続」から、いつでもご自身で取り消すこともできます。',
  },
  'privacy.revoke.link': { en: 'Your connections to third-party apps', ja: 'サードパーティとの接続' },
  'privacy.operator.title': { en: 'Who runs this page', ja: 'このページを運営している人' },
  'privacy.operator.body': {
    en: 'Fumi is open-source software that anyone can put on their own website. This copy is run by whoever published it at this address; they do not receive your mail either. For questions, write to the support address Google shows for this app on its consent screen.',
    ja: 'Fumi は、誰でも自分のウェブサイトに置けるオープンソースのソフトウェアです。このページは、このアドレスで公開した人が運営しています。その人にもあなたのメールは届きません。質問は、Google の同意画面にこのアプリのサポート用として表示されるメールアドレスへお送りください。',
  },
  'privacy.back': { en: 'Back to Fumi', ja: 'Fumi に戻る' },
});
