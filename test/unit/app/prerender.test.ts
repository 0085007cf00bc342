/**
 * The prerendered shells (src/app/shell): both languages, the form in each, and no raw text key anywhere, since
 * the first paint only has the first-paint table and a key would be painted as it is.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { renderShells as RenderShells } from '../../../src/app/shell/prerender.tsx';
import { shellMarkup } from '../../../src/app/shell/prerender-plugin.ts';
import { appText } from '../../../src/text/app.ts';
import { authText } from '../../../src/text/auth.ts';
import { composeText } from '../../../src/text/compose.ts';
import { firstPaintText } from '../../../src/text/first-paint.ts';
import { mailText } from '../../../src/text/mail.ts';
import { sendText } from '../../../src/text/send.ts';
import { setupText } from '../../../src/text/setup.ts';

const allKeys = Object.keys({
  ...firstPaintText,
  ...authText,
  ...composeText,
  ...mailText,
  ...sendText,
  ...setupText,
  ...appText,
});

let shells: ReturnType<typeof RenderShells>;
beforeAll(async () => {
  vi.stubEnv('VITE_GOOGLE_CLIENT_ID', 'offline-demo-client.apps.googleusercontent.com');
  vi.stubEnv('VITE_OFFLINE_GOOGLE_ORIGIN', 'http://127.0.0.1:8790');
  shells = (await import('../../../src/app/shell/prerender.tsx')).renderShells();
});
afterAll(() => vi.unstubAllEnvs());

describe('prerendered shells', () => {
  it('renders English and Japanese', () => {
    expect(shells.map((shell) => shell.language)).toEqual(['en', 'ja']);
  });

  it.each(['en', 'ja'] as const)('%s: header, demo marker and the whole empty form', (language) => {
    const html = shells.find((shell) => shell.language === language)?.html ?? '';
    const words =
      language === 'en'
        ? ['New message', 'Subject', 'Attach files', '>Send<']
        : ['新規メッセージ', '件名', 'ファイルを添付', '>送信<'];
    for (const word of words) expect(html).toContain(word);
    expect(html).toContain('<textarea id="body"');
    expect(html).toContain('class="account-slot"');
    expect(html).toContain('http://127.0.0.1:8790/mail/');
  });

  it.each(['en', 'ja'] as const)('%s: shows no raw text key', (language) => {
    const html = shells.find((shell) => shell.language === language)?.html ?? '';
    const painted = allKeys.filter((key) => html.includes(`>${key}<`) || html.includes(`="${key}"`));
    expect(painted).toEqual([]);
  });

  it('wraps each shell inert, tagged with its language, for base.css to pick', () => {
    expect(shellMarkup([{ language: 'ja', html: '<p>x</p>' }])).toBe(
      '<div data-shell="ja" lang="ja" inert><p>x</p></div>',
    );
  });
});
