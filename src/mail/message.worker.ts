/**
 * Module worker that builds large messages off the main thread, so base64 of a 25 MiB attachment never freezes the
 * page. Knows nothing of the UI; `build-off-thread.ts` is its only caller.
 */
import { type BuildRequest, handleBuildRequest } from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<BuildRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { response, transfer } = handleBuildRequest(event.data);
  scope.postMessage(response, transfer);
};
