/**
 * Steps shared by the reliability specs (fault matrix, hostile inputs, XSS, nothing at rest). Field locators and the
 * connect step come from the compose tests' helpers; this adds what a fault row needs: a draft to lose, the count of
 * messages that arrived, and network faults the offline Google cannot stage by itself inside Chromium.
 */
import type { Page, Route } from '@playwright/test';
import { snapshotAtRest, tokensAtRest } from '../../support/at-rest.ts';
import { expect } from '../../support/fixtures.ts';
import { reportRow } from '../../support/matrix.ts';
import { accountRegion, bodyField, google, sendButton, subjectField, toField } from '../compose/helpers.ts';

export const recipient = 'bob@example.com';
export const sendUrl = '**/gmail/v1/users/*/messages/send*';
export const uploadUrl = '**/upload/gmail/v1/users/*/messages/send*';

/** Types a draft as a user: one committed recipient, a subject and a body. */
export async function writeDraft(page: Page, subject: string, body = `本文: ${subject}`) {
  await toField(page).fill(recipient);
  await toField(page).press('Enter');
  await subjectField(page).fill(subject);
  await bodyField(page).fill(body);
}

/** The draft is still in the form: the recipient token, the subject and the body as typed. */
export async function expectDraftInForm(page: Page, subject: string, body = `本文: ${subject}`) {
  await expect(page.getByRole('list', { name: /^(To|宛先)$/ })).toContainText(recipient);
  await expect(subjectField(page)).toHaveValue(subject);
  await expect(bodyField(page)).toHaveValue(body);
}

/** Waits until the autosave (debounced) has written a draft holding `text` to IndexedDB. */
export async function waitForDraftSaved(page: Page, text: string) {
  await expect
    .poll(async () => (await snapshotAtRest(page)).indexedDb.includes(JSON.stringify(text).slice(1, -1)))
    .toBe(true);
}

/**
 * After a reload the saved draft comes back, announced, with everything the user wrote. The reload waits for the
 * autosave first, as a person reading the error does; test/e2e/reliability/draft-durability.spec.ts covers the tab
 * closed within the autosave delay.
 */
export async function expectDraftAfterReload(page: Page, subject: string, body = `本文: ${subject}`) {
  await waitForDraftSaved(page, subject);
  await page.reload();
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible({ timeout: 20_000 });
  await expectDraftInForm(page, subject, body);
}

/**
 * The message is kept by the outbox (IndexedDB, with its payload: bytes and the form's snapshot), so nothing the
 * person wrote is lost although the form is free for the next one; and the page shows it with `shows`.
 */
export async function expectInOutbox(page: Page, subject: string, shows: RegExp | string) {
  await expect(page.getByText(shows).first()).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(async (wanted) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('fumi');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const read = <T>(store: string, query?: IDBValidKey) =>
          new Promise<T>((resolve) => {
            const request =
              query === undefined
                ? db.transaction(store).objectStore(store).getAll()
                : db.transaction(store).objectStore(store).get(query);
            request.onsuccess = () => resolve(request.result as T);
          });
        const entries = await read<Array<{ id: string; summary: { subject: string } }>>('outbox');
        const entry = entries.find((each) => each.summary.subject === wanted);
        const payload = entry ? await read<{ message?: Blob } | undefined>('outbox-payload', entry.id) : undefined;
        db.close();
        return payload?.message instanceof Blob;
      }, subject),
    )
    .toBe(true);
}

/** Messages with this subject that reached the offline Google's outbox. */
export async function arrived(subject: string): Promise<number> {
  return (await google.outbox()).filter((message) => message.parsed.subject === subject).length;
}

/** Requests that could have delivered a message (JSON send, upload start and chunks). */
export async function sendRequests(): Promise<number> {
  return (await google.requests()).filter((entry) => entry.route === 'send' || entry.route === 'upload').length;
}

export const connectButton = (page: Page) =>
  accountRegion(page).getByRole('button', { name: /Connect Gmail account|Connect as/ });

/** Sending… done: the success notice. */
export async function expectSent(page: Page, timeout = 20_000) {
  await expect(page.getByText('Message sent.')).toBeVisible({ timeout });
}

export { sendButton };

/** One row of the fault matrix, filled in as the test goes and reported (with its real counts) when it ends. */
export interface FaultRow {
  name: string;
  subject: string;
  userSees: string;
  expectedArrived: string;
  /** Set once the test has seen the draft in the form, after a reload, or delivered intact. */
  draftKept: boolean;
}

export function faultRow(name: string, userSees: string, expectedArrived: string): FaultRow {
  return { name, subject: `Fault: ${name}`, userSees, expectedArrived, draftKept: false };
}

/** Ends a row: nothing secret at rest, then the row with the number of messages that really arrived. */
export async function finishRow(page: Page, row: FaultRow) {
  const count = await arrived(row.subject);
  // A row that failed before its own draft check is still measured: is the subject in the form, or delivered?
  if (!row.draftKept && !page.isClosed()) {
    const inForm = await subjectField(page)
      .inputValue({ timeout: 2_000 })
      .catch(() => '');
    row.draftKept = inForm === row.subject || count === 1;
  }
  reportRow({
    table: 'fault',
    name: row.name,
    userSees: row.userSees,
    draftKept: row.draftKept,
    arrived: count,
    expectedArrived: row.expectedArrived,
  });
  expect(count, 'never two').toBeLessThanOrEqual(1);
  if (!page.isClosed()) expect(await tokensAtRest(page)).toEqual([]);
}

/** Answers the next `times` matching API requests with one of Google's error envelopes; later ones go through. */
export async function answerWithGoogleError(
  page: Page,
  pattern: string,
  error: { status: number; body: unknown; headers?: Record<string, string> },
  times = 1,
) {
  let left = times;
  await page.route(pattern, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS' || left <= 0) return route.continue();
    left -= 1;
    await route.fulfill({
      status: error.status,
      contentType: 'application/json; charset=UTF-8',
      headers: {
        ...error.headers,
        'Access-Control-Allow-Origin': (await request.headerValue('origin')) ?? '*',
        'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate',
      },
      body: JSON.stringify(error.body),
    });
  });
}
