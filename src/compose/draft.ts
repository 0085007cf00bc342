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
  /**
   * Set while this draft is held for the undo window as outbox entry `outboxId`, and saved at once: a page closed
   * then brings the draft back (the outbox never got it), while a page closed just after the outbox took it does
   * not (the message is the outbox's, and showing it again would invite a second send).
   */
  outboxId?: string;
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
