/**
 * What the compose page needs right after first paint but not to show the form: the token session and account
 * area (Google's scripts take far longer to arrive than this chunk), address checking, the draft store, the
 * outbox with its notices, panel and sent log. One chunk, requested as soon as the page starts, so the first
 * download stays within the byte budget (bench/first-load.ts) without delaying anything the user sees.
 */
export { AccountStatus } from '../auth/ui/AccountStatus.tsx';
export { AuthProblem } from '../auth/ui/AuthProblem.tsx';
export { createDraftStore } from '../compose/draft-store.ts';
export { parseRecipient } from '../compose/recipient-parser.ts';
export { actOnEntry } from '../compose/ui/entry-actions.ts';
export { returnedFailure } from '../compose/ui/returned-failure.ts';
export { loadConfig } from '../config-file.ts';
export { describeEntry } from '../outbox/core/describe.ts';
export { readHoldSeconds, saveHoldSeconds } from '../outbox/hold-setting.ts';
export { entryNotice } from '../outbox/ui/entry-notice.tsx';
export { OutboxPanel } from '../outbox/ui/OutboxPanel.tsx';
export { SentEntries } from '../outbox/ui/SentEntries.tsx';
export { indexedDbBackend, sessionTextSlot } from '../storage/key-value.ts';
export { authText } from '../text/auth.ts';
export { createAppOutbox } from './app-outbox.ts';
export { createComposeServices } from './compose-services.ts';
export { MergeView } from './MergeView.tsx';
export { createAppSession } from './session.ts';

export type AfterPaint = typeof import('./after-paint.ts');
