/** The setup screen and the "Check setup" panel. */
import { defineText } from './define.ts';

export const setupText = defineText({
  'check.origin.hint': {
    en: 'If Google’s window says “Error 400: origin_mismatch”, this origin is missing from the client’s Authorized JavaScript origins. Add it exactly as shown (no path, no trailing slash); Google can take from 5 minutes to a few hours to apply the change.',
    ja: 'Google のウィンドウに「エラー 400: origin_mismatch」と表示される場合は、このオリジンがクライアントの「承認済みの JavaScript 生成元」にありません。表示どおりに（パスや末尾のスラッシュを付けずに）追加してください。Google に反映されるまで 5 分から数時間かかることがあります。',
  },
  'setup.title': { en: 'Finish setting up this page', ja: 'このページの設定を完了してください' },
  'setup.missing-client-id': {
    en: 'This build has no Google OAuth client ID, so it cannot ask Google for permission to send mail. Nothing is broken: it needs one value from your Google Cloud project.',
    ja: 'このビルドには Google の OAuth クライアント ID が設定されていないため、メール送信の許可を Google に求めることができません。故障ではありません。Google Cloud プロジェクトの値を 1 つ設定するだけで使えるようになります。',
  },
  'setup.steps.title': { en: 'Five steps in the Google Cloud console', ja: 'Google Cloud コンソールでの 5 つの手順' },
  'setup.step.project': {
    en: 'Create or pick a project at console.cloud.google.com.',
    ja: 'console.cloud.google.com でプロジェクトを作成するか、既存のものを選びます。',
  },
  'setup.step.api': {
    en: 'APIs & Services → Library → “Gmail API” → Enable.',
    ja: '「API とサービス」→「ライブラリ」→「Gmail API」→「有効にする」。',
  },
  'setup.step.consent': {
    en: 'Google Auth Platform → Get started: app name and user support email, Audience “External”, contact email, then agree to the Google API Services User Data Policy and Create. Under Data Access add the scope …/auth/gmail.send. While the app is in Testing, add each sender, yourself included, under Audience → Test users.',
    ja: '「Google Auth Platform」→「使ってみる」で、アプリ名とユーザー サポートメール、対象「外部」、連絡先メールを入力し、「Google API サービス: ユーザーデータに関するポリシー」に同意して「作成」を押します。「データアクセス」でスコープ …/auth/gmail.send を追加します。公開ステータスが「テスト」の間は、送信する人（自分も含めて）を「対象」→「テストユーザー」に追加してください。',
  },
  'setup.step.client': {
    en: 'Google Auth Platform → Clients → Create client → “Web application”. Under Authorized JavaScript origins add exactly this origin (no path, no trailing slash). No redirect URI and no client secret are needed. Google can take 5 minutes to a few hours to apply a new origin.',
    ja: '「Google Auth Platform」→「クライアント」→「クライアントを作成」→「ウェブ アプリケーション」。「承認済みの JavaScript 生成元」に、このページのオリジンをそのまま追加します（パスや末尾のスラッシュは付けません）。リダイレクト URI とクライアント シークレットは不要です。新しいオリジンが Google に反映されるまで、5 分から数時間かかることがあります。',
  },
  'setup.step.configure': {
    en: 'Put the client ID in a config.json next to index.html, or rebuild with VITE_GOOGLE_CLIENT_ID set, then reload this page.',
    ja: 'クライアント ID を index.html と同じ場所の config.json に書くか、VITE_GOOGLE_CLIENT_ID を設定して再ビルドし、このページを再読み込みします。',
  },
  'setup.origin.label': { en: 'This page’s origin', ja: 'このページのオリジン' },
  'setup.copy': { en: 'Copy', ja: 'コピー' },
  'setup.copied': { en: 'Copied', ja: 'コピーしました' },
  'setup.config-example.label': { en: 'config.json', ja: 'config.json' },
  'setup.guide-link': {
    en: 'Setup guide: five steps, about ten minutes (the same steps are in README.md)',
    ja: '設定ガイド：5 つの手順、10 分ほど（README.md にも同じ手順があります）',
  },
  'setup.google-doc-link': { en: 'Google’s guide: get a client ID', ja: 'Google のガイド：クライアント ID の取得' },
  'setup.problem.config-json-invalid': {
    en: 'config.json could not be read: {detail}',
    ja: 'config.json を読み込めませんでした：{detail}',
  },
  'setup.problem.client-id-malformed': {
    en: '“{value}” is not an OAuth client ID. It should end in .apps.googleusercontent.com (copy it from Google Auth Platform → Clients).',
    ja: '「{value}」は OAuth クライアント ID ではありません。末尾が .apps.googleusercontent.com の値を「Google Auth Platform」→「クライアント」からコピーしてください。',
  },
  'setup.problem.client-secret-present': {
    en: 'config.json contains a client secret. Remove it now: this page never needs one, and anything in config.json is public. Consider resetting the secret in the console.',
    ja: 'config.json にクライアント シークレットが含まれています。すぐに削除してください。このページでは一切使わず、config.json の内容は誰でも読めます。コンソールでシークレットの再発行もご検討ください。',
  },
  'check.title': { en: 'Check setup', ja: '設定の確認' },
  'check.intro': {
    en: 'What this page sees, and where each value belongs in the Google Cloud console.',
    ja: 'このページから見えている設定と、それぞれを Google Cloud コンソールのどこに入力するかを示します。',
  },
  'check.origin': { en: 'This page’s origin', ja: 'このページのオリジン' },
  'check.origin.where': {
    en: 'Add it exactly as shown under Google Auth Platform → Clients → your Web client → Authorized JavaScript origins. Google can take 5 minutes to a few hours to apply it.',
    ja: '表示どおりに、「Google Auth Platform」→「クライアント」→ 使うウェブ クライアント →「承認済みの JavaScript 生成元」に追加します。反映まで 5 分から数時間かかることがあります。',
  },
  'check.client-id': { en: 'OAuth client ID', ja: 'OAuth クライアント ID' },
  'check.client-id.none': { en: 'not configured', ja: '未設定' },
  'check.client-id.source.build': { en: '(from the build)', ja: '（ビルド時の設定）' },
  'check.client-id.source.config': { en: '(from config.json)', ja: '（config.json の設定）' },
  'check.client-id.where': {
    en: 'Copied from Google Auth Platform → Clients. Set it with VITE_GOOGLE_CLIENT_ID at build time, or in a config.json next to index.html.',
    ja: '「Google Auth Platform」→「クライアント」からコピーした値です。ビルド時の VITE_GOOGLE_CLIENT_ID か、index.html と同じ場所の config.json で設定します。',
  },
  'check.scripts': { en: 'Google scripts', ja: 'Google のスクリプト' },
  'check.script.gis': { en: 'Google Identity Services', ja: 'Google Identity Services' },
  'check.script.gapi': { en: 'Google API client', ja: 'Google API クライアント' },
  'check.script.loading': { en: 'loading…', ja: '読み込み中…' },
  'check.script.ready': { en: 'loaded', ja: '読み込み済み' },
  'check.script.failed': { en: 'failed to load', ja: '読み込みに失敗' },
  'check.scripts.where': {
    en: 'Google’s own code, loaded from Google when the page opens. If one fails, an ad or tracker blocker may be stopping it.',
    ja: 'ページを開いたときに Google から読み込むプログラムです。読み込みに失敗する場合は、広告ブロッカーなどが止めている可能性があります。',
  },
  'check.last-error': { en: 'Last authorization error', ja: '直近の認可エラー' },
  'check.last-error.none': { en: 'none', ja: 'なし' },
  'check.last-error.where': {
    en: 'The troubleshooting table in README.md gives the cause of each error and where to fix it.',
    ja: 'README.md のトラブルシューティングの表に、エラーごとの原因と直す場所があります。',
  },
  'check.mode': { en: 'Mode', ja: 'モード' },
  'check.mode.demo': {
    en: 'demo (Google is simulated, nothing is really sent)',
    ja: 'デモ（Google の動作を模擬しています。実際には送信されません）',
  },
  'check.mode.google': { en: 'Google', ja: 'Google' },
});
