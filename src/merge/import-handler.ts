/**
 * What the import worker does with each message: the worker file's whole job, kept apart from it so tests run it
 * in-process.
 */
import { guessColumns } from './core/columns.ts';
import { type ImportedList, importListBytes, importListText } from './core/list.ts';
import { analyseRecipients, emptySettings, type ListAnalysis } from './core/recipients.ts';
import { exportResults } from './core/results.ts';
import { type ImportRequest, type ImportResponse, inBatches } from './import-protocol.ts';

export type Post = (response: ImportResponse, transfer?: Transferable[]) => void;

function postAnalysis(analysis: ListAnalysis, post: Post): void {
  for (const rows of inBatches(analysis.rows)) post({ kind: 'analysis-rows', rows });
  post({ kind: 'analysis-done', ready: analysis.ready, excluded: analysis.excluded, leftOut: analysis.leftOut });
}

/** The worker's memory: imported lists by id, and the records of the results file being written. */
export interface WorkerState {
  lists: Map<number, ImportedList>;
  exportRecords: string[][];
}

export const newWorkerState = (): WorkerState => ({ lists: new Map(), exportRecords: [] });

/**
 * Handles one message. An import or analysis ends with `analysis-done`, an export with `exported`; any of them may
 * end with `failed` instead. `forget` and `export-rows` answer nothing.
 */
export async function handleImportRequest(request: ImportRequest, state: WorkerState, post: Post): Promise<void> {
  try {
    switch (request.kind) {
      case 'import-bytes':
      case 'import-text': {
        const list =
          request.kind === 'import-bytes'
            ? importListBytes(new Uint8Array(request.bytes), request.options)
            : importListText(request.text, request.options);
        state.lists.set(request.listId, list);
        const columns = guessColumns(list);
        const { rows, ...rest } = list;
        post({ kind: 'list', list: rest, columns });
        for (const batch of inBatches(rows)) post({ kind: 'rows', rows: batch });
        postAnalysis(analyseRecipients(list, emptySettings(columns)), post);
        return;
      }
      case 'analyse': {
        const list = state.lists.get(request.listId);
        if (!list) throw new Error(`no list ${request.listId} in this worker`);
        postAnalysis(analyseRecipients(list, request.settings), post);
        return;
      }
      case 'forget':
        state.lists.delete(request.listId);
        return;
      case 'export-rows':
        state.exportRecords.push(...request.records);
        return;
      case 'export-end': {
        const records = state.exportRecords;
        state.exportRecords = [];
        const file = await exportResults(records, request.target);
        post({ kind: 'exported', file }, [file.bytes.buffer as ArrayBuffer]);
        return;
      }
    }
  } catch (error) {
    post({ kind: 'failed', message: String(error) });
  }
}
