/**
 * The privacy page (issue 19, publishing kit): static HTML in both languages, no script, every sentence of its
 * table on the page, text escaped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderPrivacyPage } from '../../../src/privacy/page.ts';
import { privacyText } from '../../../src/text/privacy.ts';

const template = readFileSync(join(import.meta.dirname, '../../../privacy.html'), 'utf8');
const page = renderPrivacyPage(template);
const unescapeHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the privacy page', () => {
  it('is Japanese then English, each in an article with its own lang, and carries no script', () => {
    const ja = page.indexOf('<article lang="ja" id="ja">');
    const en = page.indexOf('<article lang="en" id="en">');
    expect(ja).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(ja);
    expect(page).not.toMatch(/<script\b/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).toContain('<title>Fumi：プライバシー / Fumi: privacy</title>');
  });

  it.each(Object.keys(privacyText))('shows %s in both languages', (key) => {
    const sentence = privacyText[key as keyof typeof privacyText];
    const text = unescapeHtml(page);
    expect(text).toContain(sentence.ja);
    expect(text).toContain(sentence.en);
  });

  it('says nothing goes anywhere but Google, and names what is kept', () => {
    expect(privacyText['privacy.where.google'].en).toMatch(/^Only to Google\./);
    for (const kept of ['draft', 'outbox', 'sent log', 'undo time', 'language', 'email address'])
      expect(
        Object.values(privacyText).some((sentence) => sentence.en.includes(kept)),
        kept,
      ).toBe(true);
  });

  it('escapes text, and refuses a template without its marker', () => {
    expect(escapeHtml('<a href="x">Tom & Jerry\'s</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
    expect(() => renderPrivacyPage('<html><body></body></html>')).toThrow(/marker/);
  });
});
