/**
 * Every row judged once for sending: its recipients (the import worker's analysis), its placeholders (an empty
 * cell without text for empty cells) and its own attachments (a named file that was not added, or too much in all).
 * A row with any problem is left out until the user fixes the cell, the template or the files, or excludes it.
 * Pure; `checkRows` gives the page a turn every few hundred rows, so a 10,000-row list never blocks it.
 */
import { ATTACHMENT_SIZE_LIMIT } from '../mail/types.ts';
import type { CampaignFile, CampaignFiles } from './campaign-record.ts';
import { namedFiles } from './campaign-record.ts';
import type { ImportedList, ListRow } from './core/list.ts';
import { type CompiledTemplate, type RowTemplateProblem, renderRow } from './core/placeholders.ts';
import {
  cellText,
  type ListAnalysis,
  type ListSettings,
  type RowProblem,
  type RowRecipients,
  type RowStatus,
} from './core/recipients.ts';

export type FileProblem =
  | { code: 'missing-file'; name: string }
  | { code: 'attachments-too-large'; size: number; limit: number };

export type RowIssue = RowProblem | RowTemplateProblem | FileProblem;

export interface RowCheck {
  row: number;
  status: RowStatus;
  recipients: RowRecipients;
  issues: RowIssue[];
  /** The row's own attachments, found in the campaign's files. */
  files: CampaignFile[];
}

export interface RowCheckInput {
  list: ImportedList;
  analysis: ListAnalysis;
  /** The template, or null while it has problems of its own (then no row is judged on it). */
  compiled: CompiledTemplate | null;
  settings: ListSettings;
  files: CampaignFiles;
  attachmentColumn: number | null;
  /** A follow-up sends to these rows only (already sent once, so their recipients stand). */
  onlyRows?: readonly number[];
}

const commonSize = (files: CampaignFiles) => files.common.reduce((sum, file) => sum + file.size, 0);

/** One row's check. */
export function checkRow(input: RowCheckInput, listRow: ListRow, recipients: RowRecipients): RowCheck {
  const issues: RowIssue[] = [];
  const followUp = input.onlyRows !== undefined;
  const excluded = input.settings.excluded.includes(listRow.row);
  if (!followUp) issues.push(...recipients.problems);
  const cell = (column: number) => cellText(listRow, column, input.settings);
  if (input.compiled) issues.push(...renderRow(input.compiled, cell).problems);
  const files: CampaignFile[] = [];
  if (input.attachmentColumn !== null) {
    const byName = new Map(input.files.pool.map((file) => [file.name.normalize('NFC'), file]));
    for (const name of namedFiles(cell(input.attachmentColumn))) {
      const file = byName.get(name.normalize('NFC'));
      if (file) files.push(file);
      else issues.push({ code: 'missing-file', name });
    }
  }
  const size = commonSize(input.files) + files.reduce((sum, file) => sum + file.size, 0);
  if (size > ATTACHMENT_SIZE_LIMIT) issues.push({ code: 'attachments-too-large', size, limit: ATTACHMENT_SIZE_LIMIT });
  let status: RowStatus = recipients.status;
  if (followUp) status = excluded ? 'excluded' : 'ready';
  if (status === 'ready' && issues.length > 0) status = 'left-out';
  return { row: listRow.row, status, recipients, issues, files };
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every row's check, in list order (a follow-up's rows in its own order), yielding to the page between slices. */
export async function checkRows(
  input: RowCheckInput,
  options: { slice?: number; signal?: AbortSignal } = {},
): Promise<RowCheck[]> {
  const slice = options.slice ?? 400;
  const byRow = new Map(input.analysis.rows.map((recipients) => [recipients.row, recipients]));
  let listRows = input.list.rows;
  if (input.onlyRows) {
    const listByRow = new Map(input.list.rows.map((listRow) => [listRow.row, listRow]));
    listRows = input.onlyRows.flatMap((row) => listByRow.get(row) ?? []);
  }
  const checks: RowCheck[] = [];
  for (let start = 0; start < listRows.length; start += slice) {
    if (start > 0) await nextTurn();
    if (options.signal?.aborted) throw options.signal.reason;
    for (const listRow of listRows.slice(start, start + slice)) {
      const recipients = byRow.get(listRow.row);
      if (recipients) checks.push(checkRow(input, listRow, recipients));
    }
  }
  return checks;
}

export interface CheckSummary {
  ready: number;
  excluded: number;
  leftOut: number;
  /** Rows refused for Gmail's 100 recipients per message. */
  overRecipientLimit: number;
}

export function summarize(checks: readonly RowCheck[]): CheckSummary {
  const summary: CheckSummary = { ready: 0, excluded: 0, leftOut: 0, overRecipientLimit: 0 };
  for (const check of checks) {
    if (check.status === 'ready') summary.ready++;
    else if (check.status === 'excluded') summary.excluded++;
    else summary.leftOut++;
    if (check.issues.some((issue) => issue.code === 'too-many-recipients')) summary.overRecipientLimit++;
  }
  return summary;
}
