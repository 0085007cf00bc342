/**
 * Module worker for mail-merge lists: decoding, parsing, checking every address and writing the results file, so a
 * 10,000-row list never holds up the page. Knows nothing of the UI; `import-off-thread.ts` is its only caller.
 * Started as `new Worker(new URL(…), { type: 'module' })` from the page's own origin: the CSP says
 * `worker-src 'self'`, so there is no blob: worker (which is also why papaparse's own worker mode is not used).
 */
import { handleImportRequest, newWorkerState } from './import-handler.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const state = newWorkerState();
scope.onmessage = (event) => {
  void handleImportRequest(event.data, state, (response, transfer = []) => scope.postMessage(response, transfer));
};
