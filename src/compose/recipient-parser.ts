/** One token's text read with src/mail's address grammar, so the field and the built message agree on validity. */
import { parseAddressList } from '../mail/address.ts';
import type { ParsedRecipient } from './recipients.ts';

export function parseRecipient(text: string): ParsedRecipient {
  const { mailboxes, problems } = parseAddressList(text);
  const problem = problems[0];
  if (problem) return { ok: false, problem: problem.code };
  const [mailbox, ...extra] = mailboxes;
  if (!mailbox) return { ok: false, problem: 'empty' };
  // The field splits at the same separators as the parser, so two mailboxes in one token means text after the
  // address that the parser read as another entry: not what the user meant to be one recipient.
  if (extra.length > 0) return { ok: false, problem: 'trailing-text' };
  return { ok: true, mailbox };
}
