import { type BlobMessageDraft, buildMessageBlobOffThread } from '../../src/mail/index.ts';
import { type BenchMessage, installBench } from './harness.ts';
import { toDraft } from './ours-draft.ts';

/** The benchmark message with its attachment as a File, as the compose form holds it (made outside the timing). */
function toBlobDraft(m: BenchMessage): BlobMessageDraft<Blob> {
  const { attachments, ...rest } = toDraft(m);
  return {
    ...rest,
    attachments: (attachments ?? []).map(({ data, ...attachment }) => ({
      ...attachment,
      blob: new File([data as Uint8Array<ArrayBuffer>], attachment.filename, { type: attachment.contentType }),
    })),
  };
}

/**
 * `buildMessageBlobOffThread`: the File goes to the worker by reference, is read and built there, and the message
 * comes back as a Blob made in the worker.
 */
installBench('ours (worker, Blob in and out)', {
  input: toBlobDraft,
  build: (draft) => buildMessageBlobOffThread(draft),
});
