/**
 * What the campaign screen shows of each row and of the run: pure functions over the checks, the entries and the
 * clock (the controller calls them after each change).
 */
import type { OutboxEntry } from '../outbox/core/entry.ts';
import type { CampaignRecord } from './campaign-record.ts';
import type { RowCheck } from './campaign-rows.ts';
import type { CampaignState } from './core/campaign.ts';
import { headerKey } from './core/columns.ts';
import { type RowState, rowState, sendTimes } from './core/entries.ts';
import { estimateRun } from './core/pacing.ts';
import { toRowEntryView, toWindowView } from './entry-view.ts';

export interface RowView {
  check: RowCheck;
  state: RowState;
  entry: OutboxEntry | undefined;
  /** Why its message could not be built (a src/mail error code). */
  buildFailure?: string;
}

export function rowViews(
  checks: readonly RowCheck[],
  entryOf: (row: number) => OutboxEntry | undefined,
  failures: ReadonlyMap<number, string>,
  cancelled: boolean,
  now: number,
): RowView[] {
  return checks.map((check) => {
    const entry = entryOf(check.row);
    const failure = failures.get(check.row);
    const status = failure && !entry ? 'left-out' : check.status;
    const view: RowView = { check, state: rowState(status, entry && toRowEntryView(entry), cancelled, now), entry };
    if (failure) view.buildFailure = failure;
    return view;
  });
}

/**
 * What a row's status cell says. While the campaign waits for a limit it holds its queued rows, which are then
 * waiting for that limit, not paused: the person paused nothing (a 429 held them for seconds and read "Paused").
 */
export function shownRowState(row: RowState, campaign: CampaignState | undefined): RowState {
  return row === 'held' && campaign === 'waiting' ? 'waiting' : row;
}

/** Header names of a column that names each row's own files. */
const ATTACHMENT_HEADERS = new Set(['attachment', 'attachments', 'file', 'files', '添付', '添付ファイル', 'ファイル']);

export function guessAttachmentColumn(headers: readonly string[]): number | null {
  const column = headers.findIndex((header) => ATTACHMENT_HEADERS.has(headerKey(header)));
  return column < 0 ? null : column;
}

/**
 * How long the rest will take at the campaign's pace and daily limit, from now (or from when Gmail lets it go on),
 * counting what this campaign has sent in the last day. In real time: `scale` is the test-only speed-up.
 */
export function timeLeft(
  record: CampaignRecord,
  remaining: number,
  own: readonly OutboxEntry[],
  now: number,
  scale = 1,
): number {
  if (remaining === 0) return 0;
  const from = record.campaign.state === 'waiting' ? Math.max(now, record.campaign.until ?? now) : now;
  const estimate = estimateRun({
    now: from,
    count: remaining,
    pacePerMinute: record.pacing.pacePerMinute,
    dailyLimit: record.pacing.dailyLimit,
    previous: sendTimes(own.map(toWindowView), now),
  });
  return from - now + estimate.durationMs / Math.max(1, scale);
}

/** "2-10, 15" (or with full-width digits, 〜 and 、) as row numbers, in order, each once; null when unreadable. */
export function parseRowRanges(text: string): number[] | null {
  const normal = text.normalize('NFKC').replace(/[〜~–—]/gu, '-');
  const parts = normal
    .split(/[,、;\s]+/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const rows = new Set<number>();
  for (const part of parts) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) return null;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from || to - from > 100_000) return null;
    for (let row = from; row <= to; row++) rows.add(row);
  }
  return [...rows];
}
