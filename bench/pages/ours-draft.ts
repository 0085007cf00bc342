import type { MessageDraft } from '../../src/mail/index.ts';
import type { BenchMessage } from './harness.ts';

/** The benchmark message as our builder's draft. */
export function toDraft(m: BenchMessage): MessageDraft {
  return {
    from: m.from,
    to: [m.to],
    subject: m.subject,
    text: m.text,
    attachments: m.attachment ? [m.attachment] : [],
  };
}
