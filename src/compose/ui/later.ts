/**
 * What the compose page receives once the after-first-paint chunk has arrived (src/app/after-paint.ts): the
 * address grammar and the outbox's notices, panel and sent log. Types only here, so none of it weighs on the first
 * load; until it arrives the form works and Send waits.
 */
import type { describeEntry } from '../../outbox/core/describe.ts';
import type { entryNotice } from '../../outbox/ui/entry-notice.tsx';
import type { OutboxPanel } from '../../outbox/ui/OutboxPanel.tsx';
import type { SentEntries } from '../../outbox/ui/SentEntries.tsx';
import type { RecipientParser } from '../recipients.ts';
import type { actOnEntry } from './entry-actions.ts';
import type { returnedFailure } from './returned-failure.ts';

export interface ComposeLater {
  parseRecipient: RecipientParser;
  describeEntry: typeof describeEntry;
  entryNotice: typeof entryNotice;
  OutboxPanel: typeof OutboxPanel;
  SentEntries: typeof SentEntries;
  returnedFailure: typeof returnedFailure;
  actOnEntry: typeof actOnEntry;
}
