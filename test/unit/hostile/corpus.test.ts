/**
 * The hostile-input corpus through the message builder: every case builds a message that reads back exactly as
 * written (test/support/hostile-check.ts), or throws the typed error the case names, with an English and a Japanese
 * sentence. Nothing else is acceptable: no plain Error, no TypeError, no silently altered header.
 */
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../src/mail/build.ts';
import { MailError } from '../../../src/mail/errors.ts';
import type { MessageDraft } from '../../../src/mail/types.ts';
import { formatMailError } from '../../../src/text/mail.ts';
import { expectedMessage, messageProblems } from '../../support/hostile-check.ts';
import { expandFiles, fileBytes, type HostileCase, hostileCorpus } from '../../support/hostile-corpus.ts';

function toDraft(hostile: HostileCase): MessageDraft {
  return {
    from: { address: 'alice@example.com' },
    to: hostile.to,
    cc: hostile.cc ?? [],
    bcc: hostile.bcc ?? [],
    subject: hostile.subject,
    text: hostile.body,
    attachments: expandFiles(hostile.files).map((file, index) => ({
      filename: file.name,
      contentType: file.type,
      data: fileBytes(file.size, index),
    })),
  };
}

const options = { now: new Date('2026-11-26T08:30:00+09:00') };

function attempt(hostile: HostileCase): { bytes: Uint8Array } | { error: unknown } {
  try {
    return { bytes: buildMessage(toDraft(hostile), options) };
  } catch (error) {
    return { error };
  }
}

describe('hostile-input corpus through the message builder', () => {
  it('has at least 40 cases with unique ids', () => {
    expect(hostileCorpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(hostileCorpus.map((hostile) => hostile.id)).size).toBe(hostileCorpus.length);
  });

  it('the read-back check catches an injected header, a changed subject and a bare LF', async () => {
    const raw = new TextEncoder().encode(
      'To: bob@example.com\r\nBcc: evil@attacker.example\r\nX-Injected: 1\r\nSubject: changed\r\n\r\nx\n',
    );
    const problems = await messageProblems(raw, {
      to: [{ address: 'bob@example.com' }],
      cc: [],
      bcc: [],
      subject: 'original',
      body: 'x',
      files: [],
    });
    expect(problems.join('\n')).toMatch(/bare LF/);
    expect(problems.join('\n')).toMatch(/unexpected header x-injected/);
    expect(problems.join('\n')).toMatch(/bcc: got \[\{"address":"evil@attacker.example"/);
    expect(problems.join('\n')).toMatch(/subject: got "changed"/);
  });

  for (const hostile of hostileCorpus) {
    const expected = hostile.builder;
    if ('ok' in expected) {
      it(`${hostile.id}: ${hostile.title} → a correct message`, async () => {
        const result = attempt(hostile);
        if ('error' in result) throw new Error(`expected a message, got ${String(result.error)}`);
        expect(await messageProblems(result.bytes, expectedMessage(hostile, 'builder'))).toEqual([]);
      });
    } else {
      it(`${hostile.id}: ${hostile.title} → ${expected.error}`, () => {
        const result = attempt(hostile);
        if (!('error' in result)) throw new Error(`expected ${expected.error}, got a message`);
        expect(result.error).toBeInstanceOf(MailError);
        const error = result.error as MailError;
        expect(error.code).toBe(expected.error);
        // The user reads a sentence in either language, never the code or a placeholder.
        for (const locale of ['en', 'ja'] as const) {
          const sentence = formatMailError(error, locale);
          expect(sentence).not.toMatch(/\{|\}|^mail\./);
          expect(sentence.length).toBeGreaterThan(10);
        }
      });
    }
  }
});
