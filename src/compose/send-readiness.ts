/** Why Send cannot go yet, as reason codes the page explains next to the button. Pure. */
import type { AttachmentBudget } from './attachments.ts';
import { countRecipients, invalidTokens, type RecipientsByField } from './recipients.ts';

export type SendBlocker = 'no-recipients' | 'invalid-recipients' | 'attachments-too-large';

export function sendBlockers(recipients: RecipientsByField, budget: AttachmentBudget): SendBlocker[] {
  const blockers: SendBlocker[] = [];
  if (countRecipients(recipients) === 0) blockers.push('no-recipients');
  if (invalidTokens(recipients).length > 0) blockers.push('invalid-recipients');
  if (budget.over) blockers.push('attachments-too-large');
  return blockers;
}
