import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faviconSvg, pngIcons } from '../../../src/pwa/icons/icon-svg.ts';
import { isIosHomeScreenApp } from '../../../src/pwa/ios.ts';
import { fileAddress } from '../../../src/pwa/pwa-plugin.ts';

const publicDir = join(import.meta.dirname, '../../../public');

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons', () => {
  it('public/favicon.svg is what icon-svg.ts draws (run `npm run icons` after changing the mark)', () => {
    expect(readFileSync(join(publicDir, 'favicon.svg'), 'utf8')).toBe(faviconSvg());
  });

  it('switches colours with the colour scheme', () => {
    expect(faviconSvg()).toMatch(/@media \(prefers-color-scheme:dark\)/);
  });

  it.each(pngIcons.map((icon) => [icon.file, icon.size] as const))('public/icons/%s is %i px square', (file, size) => {
    expect(pngSize(readFileSync(join(publicDir, 'icons', file)))).toEqual({ width: size, height: size });
  });
});

describe('service worker navigation fallback', () => {
  it.each([
    ['/robots.txt', true],
    ['/config.json', true],
    ['/sub/config.json?x=1', true],
    ['/', false],
    ['/?lang=ja', false],
    ['/index.html', false],
    ['/index.html?lang=en', false],
    ['/mail-sender/', false],
    ['/v1.2/', false],
  ] as const)('%s is a file the app must not answer: %s', (path, isFile) => {
    expect(fileAddress.test(path)).toBe(isFile);
  });
});

describe('isIosHomeScreenApp', () => {
  it.each([
    [{ standalone: true }, true],
    [{ standalone: false }, false],
    [{}, false],
  ] as const)('navigator %j → %s', (navigator, expected) => {
    expect(isIosHomeScreenApp(navigator as Navigator)).toBe(expected);
  });
});
