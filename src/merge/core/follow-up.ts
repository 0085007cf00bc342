/**
 * A follow-up to chosen rows of a finished campaign, in the same Gmail threads. Gmail files a sent message into a
 * thread only when (discovery, `Message.threadId`) the request names the `threadId`, the `References` and
 * `In-Reply-To` headers are set as RFC 2822 says, and the subjects match; "Re: " in front still matches.
 */
import type { MessageDraft } from '../../mail/types.ts';
import type { RowEntryView } from './entries.ts';

export interface FollowUpSource {
  row: number;
  entry: RowEntryView;
  /** The References of the original, when it was itself a follow-up: the chain grows by one each time. */
  references?: readonly string[];
}

/** What one row's follow-up needs beyond its new body: where it goes and the headers that keep the thread. */
export interface FollowUpThread {
  row: number;
  threadId: string;
  to: readonly string[];
  cc: readonly string[];
  bcc: readonly string[];
  /** The original's Message-ID, without brackets. */
  inReplyTo: string;
  /** RFC 5322 §3.6.4: the original's References, then its Message-ID. */
  references: string[];
  subject: string;
}

export type FollowUpRefusal = { row: number; reason: 'not-sent' };

const REPLY_PREFIX = /^\s*(re|ｒｅ|回答|返信)\s*[:：]/iu;

/** "Re: " + the subject, unless it already starts with a reply prefix (Gmail's own Reply does the same). */
export function replySubject(subject: string): string {
  return REPLY_PREFIX.test(subject) ? subject : `Re: ${subject}`;
}

const bare = (id: string) => id.trim().replace(/^<|>$/g, '');

/**
 * The thread data for each chosen row. Only rows whose message was sent have a thread to answer; the others are
 * refused by row (a "not sure" row may never have arrived, so it gets no follow-up until the user decides).
 */
export function followUpThreads(sources: readonly FollowUpSource[]): {
  threads: FollowUpThread[];
  refused: FollowUpRefusal[];
} {
  const threads: FollowUpThread[] = [];
  const refused: FollowUpRefusal[] = [];
  for (const { row, entry, references } of sources) {
    if (entry.state !== 'sent' || !entry.result) {
      refused.push({ row, reason: 'not-sent' });
      continue;
    }
    const messageId = bare(entry.messageId);
    const chain = (references ?? []).map(bare).filter((id) => id !== '' && id !== messageId);
    threads.push({
      row,
      threadId: entry.result.threadId,
      to: entry.summary.to,
      cc: entry.summary.cc,
      bcc: entry.summary.bcc,
      inReplyTo: messageId,
      references: [...chain, messageId],
      subject: replySubject(entry.summary.subject),
    });
  }
  return { threads, refused };
}

/** The part of a follow-up's draft the thread decides; the body, From and attachments come from the new template. */
export function threadFields(thread: FollowUpThread): Pick<MessageDraft, 'inReplyTo' | 'references' | 'subject'> {
  return { inReplyTo: thread.inReplyTo, references: thread.references, subject: thread.subject };
}
