/** Why Send cannot go yet, as reason codes the page explains next to the button. Pure. */
import type { AttachmentBudget } from './attachments.ts';
import { countRecipients, invalidTokens, type RecipientsByField } from './recipients.ts';

export type SendBlocker = 'no-recipients' | 'invalid-recipients' | 'attachments-too-large';

export function sendBlockers(recipients: RecipientsByField, budget: AttachmentBudget): SendBlocker[] {
  const blockers: SendBlocker[] = [];
  // An address that was typed but is invalid is the thing to fix; "add a recipient" would blame the user wrongly.
  if (invalidTokens(recipients).length > 0) blockers.push('invalid-recipients');
  else if (countRecipients(recipients) === 0) blockers.push('no-recipients');
  if (budget.over) blockers.push('attachments-too-large');
  return blockers;
}
