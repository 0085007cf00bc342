import type { Page } from '@playwright/test';

/**
 * Resolves when the popup has closed, also when it closed already. Playwright's `waitForEvent('close')` on a page
 * that is already closed never resolves (measured: it waits out its timeout), and the double's popup closes itself
 * 50 ms after it answers, which on a fast machine can be before a waiter registered after the click: the §6.5 test
 * of test/e2e/offline-google/gis.spec.ts then hung for its 60 s with the harness page showing only "Go". Call it before the action that closes the popup.
 */
export function whenClosed(popup: Page): Promise<unknown> {
  return popup.isClosed() ? Promise.resolve() : popup.waitForEvent('close');
}
