/** Text of the setup screen and the "Check setup" panel. Keys are merged into the app's i18n tables. */
export const setupMessages = {
  en: {
    'setup.title': 'Finish setting up this page',
    'setup.missing-client-id':
      'This build has no Google OAuth client ID, so it cannot ask Google for permission to send mail. Nothing is broken: it needs one value from your Google Cloud project.',
    'setup.steps.title': 'Five steps in the Google Cloud console',
    'setup.step.project': 'Create or pick a project at console.cloud.google.com.',
    'setup.step.api': 'APIs & Services → Library → “Gmail API” → Enable.',
    'setup.step.consent':
      'Google Auth Platform → Get started: app name and support email, Audience “External”. Under Data Access add the scope …/auth/gmail.send. While the app is in Testing, add each sender under Audience → Test users.',
    'setup.step.client':
      'Google Auth Platform → Clients → Create client → “Web application”. Under Authorized JavaScript origins add exactly this origin (no path, no trailing slash). No redirect URI and no client secret are needed.',
    'setup.step.configure':
      'Put the client ID in a config.json next to index.html, or rebuild with VITE_GOOGLE_CLIENT_ID set, then reload this page.',
    'setup.origin.label': 'This page’s origin',
    'setup.copy': 'Copy',
    'setup.copied': 'Copied',
    'setup.config-example.label': 'config.json',
    'setup.guide-link': 'Setup guide: five steps, about ten minutes (the same steps are in README.md)',
    'setup.google-doc-link': 'Google’s guide: get a client ID',
    'setup.problem.config-json-invalid': 'config.json could not be read: {detail}',
    'setup.problem.client-id-malformed':
      '“{value}” is not an OAuth client ID. It should end in .apps.googleusercontent.com (copy it from Google Auth Platform → Clients).',
    'setup.problem.client-secret-present':
      'config.json contains a client secret. Remove it now: this page never needs one, and anything in config.json is public. Consider resetting the secret in the console.',
    'check.title': 'Check setup',
    'check.origin': 'Origin to authorize',
    'check.origin.hint':
      'If Google’s window says “Error 400: origin_mismatch”, this origin is missing from the client’s Authorized JavaScript origins. Add it exactly as shown (no path, no trailing slash); Google can take from 5 minutes to a few hours to apply the change.',
    'check.client-id': 'OAuth client ID',
    'check.client-id.none': 'not configured',
    'check.client-id.source.build': 'from the build',
    'check.client-id.source.config': 'from config.json',
    'check.scripts': 'Google scripts',
    'check.script.gis': 'Google Identity Services',
    'check.script.gapi': 'Google API client',
    'check.script.loading': 'loading…',
    'check.script.ready': 'loaded',
    'check.script.failed': 'failed to load',
    'check.last-error': 'Last authorization error',
    'check.last-error.none': 'none',
    'check.mode': 'Mode',
    'check.mode.demo': 'demo (offline Google, nothing is really sent)',
    'check.mode.google': 'Google',
  },
  ja: {
    'setup.title': 'このページの設定を完了してください',
    'setup.missing-client-id':
      'このビルドには Google の OAuth クライアント ID が設定されていないため、メール送信の許可を Google に求めることができません。故障ではありません。Google Cloud プロジェクトの値を 1 つ設定するだけで使えるようになります。',
    'setup.steps.title': 'Google Cloud コンソールでの 5 つの手順',
    'setup.step.project': 'console.cloud.google.com でプロジェクトを作成するか、既存のものを選びます。',
    'setup.step.api': '「API とサービス」→「ライブラリ」→「Gmail API」→「有効にする」。',
    'setup.step.consent':
      '「Google Auth Platform」→「開始」でアプリ名とサポートメールを入力し、対象を「外部」にします。「データアクセス」でスコープ …/auth/gmail.send を追加します。公開ステータスが「テスト」の間は、送信する人を「対象」→「テストユーザー」に追加してください。',
    'setup.step.client':
      '「Google Auth Platform」→「クライアント」→「クライアントを作成」→「ウェブ アプリケーション」。「承認済みの JavaScript 生成元」に、このページのオリジンをそのまま追加します（パスや末尾のスラッシュは付けません）。リダイレクト URI とクライアント シークレットは不要です。',
    'setup.step.configure':
      'クライアント ID を index.html と同じ場所の config.json に書くか、VITE_GOOGLE_CLIENT_ID を設定して再ビルドし、このページを再読み込みします。',
    'setup.origin.label': 'このページのオリジン',
    'setup.copy': 'コピー',
    'setup.copied': 'コピーしました',
    'setup.config-example.label': 'config.json',
    'setup.guide-link': '設定ガイド：5 つの手順、10 分ほど（README.md にも同じ手順があります）',
    'setup.google-doc-link': 'Google のガイド：クライアント ID の取得',
    'setup.problem.config-json-invalid': 'config.json を読み込めませんでした：{detail}',
    'setup.problem.client-id-malformed':
      '「{value}」は OAuth クライアント ID ではありません。末尾が .apps.googleusercontent.com の値を「Google Auth Platform」→「クライアント」からコピーしてください。',
    'setup.problem.client-secret-present':
      'config.json にクライアント シークレットが含まれています。すぐに削除してください。このページでは一切使わず、config.json の内容は誰でも読めます。コンソールでシークレットの再発行もご検討ください。',
    'check.title': '設定の確認',
    'check.origin': '承認するオリジン',
    'check.origin.hint':
      'Google のウィンドウに「エラー 400: origin_mismatch」と表示される場合は、このオリジンがクライアントの「承認済みの JavaScript 生成元」にありません。表示どおりに（パスや末尾のスラッシュを付けずに）追加してください。Google に反映されるまで 5 分から数時間かかることがあります。',
    'check.client-id': 'OAuth クライアント ID',
    'check.client-id.none': '未設定',
    'check.client-id.source.build': 'ビルド時の設定',
    'check.client-id.source.config': 'config.json の設定',
    'check.scripts': 'Google のスクリプト',
    'check.script.gis': 'Google Identity Services',
    'check.script.gapi': 'Google API クライアント',
    'check.script.loading': '読み込み中…',
    'check.script.ready': '読み込み済み',
    'check.script.failed': '読み込みに失敗',
    'check.last-error': '直近の認可エラー',
    'check.last-error.none': 'なし',
    'check.mode': 'モード',
    'check.mode.demo': 'デモ（オフラインの Google。実際には送信されません）',
    'check.mode.google': 'Google',
  },
} as const;

export type SetupMessageKey = keyof typeof setupMessages.en;
