/**
 * Module worker that builds large messages off the main thread, so base64 of a 25 MiB attachment never freezes the
 * page. Knows nothing of the UI; `build-off-thread.ts` is its only caller.
 */
import { type BuildRequest, handleBuildRequest } from './worker-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<BuildRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

// The Blob is made here so its 35 MB copy into Blob storage costs this thread, not the page's; the page gets a
// reference. `message/rfc822` is what Gmail's media upload takes.
const makeBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'message/rfc822' });

const scope = self as unknown as WorkerScope;
scope.onmessage = async (event) => {
  const { response, transfer } = await handleBuildRequest(event.data, makeBlob);
  scope.postMessage(response, transfer);
};
