/** The draft: plain data for everything the user has typed and attached. What is autosaved and restored. */
import type { RecipientField } from './recipients.ts';

export interface DraftAttachment {
  id: string;
  name: string;
  /** MIME type as the browser reported it; empty when unknown. */
  type: string;
  size: number;
  blob: Blob;
}

export interface RecipientDraft {
  /** Committed tokens, as typed. */
  tokens: string[];
  /** Text still being typed in the field. */
  typing: string;
}

export interface Draft {
  to: RecipientDraft;
  cc: RecipientDraft;
  bcc: RecipientDraft;
  /** Whether Cc and Bcc were opened, so a restored draft looks as it was left. */
  showCopies: boolean;
  subject: string;
  body: string;
  attachments: DraftAttachment[];
}

export function emptyDraft(): Draft {
  return {
    to: { tokens: [], typing: '' },
    cc: { tokens: [], typing: '' },
    bcc: { tokens: [], typing: '' },
    showCopies: false,
    subject: '',
    body: '',
    attachments: [],
  };
}

const fields: RecipientField[] = ['to', 'cc', 'bcc'];

/** True when there is nothing worth keeping (so nothing is saved and no "restored" notice is shown). */
export function isEmptyDraft(draft: Draft): boolean {
  return (
    fields.every((field) => draft[field].tokens.length === 0 && draft[field].typing.trim() === '') &&
    draft.subject.trim() === '' &&
    draft.body.trim() === '' &&
    draft.attachments.length === 0
  );
}

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
    attachments,
  };
  return isEmptyDraft(draft) ? null : draft;
}
