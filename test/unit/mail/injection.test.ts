import { describe, expect, it } from 'vitest';
import { buildMessage, measureMessage } from '../../../src/mail/build.ts';
import { HeaderInjectionError } from '../../../src/mail/errors.ts';
import type { MessageDraft } from '../../../src/mail/types.ts';
import { fullDraft } from './fixtures.ts';

type Edit = (draft: MessageDraft, value: string) => void;

/** Every header input of a draft, with the field path the error must name. */
const fields: [string, Edit][] = [
  ['from.name', (d, v) => (d.from!.name = v)],
  ['from.address', (d, v) => (d.from!.address = v)],
  ['to[1].name', (d, v) => (d.to[1]!.name = v)],
  ['to[2].address', (d, v) => (d.to[2]!.address = v)],
  ['cc[0].name', (d, v) => (d.cc![0]!.name = v)],
  ['cc[0].address', (d, v) => (d.cc![0]!.address = v)],
  ['bcc[0].name', (d, v) => (d.bcc![0]!.name = v)],
  ['bcc[0].address', (d, v) => (d.bcc![0]!.address = v)],
  ['replyTo[1].name', (d, v) => (d.replyTo![1]!.name = v)],
  ['replyTo[0].address', (d, v) => (d.replyTo![0]!.address = v)],
  ['subject', (d, v) => (d.subject = v)],
  ['messageId', (d, v) => (d.messageId = v)],
  ['inReplyTo', (d, v) => (d.inReplyTo = v)],
  ['references[1]', (d, v) => (d.references![1] = v)],
  ['attachments[0].filename', (d, v) => (d.attachments![0]!.filename = v)],
  ['attachments[0].contentType', (d, v) => (d.attachments![0]!.contentType = v)],
  ['attachments[0].contentId', (d, v) => (d.attachments![0]!.contentId = v)],
  ['attachments[2].filename', (d, v) => (d.attachments![2]!.filename = v)],
  ['listUnsubscribe.address', (d, v) => (d.listUnsubscribe = { mailto: v })],
  ['listUnsubscribe.subject', (d, v) => (d.listUnsubscribe = { mailto: 'taro@example.jp', subject: v })],
];

const payloads = [
  ['CRLF + Bcc', 'x@example.com\r\nBcc: evil@attacker.example'],
  ['bare LF', 'line\nX-Injected: 1'],
  ['bare CR', 'line\rX-Injected: 1'],
  ['NUL', 'a\u0000b@example.com'],
  ['ESC', 'a\u001b[31m'],
  ['DEL', 'a\u007fb'],
  ['Japanese then LF', '件名\nBcc: evil@attacker.example'],
] as const;

describe('header injection', () => {
  for (const [field, edit] of fields) {
    it.each(payloads)(`${field}: %s throws HeaderInjectionError and produces no output`, (_label, payload) => {
      const draft = fullDraft();
      edit(draft, payload);
      let output: Uint8Array | undefined;
      let caught: unknown;
      try {
        output = buildMessage(draft);
      } catch (error) {
        caught = error;
      }
      expect(output).toBeUndefined();
      expect(caught).toBeInstanceOf(HeaderInjectionError);
      expect((caught as HeaderInjectionError).field).toBe(field);
      expect(() => measureMessage(draft)).toThrow(HeaderInjectionError);
    });
  }

  it('leaves body text alone: line breaks and control characters belong there', () => {
    const draft = fullDraft();
    draft.text = 'line 1\r\nline 2\u0000\u0007\n';
    expect(() => buildMessage(draft)).not.toThrow();
  });
});
