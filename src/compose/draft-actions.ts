/** Every edit to the draft as a pure reducer, so the form's behaviour is tested without rendering it. */
import { splitAll, splitAtSeparators } from './address-split.ts';
import type { BodyMode, Draft, DraftAttachment, RichBody } from './draft.ts';
import type { RecipientField } from './recipients.ts';

export type DraftAction =
  /** Text typed into a recipient field: complete pieces (ended by `,` `;` or a line break) become tokens. */
  | { type: 'type-recipient'; field: RecipientField; text: string }
  /** Text typed during an IME composition: kept as is until the composition ends. */
  | { type: 'set-recipient-typing'; field: RecipientField; text: string }
  /** Enter, leaving the field, or Send: everything typed (plus pasted `extra`, appended) becomes tokens. */
  | { type: 'commit-recipient'; field: RecipientField; extra?: string }
  | { type: 'remove-recipient'; field: RecipientField; index: number }
  /** Backspace in an empty field removes the last token. */
  | { type: 'remove-last-recipient'; field: RecipientField }
  | { type: 'show-copies' }
  | { type: 'set-subject'; text: string }
  | { type: 'set-body'; text: string }
  /** An edit in the rich editor: its value, kept as the very object it gave (see src/editor/README.md). */
  | { type: 'set-rich'; rich: RichBody }
  /**
   * The rich editor takes over from the plain textarea: applied only while there is no rich body yet. Effects of
   * several renders can each ask for it (they run after paint, with their render's draft); a second one would
   * replace the editor's content, and the keys typed since, with the text of the handover.
   */
  | { type: 'hand-over-to-rich'; rich: RichBody }
  /** Rich to plain or back, with the body already converted. */
  | { type: 'set-mode'; mode: BodyMode; body: string; rich: RichBody | null }
  | { type: 'set-signature'; include: boolean }
  | { type: 'add-attachments'; attachments: DraftAttachment[] }
  | { type: 'remove-attachment'; id: string }
  | { type: 'replace'; draft: Draft };

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'type-recipient': {
      const { complete, rest } = splitAtSeparators(action.text);
      const current = draft[action.field];
      return { ...draft, [action.field]: { tokens: [...current.tokens, ...complete], typing: rest } };
    }
    case 'set-recipient-typing':
      return { ...draft, [action.field]: { ...draft[action.field], typing: action.text } };
    case 'commit-recipient': {
      const current = draft[action.field];
      const pieces = splitAll(current.typing + (action.extra ?? ''));
      if (pieces.length === 0 && current.typing === '') return draft;
      return { ...draft, [action.field]: { tokens: [...current.tokens, ...pieces], typing: '' } };
    }
    case 'remove-recipient': {
      const current = draft[action.field];
      return {
        ...draft,
        [action.field]: { ...current, tokens: current.tokens.filter((_, index) => index !== action.index) },
      };
    }
    case 'remove-last-recipient': {
      const current = draft[action.field];
      if (current.tokens.length === 0 || current.typing !== '') return draft;
      return { ...draft, [action.field]: { ...current, tokens: current.tokens.slice(0, -1) } };
    }
    case 'show-copies':
      return { ...draft, showCopies: true };
    case 'set-subject':
      return { ...draft, subject: action.text };
    case 'set-body':
      return { ...draft, body: action.text };
    case 'set-rich':
      return { ...draft, rich: action.rich, body: '' };
    case 'hand-over-to-rich':
      return draft.rich === null ? { ...draft, rich: action.rich, body: '' } : draft;
    case 'set-mode':
      return { ...draft, mode: action.mode, body: action.body, rich: action.rich };
    case 'set-signature':
      return { ...draft, noSignature: !action.include };
    case 'add-attachments':
      return action.attachments.length
        ? { ...draft, attachments: [...draft.attachments, ...action.attachments] }
        : draft;
    case 'remove-attachment':
      return { ...draft, attachments: draft.attachments.filter((attachment) => attachment.id !== action.id) };
    case 'replace':
      return action.draft;
  }
}

/** Commits what is still typed in every field: Send must act on what the user sees, not only on finished tokens. */
export function commitAllTyping(draft: Draft): Draft {
  return (['to', 'cc', 'bcc'] as const).reduce(
    (current, field) => draftReducer(current, { type: 'commit-recipient', field }),
    draft,
  );
}
