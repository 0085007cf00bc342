/**
 * "Never lose what the user wrote" at its sharpest: the tab is reloaded (or closed) right after the last keystroke,
 * inside the autosave's 400 ms debounce. The save started in `pagehide` must still land, or the draft must be
 * written by some path that does not depend on it (see the report of issue 9 for the fix).
 */
import { expect, test } from '../../support/fixtures.ts';
import { google, openConnected, subjectField } from '../compose/helpers.ts';
import { expectDraftInForm, sendButton, writeDraft } from './helpers.ts';

test('a reload right after typing keeps the draft', async ({ page }) => {
  await google.reset();
  await page.goto('/');
  await writeDraft(page, 'Typed just before the reload');
  await page.reload();
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible({ timeout: 20_000 });
  await expectDraftInForm(page, 'Typed just before the reload');
});

test('a reload right after a refused Send keeps the draft', async ({ page }) => {
  await openConnected(page);
  await writeDraft(page, 'Refused, then reloaded');
  await google.injectFaults([{ kind: 'forbidden', reason: 'dailyLimitExceeded', route: 'send', times: 5 }]);
  await sendButton(page).click();
  await expect(page.getByText(/daily Gmail API quota/)).toBeVisible();
  await page.reload();
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible({ timeout: 20_000 });
  await expect(subjectField(page)).toHaveValue('Refused, then reloaded');
});
