/**
 * The part of papaparse 5 the merge core uses, typed here rather than through @types/papaparse, which pulls in
 * Node's stream types and the DOM's File: the core compiles without either (tsconfig.core.json).
 */
declare module 'papaparse' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
    message: string;
    /** Index of the record (0-based) the error is in, when known. */
    row?: number;
    index?: number;
  }

  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number };
  }

  export interface ParseConfig {
    delimiter?: string;
    newline?: '' | '\r' | '\n' | '\r\n';
    quoteChar?: string;
    escapeChar?: string;
    header?: false;
    dynamicTyping?: false;
    skipEmptyLines?: boolean | 'greedy';
  }

  export interface UnparseConfig {
    delimiter?: string;
    newline?: string;
    quotes?: boolean;
    quoteChar?: string;
    escapeFormulae?: boolean | RegExp;
    header?: boolean;
  }

  export function parse(input: string, config?: ParseConfig): ParseResult;
  export function unparse(data: ReadonlyArray<ReadonlyArray<string>>, config?: UnparseConfig): string;

  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
