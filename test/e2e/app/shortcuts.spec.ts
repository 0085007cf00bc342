/** Issue 16, "keyboard shortcut help": "?" outside a text field (or the header's button) lists the shortcuts. */
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../support/fixtures.ts';
import { subjectField } from '../compose/helpers.ts';

test('"?" opens the shortcut list as a modal dialog; Escape closes it and focus goes back', async ({ page }) => {
  await page.goto('/?lang=en');
  const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(help).toHaveAttribute('aria-keyshortcuts', '?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  // In a text field "?" is just a character.
  await subjectField(page).fill('');
  await subjectField(page).press('?');
  await expect(subjectField(page)).toHaveValue('?');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Cc and Bcc' }).focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Ctrl \+ Enter Send the message/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Backspace Remove the last address/ })).toBeVisible();
  await expectNoAxeViolations(page, 'shortcut list');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cc and Bcc' })).toBeFocused();

  await help.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(help).toBeFocused();
});

test('Japanese: the list speaks Japanese', async ({ page }) => {
  await page.goto('/?lang=ja');
  await page.getByRole('button', { name: 'キーボード ショートカット' }).click();
  const dialog = page.getByRole('dialog', { name: 'キーボード ショートカット' });
  await expect(dialog.getByRole('row', { name: /Ctrl \+ Enter メッセージを送信/ })).toBeVisible();
  await expectNoAxeViolations(page, 'ja shortcut list');
  await dialog.getByRole('button', { name: '閉じる' }).click();
  await expect(dialog).toBeHidden();
});
