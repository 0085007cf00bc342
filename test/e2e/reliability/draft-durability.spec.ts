/**
 * "Never lose what the user wrote" at its sharpest: the tab is reloaded (or closed) right after the last keystroke,
 * inside the autosave's 400 ms debounce. The save started in `pagehide` must still land, or the draft must be
 * written by some path that does not depend on it (see the report of issue 9 for the fix).
 */
import { expect, test } from '../../support/fixtures.ts';
import { google } from '../compose/helpers.ts';
import { expectDraftInForm, writeDraft } from './helpers.ts';

test('a reload right after typing keeps the draft', async ({ page }) => {
  await google.reset();
  await page.goto('/');
  await writeDraft(page, 'Typed just before the reload');
  await page.reload();
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible({ timeout: 20_000 });
  await expectDraftInForm(page, 'Typed just before the reload');
});
