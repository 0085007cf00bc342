import type { BlobLike, BlobMessageDraft } from './blob-draft.ts';
import { readBlobDraft } from './blob-draft.ts';
import { buildMessage } from './build.ts';
import { MailError, type MailErrorRecord } from './errors.ts';
import type { MessageDraft } from './types.ts';

/**
 * Page -> worker. `now` is fixed by the page so the Date header is the moment Send was pressed.
 * `output: 'bytes'` (the default) answers with the message's buffer, transferred; `'blob'` reads the draft's Blob
 * attachments here and answers with a Blob made here, so neither the files nor the message are copied on the page.
 */
export interface BuildRequest<B extends BlobLike = BlobLike> {
  draft: MessageDraft | BlobMessageDraft<B>;
  now: number;
  messageIdDomain?: string;
  output?: 'bytes' | 'blob';
}

/**
 * Worker -> page. Typed builder errors cross as records and are rebuilt as classes on the page side; a file that
 * could not be read crosses as its DOMException's name and message.
 */
export type BuildResponse<B extends BlobLike = BlobLike> =
  | { ok: true; bytes: Uint8Array }
  | { ok: true; blob: B }
  | { ok: false; error: MailErrorRecord }
  | { ok: false; readError: { name: string; message: string } }
  | { ok: false; unexpected: string };

/** Makes the answer Blob (the worker passes `new Blob`; this module stays free of platform types). */
export type MakeBlob<B extends BlobLike> = (bytes: Uint8Array) => B;

/**
 * What the worker does with one request: read the Blobs if any, build, and hand the output over (a transferred
 * buffer, or a Blob made by `makeBlob`).
 */
export async function handleBuildRequest<B extends BlobLike>(
  request: BuildRequest,
  makeBlob?: MakeBlob<B>,
): Promise<{ response: BuildResponse<B>; transfer: ArrayBuffer[] }> {
  let draft: MessageDraft;
  try {
    draft = await readBlobDraft(request.draft);
  } catch (error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return { response: { ok: false, readError: { name: String(name), message: String(message) } }, transfer: [] };
  }
  try {
    const options = {
      now: new Date(request.now),
      ...(request.messageIdDomain ? { messageIdDomain: request.messageIdDomain } : {}),
    };
    const bytes = buildMessage(draft, options);
    if (request.output === 'blob') {
      if (!makeBlob) throw new Error('a Blob was asked for, but this worker cannot make one');
      return { response: { ok: true, blob: makeBlob(bytes) }, transfer: [] };
    }
    return { response: { ok: true, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
  } catch (error) {
    if (error instanceof MailError) return { response: { ok: false, error: error.toRecord() }, transfer: [] };
    return { response: { ok: false, unexpected: String(error) }, transfer: [] };
  }
}
