import { wrappedBase64Length } from './base64.ts';
import { measureMessage } from './build.ts';
import { AttachmentTooLargeError, MessageTooLargeError } from './errors.ts';
import {
  ATTACHMENT_SIZE_LIMIT,
  type AttachmentInput,
  type BuildOptions,
  MESSAGE_SIZE_LIMIT,
  type MessageDraft,
} from './types.ts';

/**
 * The part of a Blob (or File) the builder uses. Structural, so this module needs no DOM types: a browser Blob, a
 * File from an `<input>` or IndexedDB, and Node's Blob all fit.
 */
export interface BlobLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** An attachment whose bytes are still in a Blob; they are read only where the message is built. */
export interface BlobAttachmentInput<B extends BlobLike = BlobLike> extends Omit<AttachmentInput, 'data'> {
  blob: B;
}

/** A draft whose attachments may be Blobs instead of bytes (both kinds may be mixed). */
export interface BlobMessageDraft<B extends BlobLike = BlobLike> extends Omit<MessageDraft, 'attachments'> {
  attachments?: (AttachmentInput | BlobAttachmentInput<B>)[];
}

const noBytes = new Uint8Array(0);

function sizeOf(attachment: AttachmentInput | BlobAttachmentInput): number {
  return 'blob' in attachment ? attachment.blob.size : attachment.data.length;
}

/**
 * The exact size of the message `buildMessage` would make once the Blobs are read, without reading them: an
 * attachment's headers do not depend on its bytes, and its body is `wrappedBase64Length(size)` long. Throws the same
 * validation errors as `measureMessage`.
 */
export function measureBlobDraft(draft: BlobMessageDraft, options: BuildOptions = {}): number {
  const attachments = draft.attachments ?? [];
  const headersOnly: MessageDraft = {
    ...draft,
    attachments: attachments.map((a) => ('blob' in a ? { ...withoutBlob(a), data: noBytes } : a)),
  };
  const blobBodies = attachments.reduce((n, a) => n + ('blob' in a ? wrappedBase64Length(a.blob.size) : 0), 0);
  return measureMessage(headersOnly, options) + blobBodies;
}

function withoutBlob({ blob: _blob, ...rest }: BlobAttachmentInput): Omit<AttachmentInput, 'data'> {
  return rest;
}

/**
 * `checkSizeLimits` with sizes taken from `Blob.size`: the same errors, in the same order, so a draft over the limit
 * fails before any file is read. (`buildMessage` checks again on the real bytes.)
 */
export function checkBlobSizeLimits(draft: BlobMessageDraft, messageSize: number): void {
  let total = 0;
  for (const attachment of draft.attachments ?? []) {
    const size = sizeOf(attachment);
    if (size > ATTACHMENT_SIZE_LIMIT)
      throw new AttachmentTooLargeError(attachment.filename, size, ATTACHMENT_SIZE_LIMIT);
    total += size;
  }
  if (total > ATTACHMENT_SIZE_LIMIT) throw new AttachmentTooLargeError(undefined, total, ATTACHMENT_SIZE_LIMIT);
  if (messageSize > MESSAGE_SIZE_LIMIT) throw new MessageTooLargeError(messageSize, MESSAGE_SIZE_LIMIT);
}

/** Reads every Blob attachment into bytes: the draft `buildMessage` takes. */
export async function readBlobDraft(draft: BlobMessageDraft): Promise<MessageDraft> {
  const attachments = await Promise.all(
    (draft.attachments ?? []).map(
      async (a): Promise<AttachmentInput> =>
        'blob' in a ? { ...withoutBlob(a), data: new Uint8Array(await a.blob.arrayBuffer()) } : a,
    ),
  );
  return { ...draft, attachments };
}
