/**
 * Who each row goes to: the address column (one or more addresses), the name column, Cc and Bcc, checked with the
 * same grammar and problem codes as the compose form (src/mail/address.ts). A row with a problem is left out until
 * the user fixes the cell, excludes the row, or (for a repeated address only) keeps it on purpose.
 */
import { addressKey, gmailRecipientLimit, type RecipientField } from '../../compose/recipients.ts';
import { type AddressProblem, parseAddressList } from '../../mail/address.ts';
import type { Mailbox } from '../../mail/types.ts';
import type { ColumnChoice } from './columns.ts';
import type { ImportedList, ListRow } from './list.ts';

/** What the user decided about the list; plain data, saved with the campaign. */
export interface ListSettings {
  columns: ColumnChoice;
  /** Rows (spreadsheet numbers) the user left out. */
  excluded: readonly number[];
  /** Rows sent although their address already appears on an earlier row. */
  keepDuplicates: readonly number[];
  /** Cells the user corrected: row -> column -> text. The file itself is never changed. */
  edits: Readonly<Record<number, Readonly<Record<number, string>>>>;
}

export type RowProblem =
  | { code: 'address'; field: RecipientField; problem: AddressProblem }
  | { code: 'line-break-in-name' }
  | { code: 'duplicate'; address: string; firstRow: number }
  | { code: 'too-many-recipients'; count: number; limit: number };

/** `ready`: will be sent; `excluded`: the user left it out; `left-out`: a problem keeps it out until fixed. */
export type RowStatus = 'ready' | 'excluded' | 'left-out';

export interface RowRecipients {
  row: number;
  status: RowStatus;
  to: Mailbox[];
  cc: Mailbox[];
  bcc: Mailbox[];
  problems: RowProblem[];
}

export interface ListAnalysis {
  rows: RowRecipients[];
  ready: number;
  excluded: number;
  leftOut: number;
}

export const emptySettings = (columns: ColumnChoice): ListSettings => ({
  columns,
  excluded: [],
  keepDuplicates: [],
  edits: {},
});

/** The text of one cell after the user's corrections. */
export function cellText(row: ListRow, column: number, settings: ListSettings): string {
  const edited = settings.edits[row.row]?.[column];
  return edited ?? row.cells[column] ?? '';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

function parseCell(text: string, field: RecipientField, problems: RowProblem[]): Mailbox[] {
  const parsed = parseAddressList(text);
  for (const problem of parsed.problems) problems.push({ code: 'address', field, problem });
  return parsed.mailboxes;
}

/**
 * Checks every row of the list against the column choice and the user's decisions. A repeated address is reported
 * on the later row, pointing at the first row (excluded rows do not count); Gmail's limit of 100 recipients per
 * API message is counted over distinct addresses in To, Cc and Bcc, as the compose form counts them.
 */
export function analyseRecipients(list: ImportedList, settings: ListSettings): ListAnalysis {
  const excluded = new Set(settings.excluded);
  const keep = new Set(settings.keepDuplicates);
  const firstRowOf = new Map<string, number>();
  const analysis: ListAnalysis = { rows: [], ready: 0, excluded: 0, leftOut: 0 };
  const { to: toColumn, name: nameColumn, cc: ccColumn, bcc: bccColumn } = settings.columns;
  for (const row of list.rows) {
    const problems: RowProblem[] = [];
    const toText = toColumn === null ? '' : cellText(row, toColumn, settings);
    const to = parseCell(toText, 'to', problems);
    if (toText.trim() === '') {
      problems.push({ code: 'address', field: 'to', problem: { input: '', code: 'empty', start: 0, end: 0 } });
    }
    const name = nameColumn === null ? '' : cellText(row, nameColumn, settings).trim();
    // A display name goes into the To header, where a line break is refused (src/mail/header.ts).
    if (CONTROL.test(name)) problems.push({ code: 'line-break-in-name' });
    // The name column names the one recipient of the row; `山田 <a@b>` typed in the cell itself still wins.
    if (name !== '' && to.length === 1 && !to[0]!.name) to[0] = { name, address: to[0]!.address };
    const cc = ccColumn === null ? [] : parseCell(cellText(row, ccColumn, settings), 'cc', problems);
    const bcc = bccColumn === null ? [] : parseCell(cellText(row, bccColumn, settings), 'bcc', problems);
    const isExcluded = excluded.has(row.row);
    if (!isExcluded) {
      for (const mailbox of to) {
        const key = addressKey(mailbox.address);
        const firstRow = firstRowOf.get(key);
        if (firstRow === undefined) firstRowOf.set(key, row.row);
        else if (!keep.has(row.row)) problems.push({ code: 'duplicate', address: mailbox.address, firstRow });
      }
    }
    const distinct = new Set([...to, ...cc, ...bcc].map((mailbox) => addressKey(mailbox.address))).size;
    if (distinct > gmailRecipientLimit) {
      problems.push({ code: 'too-many-recipients', count: distinct, limit: gmailRecipientLimit });
    }
    const status: RowStatus = isExcluded ? 'excluded' : problems.length > 0 ? 'left-out' : 'ready';
    analysis.rows.push({ row: row.row, status, to, cc, bcc, problems });
    if (status === 'ready') analysis.ready++;
    else if (status === 'excluded') analysis.excluded++;
    else analysis.leftOut++;
  }
  return analysis;
}
