/**
 * Build time and dev server (runs in Node inside Vite; the app never imports it): writes the privacy page's text
 * into privacy.html, a second HTML entry of the build, so the page is plain HTML with no JavaScript. The security
 * plugin adds the same CSP meta tag to it as to index.html, and `_headers` covers it too.
 */
import type { Plugin } from 'vite';
import { renderPrivacyPage } from './page.ts';

export function privacyPagePlugin(): Plugin {
  return {
    name: 'fumi:privacy-page',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) => (context.filename.endsWith('privacy.html') ? renderPrivacyPage(html) : html),
    },
  };
}
