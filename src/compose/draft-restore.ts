/** Reading a stored draft back. Kept apart from draft.ts so it loads with the store, after first paint. */
import { type Draft, type DraftAttachment, isEmptyDraft, type RecipientDraft, type RichBody } from './draft.ts';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function readRecipients(value: unknown): RecipientDraft {
  const record = (value ?? {}) as Record<string, unknown>;
  return {
    tokens: isStringArray(record.tokens) ? [...record.tokens] : [],
    typing: typeof record.typing === 'string' ? record.typing : '',
  };
}

function readAttachment(value: unknown): DraftAttachment | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof Blob === 'undefined' || !(record.blob instanceof Blob)) return null;
  return {
    id: typeof record.id === 'string' ? record.id : crypto.randomUUID(),
    name: typeof record.name === 'string' ? record.name : 'attachment',
    type: typeof record.type === 'string' ? record.type : '',
    size: record.blob.size,
    blob: record.blob,
  };
}

/** A stored rich body, or null; its pictures must still be Blobs (IndexedDB keeps them; a rescue copy cannot). */
function readRich(value: unknown): RichBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { html?: unknown; inlineImages?: unknown };
  if (typeof record.html !== 'string') return null;
  const images = Array.isArray(record.inlineImages) ? record.inlineImages : [];
  const inlineImages = images.flatMap((image: unknown) => {
    const item = image as Record<string, unknown> | null;
    if (!item || typeof item.contentId !== 'string' || typeof Blob === 'undefined' || !(item.blob instanceof Blob))
      return [];
    return [
      {
        contentId: item.contentId,
        filename: typeof item.filename === 'string' ? item.filename : 'image',
        type: typeof item.type === 'string' ? item.type : item.blob.type,
        blob: item.blob,
      },
    ];
  });
  return { html: record.html, inlineImages };
}

/**
 * Reads a stored draft defensively: storage outlives app versions and can be edited by hand, so anything
 * malformed becomes its empty equivalent rather than an exception that would hide the rest of the draft.
 */
export function draftFromStored(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const attachments = Array.isArray(record.attachments)
    ? record.attachments.map(readAttachment).filter((item): item is DraftAttachment => item !== null)
    : [];
  const draft: Draft = {
    to: readRecipients(record.to),
    cc: readRecipients(record.cc),
    bcc: readRecipients(record.bcc),
    showCopies: record.showCopies === true,
    subject: typeof record.subject === 'string' ? record.subject : '',
    body: typeof record.body === 'string' ? record.body : '',
    rich: readRich(record.rich),
    mode: record.mode === 'rich' ? 'rich' : 'plain',
    ...(record.noSignature === true ? { noSignature: true } : {}),
    attachments,
    ...(typeof record.outboxId === 'string' ? { outboxId: record.outboxId } : {}),
  };
  return isEmptyDraft(draft) ? null : draft;
}
