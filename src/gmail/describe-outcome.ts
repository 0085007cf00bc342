/**
 * Which sentence (src/text/send.ts) and which raw placeholder values describe an outcome or a wait. The UI formats the
 * values (sizes with formatBytes, times with formatDateTime) in the page's language; this module stays pure.
 */
import { maxRetries } from './policy.ts';
import type { SendOutcome, WaitInfo } from './sender.ts';

export interface MessageRef {
  key: string;
  /** Byte counts as `size`/`limit`/`reduceBy`, epoch ms as `resumeAt`, plain numbers otherwise. */
  values: Record<string, number | string>;
  /** Message key for `{field}`, when the error points at a header. */
  fieldKey?: string;
}

export function describeOutcome(outcome: SendOutcome): MessageRef {
  switch (outcome.kind) {
    case 'sent':
      return { key: 'gmail.sent', values: {} };
    case 'cancelled':
      return { key: 'gmail.cancelled', values: {} };
    case 'needs-reauth':
      return { key: 'gmail.needs-reauth', values: {} };
    case 'uncertain':
      return { key: 'gmail.uncertain', values: {} };
    case 'stopped': {
      const values: Record<string, number | string> = { details: outcome.message ?? '', maxAttempts: maxRetries + 1 };
      if (outcome.sizeBytes !== undefined) values.size = outcome.sizeBytes;
      if (outcome.limitBytes !== undefined) values.limit = outcome.limitBytes;
      if (outcome.sizeBytes !== undefined && outcome.limitBytes !== undefined) {
        values.reduceBy = Math.max(0, outcome.sizeBytes - outcome.limitBytes);
      }
      const timed = ['daily-limit', 'sending-limit', 'rate-limited'].includes(outcome.code) && outcome.resumeAt;
      if (timed) values.resumeAt = outcome.resumeAt as number;
      const key = `gmail.stop.${outcome.code}${timed ? '.at' : ''}`;
      return outcome.field ? { key, values, fieldKey: `gmail.field.${outcome.field}` } : { key, values };
    }
  }
}

export function describeWait(wait: WaitInfo, now: number): MessageRef {
  return {
    key: `gmail.wait.${wait.reason}`,
    values: {
      seconds: Math.max(0, Math.ceil((wait.until - now) / 1000)),
      attempt: wait.attempt,
      maxAttempts: maxRetries,
    },
  };
}
