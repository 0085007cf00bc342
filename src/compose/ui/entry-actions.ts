/**
 * What each button on an outbox entry does to the entry and to the form (Undo gives the held message back, Edit
 * brings a waiting one back into the form, Send again, Cancel…). In the after-paint chunk, with the notices and
 * the panel that offer these buttons. Actions that may need Google's popup get their token inside the click
 * (`withToken` runs synchronously).
 */
import type { EntryAction } from '../../outbox/core/describe.ts';
import type { OutboxEntry } from '../../outbox/core/entry.ts';
import type { Outbox } from '../../outbox/outbox.ts';
import { type Draft, isEmptyDraft } from '../draft.ts';
import type { DraftAction } from '../draft-actions.ts';

export interface EntryActionForm {
  outbox: Outbox;
  /** Requests a token in the click (the popup at most once), then runs `then`; a token failure is shown by it. */
  withToken(then: () => void): void;
  dispatch(action: DraftAction): void;
  /** The form's current draft (read when the action runs, after any await). */
  draft(): Draft;
  /** The entry the form follows, if any. */
  trackedId: string | null;
  track(id: string | null): void;
  /** Clears the form's own notice. */
  idle(): void;
  announce(text: string): void;
  undoneText: string;
  replaceQuestion: string;
  focusForm(): void;
}

export function actOnEntry(form: EntryActionForm, action: EntryAction, entry: OutboxEntry): void {
  const { outbox } = form;
  switch (action) {
    case 'undo': {
      const held = outbox.undo(entry.id) as Draft | undefined;
      if (held) form.dispatch({ type: 'replace', draft: held });
      form.track(null);
      form.idle();
      form.announce(form.undoneText);
      form.focusForm();
      return;
    }
    case 'send-now':
      outbox.sendNow(entry.id);
      return;
    case 'send-again':
    case 'retry':
      form.withToken(() => void outbox.resend(entry.id));
      form.track(entry.id);
      return;
    case 'connect-and-send':
      form.withToken(() => (entry.state === 'failed' ? void outbox.resend(entry.id) : outbox.kick()));
      return;
    case 'edit':
      void outbox.payload(entry.id).then(async (payload) => {
        const restored = payload?.draft as Draft | undefined;
        if (!restored) return;
        if (!isEmptyDraft(form.draft()) && !confirm(form.replaceQuestion)) return;
        form.dispatch({ type: 'replace', draft: { ...restored, outboxId: undefined } });
        await outbox.discard(entry.id);
        if (form.trackedId === entry.id) form.track(null);
        form.focusForm();
      });
      return;
    case 'cancel':
      void outbox.cancel(entry.id);
      return;
    case 'dismiss':
      if (entry.state === 'not-sure' || entry.state === 'failed') void outbox.acknowledge(entry.id);
      if (entry.state === 'cancelled') void outbox.discard(entry.id);
      if (form.trackedId === entry.id) form.track(null);
      return;
    case 'open-in-gmail':
    case 'open-sent':
      return;
  }
}
