/**
 * What the compose page needs right after first paint but not to show the form: the token session and account
 * area (Google's scripts take far longer to arrive than this chunk), address checking, the draft and sent-log
 * stores, the send flow and its notices, the sent log. One chunk, requested as soon as the page starts,
 * so the first download stays within the byte budget (bench/first-load.ts) without delaying anything the user sees.
 */

export { AccountStatus } from '../auth/ui/AccountStatus.tsx';
export { AuthProblem } from '../auth/ui/AuthProblem.tsx';
export { createDraftStore } from '../compose/draft-store.ts';
export { parseRecipient } from '../compose/recipient-parser.ts';
export { createSendFlow } from '../compose/send-flow.ts';
export { createSentLogStore } from '../compose/sent-log.ts';
export { indexedDbBackend, sessionTextSlot } from '../compose/storage-backend.ts';
export { sendNotice } from '../compose/ui/SendNotice.tsx';
export { authText } from '../text/auth.ts';
export { createSendServices } from './send-services.ts';
export { createAppSession } from './session.ts';

export type AfterPaint = typeof import('./after-paint.ts');
