/**
 * Why a message came back to the form (Gmail refused it, or it was cancelled before it left), worded as the
 * outbox words it, with the action the form's notice offers. In the after-paint chunk: only a sent message can
 * come back.
 */
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { describeEntry } from '../../outbox/core/describe.ts';
import type { OutboxEntry } from '../../outbox/core/entry.ts';
import { entryText } from '../../outbox/ui/entry-notice.tsx';
import type { SendFailure } from '../failure.ts';

export function returnedFailure(t: Translate, language: Language, entry: OutboxEntry): SendFailure {
  if (entry.state === 'cancelled') return { messageKey: 'outbox.cancelled.returned', action: 'none' };
  const view = describeEntry(entry, Date.now());
  const action = view.actions.includes('connect-and-send')
    ? 'reconnect'
    : view.actions.includes('retry')
      ? 'retry'
      : view.fieldKey
        ? 'focus-recipients'
        : 'none';
  return { messageKey: view.key, text: entryText(t, language, view), action, code: entry.problem?.code };
}
