/** Steps on the app shell a user takes by role and label: the account menu (src/auth/ui/AccountMenu.tsx). */
import type { Page } from '@playwright/test';

const region = (page: Page) => page.getByRole('region', { name: /Google account|Google アカウント/ });

/** Opens the account chip's menu and picks Sign out, or Sign out and forget the address in this browser. */
export async function signOutFromMenu(page: Page, options: { forget?: boolean } = {}): Promise<void> {
  await region(page)
    .getByRole('button', { name: /Sending as|として送信します|Connected to Google|Google に接続しました/ })
    .click();
  const menu = page.getByRole('menu');
  await (options.forget
    ? menu.getByRole('menuitem', { name: /Sign out and forget|ログアウトして/ })
    : menu.getByRole('menuitem', { name: /^(Sign out|ログアウト)$/ })
  ).click();
}
