// @vitest-environment jsdom
/** Hostile HTML through the mail sanitizer: every output parsed back and checked for what must never survive. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/editor/message-parts.ts';
import { createMailSanitizer } from '../../../src/editor/sanitize.ts';
import { hostileHtml } from '../../support/hostile-html.ts';
import { findUnsafe } from '../../support/mail-html-check.ts';

const sanitizer = createMailSanitizer(window);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

describe('hostile HTML', () => {
  it('has at least 20 inputs', () => {
    expect(hostileHtml.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(hostileHtml)('$name', ({ html, mustNotContain, keeps }) => {
    const output = sanitizer.sanitizeMailHtml(html);

    it('parses back to nothing unsafe', () => {
      expect(findUnsafe(parse(output)), output).toEqual([]);
    });

    it.each(mustNotContain)('has no trace of %s', (needle) => {
      expect(output.toLowerCase(), output).not.toContain(needle.toLowerCase());
    });

    it('keeps the words, and the text part carries nothing the HTML lost', () => {
      if (keeps) expect(parse(output).textContent).toContain(keeps);
      const text = htmlToText(html, sanitizer).toLowerCase();
      for (const needle of mustNotContain.filter((word) => /^[a-z]+$/.test(word) && word !== 'href'))
        expect(text).not.toContain(needle === 'alert' ? 'alert(' : `<${needle}`);
    });

    it('survives a second pass unchanged (no mutation on re-parse)', () => {
      expect(sanitizer.sanitizeMailHtml(output)).toBe(output);
    });
  });

  it('keeps placeholders for mail merge as written, in text and in links', () => {
    const output = sanitizer.sanitizeMailHtml('<p>{{name}} 様</p><a href="https://example.jp/o/{{id}}">注文</a>');
    expect(output).toBe('<p>{{name}} 様</p><a href="https://example.jp/o/{{id}}">注文</a>');
  });

  it('never writes a style attribute that the checker would refuse, for any kept property', () => {
    const output = sanitizer.sanitizeMailHtml(
      '<table><tr><td style="border:1px solid red;padding:4px;background:#eee;vertical-align:top;color:#123456">x</td></tr></table>',
    );
    expect(output).toBe(
      '<table><tbody><tr><td style="padding:4px;vertical-align:top;color:#123456;background-color:#eeeeee;' +
        'border-top:1px solid red;border-right:1px solid red;border-bottom:1px solid red;border-left:1px solid red">x</td></tr></tbody></table>',
    );
    expect(findUnsafe(parse(output))).toEqual([]);
  });
});
