/**
 * Delimited text (CSV, TSV, what Sheets and Excel put on the clipboard) to records and back, through papaparse: the
 * most used parser of its kind, 6.9 KB gzip, loaded only with the import worker. Why papaparse: src/merge/README.md.
 */
import Papa from 'papaparse';

export type Delimiter = ',' | '\t' | ';';

export const delimiters: readonly Delimiter[] = [',', '\t', ';'];

/**
 * The delimiter of a list, from its first record (the header row): the candidate that occurs most often outside
 * quotes, a comma on a tie. Papaparse's own guess compares field counts over ten records and gives up on a
 * two-line file with a final line break, so we decide here; a header row is the most regular line of any list.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(delimiters.map((delimiter) => [delimiter, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    else if (!inQuotes && counts.has(char as Delimiter))
      counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const delimiter of delimiters) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/** Why a record could not be read as written. `record` is the 0-based index of the record in the file. */
export type QuoteProblem = { code: 'unclosed-quote' | 'malformed-quote'; record: number };

export interface ParsedRecords {
  records: string[][];
  problems: QuoteProblem[];
}

/**
 * Splits text into records. Quoted fields may hold delimiters, quotes (doubled) and line breaks of any kind: Excel
 * ends rows with CRLF but writes a line break inside a cell as a bare LF, and papaparse finds the row separator
 * outside quotes. Blank records are kept (so record i is always row i + 1 of the spreadsheet); the caller skips them.
 */
export function parseRecords(text: string, delimiter: Delimiter): ParsedRecords {
  const result = Papa.parse(text, { delimiter, newline: '', quoteChar: '"', header: false, skipEmptyLines: false });
  const problems: QuoteProblem[] = [];
  const seen = new Set<string>();
  for (const error of result.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const problem: QuoteProblem = {
      code: error.code === 'MissingQuotes' ? 'unclosed-quote' : 'malformed-quote',
      record: error.row,
    };
    const key = `${problem.code}:${problem.record}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  // After a stray quote papaparse looks for the closing one to the end of the file: report what the user will see.
  const unclosed = new Set(problems.filter((p) => p.code === 'unclosed-quote').map((p) => p.record));
  const reported = problems.filter((p) => p.code === 'unclosed-quote' || !unclosed.has(p.record));
  // A final line break yields one empty record; it is not a row of the spreadsheet.
  const last = result.data.at(-1);
  if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text)) result.data.pop();
  return { records: result.data, problems: reported };
}

export interface WriteOptions {
  delimiter: Delimiter;
  /**
   * Prefixes `'` to fields starting with `=`, `+`, `-`, `@`, TAB or CR, so a spreadsheet shows them as text instead
   * of running them as formulas (OWASP "CSV injection"): a list cell could hold `=HYPERLINK(…)`.
   */
  neutralizeFormulas: boolean;
}

/** Records as delimited text with CRLF line ends (RFC 4180 §2), quoting only the fields that need it. */
export function writeRecords(records: ReadonlyArray<ReadonlyArray<string>>, options: WriteOptions): string {
  if (records.length === 0) return '';
  return `${Papa.unparse(records, {
    delimiter: options.delimiter,
    newline: '\r\n',
    quotes: false,
    quoteChar: '"',
    escapeFormulae: options.neutralizeFormulas,
    header: false,
  })}\r\n`;
}
