/**
 * The privacy page as static HTML, in Japanese then English, from the text table in src/text/privacy.ts. Rendered
 * at build time (privacy-plugin.ts), so the page needs no JavaScript and lives under the same CSP as the app.
 */
import { privacyText } from '../text/privacy.ts';

type Key = keyof typeof privacyText;
type Language = 'ja' | 'en';

type Block =
  | { kind: 'h2' | 'p'; key: Key }
  | { kind: 'ul'; keys: readonly Key[] }
  | { kind: 'link'; key: Key; href: string };

const userDataPolicy = 'https://developers.google.com/terms/api-services-user-data-policy';

/** Sections in reading order; each sentence is one key of the table. */
const blocks: readonly Block[] = [
  { kind: 'p', key: 'privacy.summary' },
  { kind: 'h2', key: 'privacy.about.title' },
  { kind: 'p', key: 'privacy.about.body' },
  { kind: 'h2', key: 'privacy.google.title' },
  { kind: 'ul', keys: ['privacy.google.token', 'privacy.google.email'] },
  { kind: 'h2', key: 'privacy.kept.title' },
  { kind: 'p', key: 'privacy.kept.intro' },
  {
    kind: 'ul',
    keys: [
      'privacy.kept.draft',
      'privacy.kept.outbox',
      'privacy.kept.sent-log',
      'privacy.kept.settings',
      'privacy.kept.hint',
      'privacy.kept.later',
    ],
  },
  { kind: 'p', key: 'privacy.kept.never' },
  { kind: 'p', key: 'privacy.kept.delete' },
  { kind: 'h2', key: 'privacy.where.title' },
  { kind: 'p', key: 'privacy.where.google' },
  { kind: 'p', key: 'privacy.where.host' },
  { kind: 'p', key: 'privacy.where.google-policy' },
  { kind: 'link', key: 'privacy.where.google-policy.link', href: 'https://policies.google.com/privacy' },
  { kind: 'p', key: 'privacy.limited-use' },
  { kind: 'link', key: 'privacy.limited-use.link', href: userDataPolicy },
  { kind: 'h2', key: 'privacy.revoke.title' },
  { kind: 'p', key: 'privacy.revoke.body' },
  { kind: 'link', key: 'privacy.revoke.link', href: 'https://myaccount.google.com/connections' },
  { kind: 'h2', key: 'privacy.operator.title' },
  { kind: 'p', key: 'privacy.operator.body' },
];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

function text(key: Key, language: Language): string {
  return escapeHtml(privacyText[key][language]);
}

function renderBlock(block: Block, language: Language): string {
  switch (block.kind) {
    case 'h2':
    case 'p':
      return `<${block.kind}>${text(block.key, language)}</${block.kind}>`;
    case 'ul':
      return `<ul>${block.keys.map((key) => `<li>${text(key, language)}</li>`).join('')}</ul>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.href)}" rel="noopener noreferrer">${text(block.key, language)}</a></p>`;
  }
}

function renderArticle(language: Language): string {
  const body = blocks.map((block) => `    ${renderBlock(block, language)}`).join('\n');
  return [
    `  <article lang="${language}" id="${language}">`,
    `    <h1>${text('privacy.title', language)}</h1>`,
    body,
    `    <p class="back"><a href="./">${text('privacy.back', language)}</a></p>`,
    '  </article>',
  ].join('\n');
}

/** The page's <main>: a language switch by anchors (no script), the Japanese text, then the English text. */
export function renderPrivacyMain(): string {
  return [
    '<main class="privacy">',
    `  <nav aria-label="${text('privacy.language-nav', 'ja')} / ${text('privacy.language-nav', 'en')}">`,
    '    <a href="#ja" lang="ja">日本語</a> · <a href="#en" lang="en">English</a>',
    '  </nav>',
    renderArticle('ja'),
    renderArticle('en'),
    '</main>',
  ].join('\n');
}

export function privacyTitle(): string {
  return `${text('privacy.page-title', 'ja')} / ${text('privacy.page-title', 'en')}`;
}

/** Fills privacy.html's placeholders: the <title> and the `<!--fumi:privacy-->` marker in <body>. */
export function renderPrivacyPage(html: string): string {
  if (!html.includes('<!--fumi:privacy-->')) throw new Error('privacy.html has lost its <!--fumi:privacy--> marker');
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${privacyTitle()}</title>`)
    .replace('<!--fumi:privacy-->', renderPrivacyMain());
}
