/**
 * The results of a campaign as a file the user opens in Excel or Sheets: one line per row (row, address, status,
 * Gmail id, time, error), in the encoding and with the delimiter the list came in, or as UTF-8 with a BOM (which
 * Excel opens correctly, where UTF-8 without one reads as Shift_JIS on a Japanese Windows).
 */
import type { Mailbox } from '../../mail/types.ts';
import { type Delimiter, writeRecords } from './delimited.ts';
import type { ListEncoding } from './encoding.ts';
import type { RowEntryView, RowState } from './entries.ts';
import type { ListSource } from './list.ts';

export interface ExportTarget {
  encoding: ListEncoding;
  bom: boolean;
  delimiter: Delimiter;
  /** What to name the file: `txt` for Excel's "Unicode text" (UTF-16, tab-separated), as Excel itself does. */
  extension: 'csv' | 'tsv' | 'txt';
}

/**
 * Where the results go: `as-list` mirrors the list's encoding, BOM and delimiter (UTF-16 always with its BOM, which
 * no reader can do without); `utf-8-bom` is a comma-separated UTF-8 file with a BOM. A pasted list has no encoding
 * of its own and gets the latter.
 */
export function exportTarget(source: ListSource, choice: 'as-list' | 'utf-8-bom'): ExportTarget {
  if (choice === 'utf-8-bom' || source.encoding === null) {
    return { encoding: 'utf-8', bom: true, delimiter: ',', extension: 'csv' };
  }
  const utf16 = source.encoding === 'utf-16le' || source.encoding === 'utf-16be';
  const extension = utf16 ? 'txt' : source.delimiter === '\t' ? 'tsv' : 'csv';
  return { encoding: source.encoding, bom: utf16 || source.bom, delimiter: source.delimiter, extension };
}

/** The words of the export, in the user's language (src/text/merge.ts `resultLabels`). */
export interface ResultLabels {
  header: readonly [string, string, string, string, string, string];
  status: (state: RowState) => string;
}

export interface ResultRow {
  row: number;
  state: RowState;
  to: readonly Mailbox[];
  entry?: RowEntryView;
  /** Why the row was left out or failed, already worded for the user. */
  error?: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-11-26 08:30:05` in the device's time zone: the form Excel and Sheets both read as a date and time. */
export function spreadsheetTime(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(
    d.getMinutes(),
  )}:${two(d.getSeconds())}`;
}

/** The lines of the results file, header first. */
export function resultRecords(rows: readonly ResultRow[], labels: ResultLabels): string[][] {
  const records: string[][] = [[...labels.header]];
  for (const { row, state, to, entry, error } of rows) {
    const sentAt = entry?.result?.sentAt;
    records.push([
      String(row),
      to.map((mailbox) => mailbox.address).join(', '),
      labels.status(state),
      entry?.result?.gmailId ?? '',
      sentAt === undefined ? '' : spreadsheetTime(sentAt),
      error ?? entry?.failure?.message ?? entry?.failure?.code ?? '',
    ]);
  }
  return records;
}

export interface EncodedFile {
  bytes: Uint8Array;
  /** Characters the target encoding cannot hold, written as `?` (Shift_JIS only): offer UTF-8 with a BOM instead. */
  unencodable: number;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** Text in an export encoding, with the BOM when the target asks for one. Shift_JIS's encoder loads only here. */
export async function encodeText(text: string, target: Pick<ExportTarget, 'encoding' | 'bom'>): Promise<EncodedFile> {
  const withBom = target.bom ? `\ufeff${text}` : text;
  switch (target.encoding) {
    case 'utf-8':
      return { bytes: new TextEncoder().encode(withBom), unencodable: 0 };
    case 'utf-16le':
      return { bytes: utf16(withBom, true), unencodable: 0 };
    case 'utf-16be':
      return { bytes: utf16(withBom, false), unencodable: 0 };
    case 'shift_jis': {
      // Shift_JIS has no BOM.
      const { encodeShiftJis } = await import('./shift-jis.ts');
      return encodeShiftJis(text);
    }
  }
}

/** The results file's bytes. Formula-like cells are neutralised (see `writeRecords`). */
export function exportResults(
  records: ReadonlyArray<ReadonlyArray<string>>,
  target: ExportTarget,
): Promise<EncodedFile> {
  return encodeText(writeRecords(records, { delimiter: target.delimiter, neutralizeFormulas: true }), target);
}
