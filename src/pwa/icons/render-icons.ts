/**
 * `npm run icons`: writes public/favicon.svg and the PNG icons from icon-svg.ts, rasterised by the same Chromium the
 * browser tests use (no image library needed). Run it after changing the mark; the outputs are committed, and
 * test/unit/pwa/icons.test.ts fails when they no longer match the source.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../../test/support/chromium.ts';
import { faviconSvg, iconSvg, pngIcons } from './icon-svg.ts';

const publicDir = join(import.meta.dirname, '../../../public');
mkdirSync(join(publicDir, 'icons'), { recursive: true });
writeFileSync(join(publicDir, 'favicon.svg'), faviconSvg());

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage();
  for (const icon of pngIcons) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const svg = iconSvg(icon.scheme, icon.maskable).replace(
      '<svg ',
      `<svg width="${icon.size}" height="${icon.size}" `,
    );
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    await page.screenshot({ path: join(publicDir, 'icons', icon.file), omitBackground: true });
    console.log(`public/icons/${icon.file} (${icon.size} px)`);
  }
} finally {
  await browser.close();
}
