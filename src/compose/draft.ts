/** The draft: plain data for everything the user has typed and attached. What is autosaved and restored. */
import type { RichBody } from '../editor/rich-body.ts';
import type { RecipientField } from './recipients.ts';

export type { RichBody };

/** Rich text (the editor) or plain text (the textarea). */
export type BodyMode = 'rich' | 'plain';

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
  /** The plain-text body (plain mode). */
  body: string;
  /** The body in rich mode; null until the editor has taken over (text typed before that is in `body`). */
  rich: RichBody | null;
  /** Which of the two is the message; a draft without one (saved by version 1) is plain. */
  mode: BodyMode;
  /** The person left the signature out of this message. */
  noSignature?: boolean;
  attachments: DraftAttachment[];
  /**
   * Set while this draft is held for the undo window as outbox entry `outboxId`, and saved at once: a page closed
   * then brings the draft back (the outbox never got it), while a page closed just after the outbox took it does
   * not (the message is the outbox's, and showing it again would invite a second send).
   */
  outboxId?: string;
}

export function emptyDraft(mode: BodyMode = 'plain'): Draft {
  return {
    to: { tokens: [], typing: '' },
    cc: { tokens: [], typing: '' },
    bcc: { tokens: [], typing: '' },
    showCopies: false,
    subject: '',
    body: '',
    rich: null,
    mode,
    attachments: [],
  };
}

/** Empty to a reader: no text once the markup is gone, and no picture. Cheap on purpose (first load). */
export function isEmptyRich(rich: RichBody | null): boolean {
  if (!rich) return true;
  return rich.inlineImages.length === 0 && rich.html.replace(/<(?!img)[^>]*>|&nbsp;|\s/gi, '') === '';
}

const fields: RecipientField[] = ['to', 'cc', 'bcc'];

/** True when there is nothing worth keeping (so nothing is saved and no "restored" notice is shown). */
export function isEmptyDraft(draft: Draft): boolean {
  return (
    fields.every((field) => draft[field].tokens.length === 0 && draft[field].typing.trim() === '') &&
    draft.subject.trim() === '' &&
    draft.body.trim() === '' &&
    isEmptyRich(draft.rich) &&
    draft.attachments.length === 0
  );
}
