/**
 * One row's message: the rendered subject and body, the row's recipients (or, for the test, the user alone), the
 * campaign's attachments and the row's own, the List-Unsubscribe header if chosen, and for a follow-up the thread
 * headers. Pure: it returns the draft the message worker builds (src/mail `buildMessageBlobOffThread`) and the
 * summary the outbox keeps.
 */
import type { BlobMessageDraft } from '../mail/blob-draft.ts';
import type { Mailbox } from '../mail/types.ts';
import type { CampaignFile, CampaignFiles, CampaignRecord } from './campaign-record.ts';
import type { RowCheck } from './campaign-rows.ts';
import { threadFields } from './core/follow-up.ts';
import type { ListRow } from './core/list.ts';
import { type CompiledTemplate, renderRow } from './core/placeholders.ts';
import { cellText } from './core/recipients.ts';

export interface RowMessageInput {
  record: CampaignRecord;
  files: CampaignFiles;
  compiled: CompiledTemplate;
  listRow: ListRow;
  check: RowCheck;
  /** Fixed now, so every attempt of this entry carries the same one (and a follow-up can answer it). */
  messageId: string;
  /** The test message: the same message, to this address only. */
  testTo?: string;
}

export interface RowMessage {
  draft: BlobMessageDraft<Blob>;
  summary: { to: string[]; cc: string[]; bcc: string[]; subject: string };
  threadId?: string;
}

const attachment = (file: CampaignFile) => ({ filename: file.name, contentType: file.type, blob: file.blob });
const addresses = (mailboxes: readonly Mailbox[]) => mailboxes.map((mailbox) => mailbox.address);

/** Thread addresses with the names the list gives them (the thread keeps addresses only). */
function named(list: readonly string[], known: readonly Mailbox[]): Mailbox[] {
  return list.map((address) => known.find((mailbox) => mailbox.address === address) ?? { address });
}

export function rowMessage(input: RowMessageInput): RowMessage {
  const { record, check, listRow } = input;
  const rendered = renderRow(input.compiled, (column) => cellText(listRow, column, record.settings));
  const thread = record.followUp?.threads.find((each) => each.row === listRow.row);
  const { recipients } = check;
  let to = recipients.to;
  let cc = recipients.cc;
  let bcc = recipients.bcc;
  if (thread) {
    const known = [...to, ...cc, ...bcc];
    to = named(thread.to, known);
    cc = named(thread.cc, known);
    bcc = named(thread.bcc, known);
  }
  if (input.testTo !== undefined) {
    to = [{ address: input.testTo }];
    cc = [];
    bcc = [];
  }
  const subject = thread ? thread.subject : rendered.subject;
  const draft: BlobMessageDraft<Blob> = {
    ...(record.account ? { from: { address: record.account } } : {}),
    to,
    cc,
    bcc,
    subject,
    text: rendered.text,
    ...(rendered.html !== undefined ? { html: rendered.html } : {}),
    attachments: [...input.files.common, ...check.files].map(attachment),
    messageId: input.messageId,
    ...(record.unsubscribe ? { listUnsubscribe: record.unsubscribe } : {}),
    ...(thread && input.testTo === undefined ? threadFields(thread) : {}),
  };
  const message: RowMessage = {
    draft,
    summary: { to: addresses(to), cc: addresses(cc), bcc: addresses(bcc), subject },
  };
  if (thread && input.testTo === undefined) message.threadId = thread.threadId;
  return message;
}
