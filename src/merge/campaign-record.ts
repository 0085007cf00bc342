/**
 * A campaign as this browser keeps it: a small record (its state, the user's choices about the list, the template,
 * pacing) rewritten on every change, and its files (the list file, attachments) written only while it is a draft.
 * Row states are never stored: they are the outbox entries' states (core/entries.ts). Plain data, no DOM types
 * beyond Blob.
 */
import type { ListUnsubscribe } from '../mail/types.ts';
import { type Campaign, newCampaign } from './core/campaign.ts';
import type { ColumnChoice } from './core/columns.ts';
import type { ListEncoding } from './core/encoding.ts';
import type { FollowUpThread } from './core/follow-up.ts';
import type { ListSource } from './core/list.ts';
import { DEFAULT_PACE } from './core/pacing.ts';
import type { MergeTemplate } from './core/placeholders.ts';
import type { ListSettings } from './core/recipients.ts';

/** Where the list came from: kept as it was, so a reload imports exactly the same rows again. */
export type ListSourceData =
  | { kind: 'file'; name: string; blob: Blob; encoding: ListEncoding | 'auto' }
  | { kind: 'paste'; text: string };

export interface CampaignFile {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
}

export interface CampaignFiles {
  source: ListSourceData | null;
  /** Attached to every message. */
  common: CampaignFile[];
  /** Files that rows may name in the attachment column. */
  pool: CampaignFile[];
}

export interface CampaignRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** The list's file name, or the first line of a paste: how the campaign is told apart in the list. */
  name: string;
  campaign: Campaign;
  /** The account it sends as, fixed when it starts (its From, and who may send its entries). */
  account: string | null;
  /** What the import found (encoding, delimiter), the headers and the row count; null before an import. */
  list: { source: ListSource; headers: string[]; rows: number } | null;
  /** Counts imports: another tab that sees it change imports the list file again. */
  listVersion: number;
  settings: ListSettings;
  template: MergeTemplate;
  /** The column that names each row's own attachments (files of `CampaignFiles.pool`), if any. */
  attachmentColumn: number | null;
  pacing: { pacePerMinute: number; dailyLimit: number };
  unsubscribe: ListUnsubscribe | null;
  /** The row the test message was made from (the one the preview showed). */
  testRow: number | null;
  startedAt: number | null;
  /** A follow-up: the campaign it answers, and the thread of each chosen row (its rows, in order). */
  followUp: { parentId: string; parentName: string; threads: FollowUpThread[] } | null;
}

export const noColumns: ColumnChoice = { to: null, name: null, cc: null, bcc: null };

/** A consumer account's figure is the commonly quoted 500 (no current Google page gives one); Workspace 2,000. */
export function defaultDailyLimit(account: string | null): number {
  const domain = account?.split('@')[1]?.toLowerCase() ?? '';
  return domain === 'gmail.com' || domain === 'googlemail.com' ? 500 : 2000;
}

export function newCampaignRecord(id: string, now: number, account: string | null): CampaignRecord {
  return {
    id,
    createdAt: now,
    updatedAt: now,
    name: '',
    campaign: newCampaign(id),
    account,
    list: null,
    listVersion: 0,
    settings: { columns: noColumns, excluded: [], keepDuplicates: [], edits: {} },
    template: { subject: '', text: '' },
    attachmentColumn: null,
    pacing: { pacePerMinute: DEFAULT_PACE, dailyLimit: defaultDailyLimit(account) },
    unsubscribe: null,
    testRow: null,
    startedAt: null,
    followUp: null,
  };
}

export const emptyFiles = (): CampaignFiles => ({ source: null, common: [], pool: [] });

/** File names in an attachment cell: one per line, or separated by commas or semicolons (half- or full-width). */
export function namedFiles(cell: string): string[] {
  return cell
    .split(/[\n;,、；，]/u)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The campaign's name from its list: the file name, or the start of the first pasted line. */
export function sourceName(source: ListSourceData): string {
  if (source.kind === 'file') return source.name;
  const first = source.text.split(/\r?\n/)[0] ?? '';
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}
