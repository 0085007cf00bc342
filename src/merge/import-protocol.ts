/**
 * What the page and the import worker say to each other. Whatever is large crosses in batches (rows out, results
 * records in), so neither side spends more than a few milliseconds cloning one message: structured clone of 10,000
 * rows at once is a long task on a slow phone. An imported list stays in the worker, so checking it again after the
 * user changes a column sends only the settings. Types and the batch size only: the page imports this file, and
 * the parser must stay in the worker's chunk.
 */
import type { ColumnChoice } from './core/columns.ts';
import type { ImportedList, ImportOptions, ListRow } from './core/list.ts';
import type { ListSettings, RowRecipients } from './core/recipients.ts';
import type { EncodedFile, ExportTarget } from './core/results.ts';

export type ImportRequest =
  | { kind: 'import-bytes'; listId: number; bytes: ArrayBuffer; options: ImportOptions }
  | { kind: 'import-text'; listId: number; text: string; options: ImportOptions }
  | { kind: 'analyse'; listId: number; settings: ListSettings }
  | { kind: 'forget'; listId: number }
  | { kind: 'export-rows'; records: string[][] }
  | { kind: 'export-end'; target: ExportTarget };

export type ImportResponse =
  /** The list without its rows, and the columns guessed for it; rows and their analysis follow in batches. */
  | { kind: 'list'; list: Omit<ImportedList, 'rows'>; columns: ColumnChoice }
  | { kind: 'rows'; rows: ListRow[] }
  | { kind: 'analysis-rows'; rows: RowRecipients[] }
  | { kind: 'analysis-done'; ready: number; excluded: number; leftOut: number }
  | { kind: 'exported'; file: EncodedFile }
  | { kind: 'failed'; message: string };

/** Rows per message: a batch costs the receiving side about a millisecond. */
export const BATCH_ROWS = 250;

/** A batch at a time from a list, for either direction. */
export function inBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH_ROWS) batches.push(items.slice(start, start + BATCH_ROWS));
  return batches;
}
