/**
 * A list file (or pasted cells) to a table: a header row naming the columns, then one row per recipient. Pure: bytes
 * or text in, `ImportedList` out; runs in the import worker and in tests.
 */
import { checkAddress } from '../../mail/address.ts';
import { type Delimiter, parseRecords, sniffDelimiter } from './delimited.ts';
import { decodeList, detectEncoding, type EncodingGuess, type ListEncoding } from './encoding.ts';

/** One recipient's row. `row` is the row number the spreadsheet shows (the header is row 1), so "row 57" is findable. */
export interface ListRow {
  row: number;
  /** One cell per header, as written (not trimmed); missing cells are empty strings. */
  cells: string[];
}

/** Something about the file as a whole, or one row of it, that the user should see before going on. */
export type ImportProblem =
  | { code: 'empty-file' }
  | { code: 'no-rows' }
  | { code: 'unclosed-quote'; row: number }
  | { code: 'malformed-quote'; row: number }
  | { code: 'replacement-characters'; count: number }
  | { code: 'extra-cells'; row: number }
  | { code: 'duplicate-header'; column: number; firstColumn: number }
  | { code: 'header-looks-like-data' };

export interface ListSource {
  /** The encoding the text was decoded with; null for pasted text (already text). */
  encoding: ListEncoding | null;
  bom: boolean;
  /** What detection found, when the encoding was detected rather than chosen; the preview shows it. */
  detected: EncodingGuess | null;
  delimiter: Delimiter;
}

export interface ImportedList {
  source: ListSource;
  /** Column names from the header row, trimmed; an empty string for a column without a name. */
  headers: string[];
  rows: ListRow[];
  problems: ImportProblem[];
}

export interface ImportOptions {
  /** 'auto' (the default) detects it; a choice in the preview re-imports with that encoding. */
  encoding?: ListEncoding | 'auto';
  delimiter?: Delimiter | 'auto';
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function tableFrom(text: string, source: Omit<ListSource, 'delimiter'>, options: ImportOptions): ImportedList {
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? sniffDelimiter(text) : options.delimiter;
  const { records, problems: quoteProblems } = parseRecords(text, delimiter);
  const problems: ImportProblem[] = quoteProblems.map((problem) => ({ code: problem.code, row: problem.record + 1 }));
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  const list: ImportedList = { source: { ...source, delimiter }, headers: [], rows: [], problems };
  if (headerIndex < 0) {
    problems.unshift({ code: 'empty-file' });
    return list;
  }
  const headers = records[headerIndex]!.map((cell) => cell.trim());
  list.headers = headers;
  const firstByName = new Map<string, number>();
  headers.forEach((name, column) => {
    if (name === '') return;
    const first = firstByName.get(name);
    if (first === undefined) firstByName.set(name, column);
    else problems.push({ code: 'duplicate-header', column, firstColumn: first });
  });
  // A header such as "taro@example.jp" means the first row is a recipient: the list has no header row.
  if (headers.some((name) => checkAddress(name).ok)) problems.push({ code: 'header-looks-like-data' });
  for (let index = headerIndex + 1; index < records.length; index++) {
    const cells = records[index]!;
    if (isBlank(cells)) continue;
    const row = index + 1;
    if (cells.slice(headers.length).some((cell) => cell.trim() !== '')) problems.push({ code: 'extra-cells', row });
    list.rows.push({ row, cells: headers.map((_, column) => cells[column] ?? '') });
  }
  if (list.rows.length === 0) problems.push({ code: 'no-rows' });
  return list;
}

/** Imports a list file: detects (or takes) the encoding, decodes, finds the delimiter, reads the header and rows. */
export function importListBytes(bytes: Uint8Array, options: ImportOptions = {}): ImportedList {
  const detected = !options.encoding || options.encoding === 'auto' ? detectEncoding(bytes) : null;
  const encoding = detected?.encoding ?? (options.encoding as ListEncoding);
  const decoded = decodeList(bytes, encoding);
  const list = tableFrom(decoded.text, { encoding, bom: decoded.bom, detected }, options);
  if (decoded.replacements > 0) list.problems.push({ code: 'replacement-characters', count: decoded.replacements });
  return list;
}

/**
 * Imports cells pasted from Google Sheets or Excel: both put tab-separated text on the clipboard (cells with line
 * breaks quoted), so the delimiter is a tab unless the pasted text itself is CSV.
 */
export function importListText(text: string, options: ImportOptions = {}): ImportedList {
  const delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : sniffDelimiter(text);
  return tableFrom(text, { encoding: null, bom: false, detected: null }, { delimiter });
}
