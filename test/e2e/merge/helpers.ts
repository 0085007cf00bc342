/** Shared steps for the mail-merge browser tests: open the merge view connected, make a campaign, read what arrived. */
import type { BrowserContext, Page } from '@playwright/test';
import PostalMime from 'postal-mime';
import type { SentMessage } from '../../offline-google/control.ts';
import { expect } from '../../support/fixtures.ts';
import { google, openConnected } from '../compose/helpers.ts';

export { google };

/**
 * The test-only speed-up of the campaign's schedule (src/merge/time-scale.ts): the pacing core sees time run `factor`
 * times faster. Set before the page starts, in every page of the context.
 */
export async function speedUpCampaigns(context: BrowserContext, factor: number) {
  await context.addInitScript((value) => localStorage.setItem('fumi.merge.time-scale', String(value)), factor);
}

/** The merge view of a fresh double, Alice connected, in English unless told. */
export async function openMerge(page: Page, language: 'en' | 'ja' = 'en') {
  await openConnected(page, `/?lang=${language}#merge`);
  await expect(page.getByRole('heading', { name: language === 'en' ? 'Mail merge' : '差し込み送信' })).toBeVisible();
}

export async function newCampaign(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'New campaign' }).click();
  await expect(page.getByRole('heading', { name: '1. List' })).toBeVisible();
  return /#merge\/(.+)$/.exec(page.url())?.[1] ?? '';
}

export async function importFile(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv') {
  await page.getByLabel('Choose a file').setInputFiles({
    name,
    mimeType,
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
}

/** A list of `count` Japanese recipients with a number of their own, as UTF-8 CSV. */
export function japaneseList(count: number, offset = 0): string {
  const lines = ['氏名,メールアドレス,会員番号'];
  for (let i = 1 + offset; i <= count + offset; i++) lines.push(`山田 花子${i},hanako${i}@example.jp,K-${1000 + i}`);
  return `${lines.join('\r\n')}\r\n`;
}

export async function writeMessage(page: Page, subject: string, body: string) {
  await page.getByRole('textbox', { name: 'Subject' }).fill(subject);
  await page.getByRole('textbox', { name: 'Message' }).fill(body);
}

export async function choosePace(page: Page, perMinute: 59 | 20 | 6 | 1) {
  await page.getByLabel('Pace').selectOption(String(perMinute));
}

export interface Arrived {
  sent: SentMessage;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** What the double's outbox holds, each message parsed from the bytes the page sent. */
export async function arrived(): Promise<Arrived[]> {
  const outbox = await google.outbox();
  return Promise.all(
    outbox.map(async (sent) => {
      const mail = await PostalMime.parse(Buffer.from(sent.originalRawBase64, 'base64'));
      return {
        sent,
        to: mail.to?.[0]?.address ?? '',
        subject: mail.subject ?? '',
        text: (mail.text ?? '').replace(/\r\n/g, '\n').trim(),
        messageId: mail.messageId ?? '',
      };
    }),
  );
}

/** Counts each address: every one must be 1. */
export function countsByAddress(messages: readonly Arrived[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}

/**
 * The "not sure" rows a closed page left (a request in flight when it closed): decided as a person would after a
 * look at Gmail's Sent folder, here the double's outbox: "It was sent" if it arrived, else "Send again".
 */
export async function decideNotSure(page: Page, addressOfRow: (row: number) => string): Promise<number> {
  const again = page.getByRole('button', { name: /^Send row \d+ again$/ });
  let decided = 0;
  for (let guard = 0; guard < 20 && (await again.count()) > 0; guard++) {
    const name = (await again.first().textContent()) ?? '';
    const row = Number(/row (\d+)/.exec(name)?.[1]);
    const there = (await arrived()).some((message) => message.to === addressOfRow(row));
    if (there) await page.getByRole('button', { name: `Row ${row} was sent` }).click();
    else await page.getByRole('button', { name: `Send row ${row} again` }).click();
    decided++;
    await expect(page.getByRole('button', { name: `Send row ${row} again` })).toHaveCount(0);
  }
  return decided;
}

/** The address of the i-th recipient of `japaneseList` (spreadsheet row i + 1). */
export const address = (i: number) => `hanako${i}@example.jp`;
export const finished = (page: Page) => page.getByText('Finished.', { exact: true });
const rowsTable = (page: Page) => page.getByRole('region', { name: 'Each row' }).getByRole('table');
/** The cells of the per-row status table that read `status`. */
export const statusCells = (page: Page, status: string) =>
  rowsTable(page).getByRole('cell', { name: status, exact: true });

/** A fresh double, the merge view connected, and a campaign of `rows` Japanese rows ready to start at `pace`. */
export async function prepare(page: Page, rows: number, pace: 59 | 20 | 6 | 1 = 59) {
  await openMerge(page);
  await newCampaign(page);
  await importFile(page, '会員リスト.csv', japaneseList(rows));
  await expect(page.getByText(`会員リスト.csv: ${rows} rows`)).toBeVisible();
  await writeMessage(page, '{{氏名}} 様：会員番号 {{会員番号}}', '{{氏名}} 様\n\n会員番号は {{会員番号}} です。');
  await choosePace(page, pace);
  await expect(page.getByText(`${rows} messages will be sent, as alice@example.com.`)).toBeVisible();
}

/** Every one of the first `rows` recipients arrived exactly once. */
export async function expectEachOnce(rows: number) {
  const counts = countsByAddress(await arrived());
  expect([...counts.keys()].sort()).toEqual(Array.from({ length: rows }, (_, i) => address(i + 1)).sort());
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

/** "Dec 2, 2026, 1:30 AM": the page's own format (src/i18n/format.ts), in the browser's time zone. */
export const pageDateTime = (page: Page, at: number) =>
  page.evaluate(
    (value) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(value),
    at,
  );
