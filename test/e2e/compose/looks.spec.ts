/**
 * The main states of the page (empty, filled, sending, sent, error) in every combination of language, colour scheme
 * and screen size: axe-core finds no WCAG A/AA violation in any of them, and each is saved as a screenshot under
 * test-results/screenshots/ for a reviewer to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../../support/fixtures.ts';
import {
  bccField,
  bodyField,
  ccField,
  file,
  google,
  openConnected,
  sendButton,
  subjectField,
  toField,
} from './helpers.ts';

const languages = ['ja', 'en'] as const;
const schemes = ['light', 'dark'] as const;
const devices = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } } as const;

const text = {
  en: {
    copies: 'Cc and Bcc',
    undoTime: 'Undo time',
    undo: 'Undo',
    sendNow: 'Send now',
    sending: 'Sending…',
    sent: 'Message sent.',
    subject: 'Quarterly report',
    body: 'Hello Taro,\n\nPlease find the report attached.\n\nBest regards,\nAlice',
  },
  ja: {
    copies: 'Cc と Bcc',
    undoTime: '取り消しできる時間',
    undo: '元に戻す',
    sendNow: '今すぐ送信',
    sending: '送信しています…',
    sent: 'メッセージを送信しました。',
    subject: '来週の打ち合わせについて',
    body: '山田様\n\nいつもお世話になっております。\n資料を添付いたしますので、ご確認ください。\n\nよろしくお願いいたします。',
  },
} as const;

async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

for (const language of languages) {
  for (const scheme of schemes) {
    for (const [device, viewport] of Object.entries(devices)) {
      test(`${language} · ${scheme} · ${device}: every main state is accessible and photographed`, async ({ page }) => {
        // About ten states, each photographed and checked by axe: 40 s on an idle machine, 1.8 min when the CPU
        // was shared with three other runs.
        test.setTimeout(180_000);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.setViewportSize(viewport);
        const words = text[language];
        const shoot = async (state: string) => {
          await expectNoAxeViolations(page, state);
          // Nothing may stick out sideways: a 360 px phone must never need horizontal scrolling.
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(pageWidth, `page width in state "${state}"`).toBeLessThanOrEqual(viewport.width);
          await page.screenshot({
            path: `test-results/screenshots/${state}-${language}-${scheme}-${device}.png`,
            fullPage: true,
          });
        };

        await openConnected(page, `/?lang=${language}`);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await shoot('empty');

        await toField(page).fill('山田 太郎 <taro@example.jp>, "bank@example.com" <evil@example.net>, hanako@example,');
        await page.getByRole('button', { name: words.copies }).click();
        await ccField(page).fill('hanako@example.jp,');
        await bccField(page).fill('taro@example.jp,');
        await subjectField(page).fill(words.subject);
        await bodyField(page).fill(words.body);
        await page
          .getByLabel(/Attach files|ファイルを添付/)
          .setInputFiles([file('議事録 2026年11月.txt', '議事録'), file('invoice\u202Efdp.exe', 'x')]);
        await shoot('filled');

        // Remove the invalid address so the send can go; the undo window, then a slow Gmail shows the sending state.
        await page.getByRole('button', { name: /hanako@example (を削除)?|Remove hanako@example$/ }).click();
        // 30 s: axe and a full-page screenshot of the undo state take several seconds on a loaded machine.
        await page.getByLabel(words.undoTime).selectOption('30');
        await google.injectFaults([{ kind: 'delay', ms: 4000, route: 'send' }]);
        await sendButton(page).click();
        await expect(page.getByRole('button', { name: words.undo })).toBeVisible();
        await shoot('undo');
        await page.getByRole('button', { name: words.sendNow }).click();
        await expect(page.getByText(words.sending).first()).toBeVisible();
        await shoot('sending');

        await expect(page.getByText(words.sent)).toBeVisible({ timeout: 15_000 });
        await shoot('sent');

        await toField(page).fill('taro@example.jp,');
        await subjectField(page).fill(words.subject);
        await google.injectFaults([{ kind: 'forbidden', reason: 'dailyLimitExceeded', route: 'send' }]);
        await sendButton(page).click();
        await page.getByRole('button', { name: words.sendNow }).click();
        await expect(page.getByRole('form').getByText(/daily-limit/)).toBeVisible({ timeout: 15_000 });
        await shoot('error');
      });
    }
  }
}
