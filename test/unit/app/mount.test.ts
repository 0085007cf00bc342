// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mountPoint } from '../../../src/app/shell/mount.ts';
import { shellMarkup } from '../../../src/app/shell/prerender-plugin.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('mountPoint', () => {
  it.each(['en', 'ja'] as const)(
    '%s: keeps the painted shell, drops the other, and frees it from the shell rules',
    (language) => {
      document.body.innerHTML = shellMarkup([
        { language: 'en', html: '<p>English</p>' },
        { language: 'ja', html: '<p>日本語</p>' },
      ]);
      const root = mountPoint(language);
      expect(root.textContent).toBe(language === 'en' ? 'English' : '日本語');
      expect(document.querySelectorAll('[data-shell]')).toHaveLength(0);
      expect(document.body.children).toHaveLength(1);
      // A later language switch must not hide it (base.css hides [data-shell] of the other language) or mislabel it.
      expect(root.hasAttribute('inert')).toBe(false);
      expect(root.hasAttribute('lang')).toBe(false);
      expect(root.id).toBe('app');
      expect(document.documentElement.lang).toBe(language);
    },
  );

  it('without a prerendered shell (vite dev) renders into #app', () => {
    document.body.innerHTML = '<div id="app"></div>';
    expect(mountPoint('en')).toBe(document.getElementById('app'));
  });
});
