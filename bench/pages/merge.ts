/**
 * Mail merge in a benchmark page (bench/groups/merge.ts drives it through `mergeBench`): a 10,000-row list imported
 * through the app's import worker client, from UTF-8 or Shift_JIS bytes (made before the timing), next to
 * papaparse parsing the same decoded text on the main thread; and 1,000 rows' messages rendered from a template with
 * placeholders, next to a one-line regular-expression replace, then built into MIME messages in the message worker
 * as the campaign does before each row's request. Each action marks its window `bench:start` / `bench:end`.
 */
import Papa from 'papaparse';
import type { BlobMessageDraft } from '../../src/mail/blob-draft.ts';
import { buildMessageBlobOffThread, prewarmMessageWorker } from '../../src/mail/index.ts';
import type { ImportedList } from '../../src/merge/core/list.ts';
import { compileTemplate, renderRow } from '../../src/merge/core/placeholders.ts';
import { cellText, emptySettings, type ListSettings } from '../../src/merge/core/recipients.ts';
import { encodeShiftJis } from '../../src/merge/core/shift-jis.ts';
import { createImportWorkerClient, type ImportWorkerClient } from '../../src/merge/import-off-thread.ts';

export type ListEncoding = 'utf-8' | 'shift_jis';

export interface ImportRun {
  wallMs: number;
  rows: number;
  ready: number;
  encoding: string;
}

export interface RenderRun {
  wallMs: number;
  rows: number;
  /** Characters of subject and body written, to show every row was rendered. */
  chars: number;
}

/** A list as Japanese Excel writes it: CRLF, a quoted cell with a line break every seventh row. */
function listText(count: number): string {
  const lines = ['氏名,メールアドレス,会社名,備考'];
  for (let i = 1; i <= count; i++) {
    const note = i % 7 === 0 ? '"ご担当者様へ\n資料送付済み"' : `第${i}回`;
    lines.push(`山田 太郎${i},user${i}@example.jp,株式会社サンプル${i % 50},${note}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const template = {
  subject: '{{氏名}} 様：{{会社名}} へのご案内',
  text: '{{氏名|お客様}} 様\n\nいつもお世話になっております。{{会社名}} のご担当者様へ、資料をお送りします。\n備考: {{備考|なし}}\n',
};

let client: ImportWorkerClient | null = null;
let bytes: Uint8Array | null = null;
let list: ImportedList | null = null;
let settings: ListSettings | null = null;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function window<T>(work: () => Promise<T> | T): Promise<{ value: T; wallMs: number }> {
  await nextTask();
  performance.mark('bench:start');
  const from = performance.now();
  const value = await work();
  const wallMs = performance.now() - from;
  performance.mark('bench:end');
  await nextTask();
  return { value, wallMs };
}

const mergeBench = {
  /** The list's bytes, and a started worker (the merge screen prewarms it when it opens). */
  async prepareImport(rows: number, encoding: ListEncoding): Promise<number> {
    const text = listText(rows);
    bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeShiftJis(text).bytes;
    client?.dispose();
    client = createImportWorkerClient();
    client.prewarm();
    // Let the worker start and compile before the timing, as it does while the person picks a file.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return bytes.length;
  },
  /** Decode, parse and check in the worker, the rows back on the page in batches: what the list step waits for. */
  async runImport(): Promise<ImportRun> {
    const copy = bytes!.slice();
    const { value, wallMs } = await window(() => client!.importFile(copy));
    list = value.list;
    settings = emptySettings(value.columns);
    value.close();
    return {
      wallMs,
      rows: value.list.rows.length,
      ready: value.analysis.ready,
      encoding: value.list.source.encoding ?? 'text',
    };
  },
  /** The peer: papaparse over the same text, decoded beforehand, on the main thread (what a page without a worker does). */
  async runPapaparseOnPage(encoding: ListEncoding): Promise<ImportRun> {
    const text = new TextDecoder(encoding).decode(bytes!);
    const { value, wallMs } = await window(() => Papa.parse(text, { skipEmptyLines: true }));
    return { wallMs, rows: value.data.length - 1, ready: 0, encoding };
  },
  async prepareRender(rows: number): Promise<void> {
    await mergeBench.prepareImport(rows, 'utf-8');
    await mergeBench.runImport();
    prewarmMessageWorker();
    await new Promise((resolve) => setTimeout(resolve, 500));
  },
  /** Every row's subject and body from the template, on the main thread (preview, checks and each row's draft). */
  async runRender(): Promise<RenderRun> {
    const rows = list!.rows;
    const { value, wallMs } = await window(() => {
      const compiled = compileTemplate(template, list!.headers);
      let chars = 0;
      for (const row of rows) {
        const message = renderRow(compiled, (column) => cellText(row, column, settings!));
        chars += message.subject.length + message.text.length;
      }
      return chars;
    });
    return { wallMs, rows: rows.length, chars: value };
  },
  /** The peer: a regular-expression replace per placeholder, no checks, no escaping, no full-width braces. */
  async runRegexRender(): Promise<RenderRun> {
    const rows = list!.rows;
    const index = new Map<string, number>(list!.headers.map((name: string, i: number) => [name, i]));
    const fill = (text: string, cells: readonly string[]) =>
      text.replace(/\{\{([^}|]+)(?:\|([^}]*))?\}\}/g, (_, name: string, fallback?: string) => {
        const value = cells[index.get(name.trim()) ?? -1] ?? '';
        return value === '' ? (fallback ?? '') : value;
      });
    const { value, wallMs } = await window(() => {
      let chars = 0;
      for (const row of rows) chars += fill(template.subject, row.cells).length + fill(template.text, row.cells).length;
      return chars;
    });
    return { wallMs, rows: rows.length, chars: value };
  },
  /** Renders and builds every row's MIME message in the message worker, one at a time as the campaign does. */
  async runBuild(): Promise<RenderRun> {
    const rows = list!.rows;
    const compiled = compileTemplate(template, list!.headers);
    const { value, wallMs } = await window(async () => {
      let size = 0;
      for (const row of rows) {
        const message = renderRow(compiled, (column) => cellText(row, column, settings!));
        const draft: BlobMessageDraft<Blob> = {
          from: { address: 'alice@example.com' },
          to: [{ name: row.cells[0] ?? '', address: row.cells[1] ?? '' }],
          subject: message.subject,
          text: message.text,
          attachments: [],
          messageId: `row-${row.row}.bench@example.com`,
        };
        size += (await buildMessageBlobOffThread(draft)).size;
      }
      return size;
    });
    return { wallMs, rows: rows.length, chars: value };
  },
};

export type MergeBenchApi = typeof mergeBench;
(globalThis as unknown as { mergeBench: MergeBenchApi }).mergeBench = mergeBench;
