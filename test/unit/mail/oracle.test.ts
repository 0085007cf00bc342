/**
 * Cross-builder oracle (Node only): nodemailer's MailComposer builds the same draft independently; both messages are
 * parsed by postal-mime and the parsed results compared. Bytes differ (boundaries, ids, encodings) and must.
 */
import fc from 'fast-check';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../src/mail/build.ts';
import type { Mailbox, MessageDraft } from '../../../src/mail/types.ts';
import { fullDraft, parse } from './fixtures.ts';

const address = (mailbox: Mailbox) => ({ name: mailbox.name ?? '', address: mailbox.address });

async function nodemailerBytes(draft: MessageDraft, from: Mailbox | undefined): Promise<Uint8Array> {
  const node = new MailComposer({
    ...(from ? { from: address(from) } : {}),
    to: draft.to.map(address),
    cc: (draft.cc ?? []).map(address),
    bcc: (draft.bcc ?? []).map(address),
    replyTo: (draft.replyTo ?? []).map(address),
    subject: draft.subject,
    text: draft.text,
    ...(draft.html !== undefined ? { html: draft.html } : {}),
    ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
    ...(draft.references ? { references: draft.references } : {}),
    date: draft.date ?? new Date('2026-11-26T00:00:00Z'),
    attachments: (draft.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.data),
      ...(attachment.contentId ? { cid: attachment.contentId } : {}),
    })),
  }).compile();
  // nodemailer drops Bcc by default; Gmail routes on it, so the oracle keeps it as we do (mime.md §3.3).
  node.keepBcc = true;
  return new Uint8Array(await node.build());
}

/**
 * Body text compared by lines: nodemailer keeps the LF line breaks it is given inside base64 parts while we write
 * canonical CRLF (RFC 2046 §4.1.1), and postal-mime adds a final "\n" to quoted-printable parts; an empty body
 * comes back as undefined, "" or "\n" depending on the builder. Applied to both sides alike.
 */
const bodyLines = (text: string | undefined) => (text ?? '').replace(/\r\n|\r|\n/g, '\n').replace(/\n$/, '');

/** Display names and subjects as a reader sees them: we trim names, nodemailer quotes a name of spaces as is. */
const visible = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const people = (list: { name: string; address?: string }[] | undefined) =>
  list?.map((entry) => ({ ...entry, name: visible(entry.name) }));

/** The parts of a parsed message that must agree: everything but ids, dates and transfer details. */
async function comparable(bytes: Uint8Array) {
  const parsed = await parse(bytes);
  return {
    from: parsed.from && { ...parsed.from, name: visible(parsed.from.name) },
    to: people(parsed.to),
    cc: people(parsed.cc),
    bcc: people(parsed.bcc),
    replyTo: people(parsed.replyTo),
    subject: visible(parsed.subject),
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    text: bodyLines(parsed.text),
    html: parsed.html === undefined ? undefined : bodyLines(parsed.html),
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename,
      mimeType: attachment.mimeType,
      disposition: attachment.disposition,
      contentId: attachment.contentId,
      content: Buffer.from(attachment.content as ArrayBuffer).toString('base64'),
    })),
  };
}

describe('nodemailer MailComposer oracle', () => {
  it('the full Japanese draft parses to the same message from both builders', async () => {
    const draft = { ...fullDraft(), date: new Date('2026-11-26T00:00:00Z') };
    // nodemailer does not punycode display addresses the same way; give both the ASCII form of the From domain.
    const from = { name: draft.from!.name!, address: 'taro@xn--r8jz45g.jp' };
    const ours = await comparable(buildMessage({ ...draft, from }));
    const theirs = await comparable(await nodemailerBytes(draft, from));
    expect(ours).toEqual(theirs);
  });

  it('random subjects, names, bodies and files parse the same from both builders', async () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 60 })
      .filter((s) => ![...s].some((c) => c < ' ' || c === '\u007f'));
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.array(fc.record({ name: text.filter((s) => s.trim() !== ''), data: fc.uint8Array({ maxLength: 200 }) }), {
          maxLength: 2,
        }),
        async (subject, name, body, files) => {
          const draft: MessageDraft = {
            to: [{ name, address: 'you@example.com' }],
            bcc: [{ address: 'hidden@example.com' }],
            subject,
            text: body,
            attachments: files.map((file) => ({
              filename: `${file.name}.bin`,
              contentType: 'application/octet-stream',
              data: file.data,
            })),
          };
          const ours = await comparable(buildMessage(draft));
          const theirs = await comparable(await nodemailerBytes(draft, undefined));
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 60 },
    );
  });
});
