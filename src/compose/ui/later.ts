/**
 * What the compose page receives once the after-first-paint chunk has arrived (src/app/after-paint.ts): the
 * address grammar and the outbox's notices, panel and sent log. Types only here, so none of it weighs on the first
 * load; until it arrives the form works and Send waits.
 */
import type { describeEntry } from '../../outbox/core/describe.ts';
import type { entryNotice, entryText } from '../../outbox/ui/entry-notice.tsx';
import type { OutboxPanel } from '../../outbox/ui/OutboxPanel.tsx';
import type { SentLog } from '../../outbox/ui/SentLog.tsx';
import type { RecipientParser } from '../recipients.ts';

export interface ComposeLater {
  parseRecipient: RecipientParser;
  describeEntry: typeof describeEntry;
  entryNotice: typeof entryNotice;
  entryText: typeof entryText;
  OutboxPanel: typeof OutboxPanel;
  SentLog: typeof SentLog;
}
