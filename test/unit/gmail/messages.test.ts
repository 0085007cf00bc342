import { describe, expect, it } from 'vitest';
import { describeOutcome, describeWait } from '../../../src/gmail/describe-outcome.ts';
import type { StopCode } from '../../../src/gmail/policy.ts';
import { gmailSentFolderLink, gmailWebLink } from '../../../src/gmail/sender.ts';
import { sendText } from '../../../src/text/send.ts';

const table: Record<string, { en: string; ja: string }> = sendText;

const stopCodes: StopCode[] = [
  'daily-limit',
  'sending-limit',
  'rate-limited',
  'server-error',
  'offline',
  'invalid-header',
  'recipient-required',
  'insufficient-scope',
  'api-not-enabled',
  'domain-policy',
  'delegation-denied',
  'mail-service-disabled',
  'invalid-thread',
  'too-large',
  'bad-request',
  'upload-unreachable',
  'upload-stalled',
  'client-not-ready',
  'unknown',
];

describe('send text', () => {
  it('describes every stop code, with and without a resume time', () => {
    for (const code of stopCodes) {
      const plain = describeOutcome({ kind: 'stopped', code });
      expect(table[plain.key]?.en, code).toBeTruthy();
      const timed = describeOutcome({ kind: 'stopped', code, resumeAt: Date.now() + 60_000 });
      expect(table[timed.key]?.en, code).toBeTruthy();
    }
    for (const kind of ['sent', 'needs-reauth', 'uncertain', 'cancelled'] as const) {
      const ref = describeOutcome(kind === 'sent' ? { kind, id: 'a', threadId: 'a', labelIds: [] } : { kind });
      expect(table[ref.key]?.ja).toBeTruthy();
    }
  });

  it('gives the size to remove when the upload endpoint is unreachable', () => {
    const ref = describeOutcome({
      kind: 'stopped',
      code: 'upload-unreachable',
      sizeBytes: 12_000_000,
      limitBytes: 3_374_990,
    });
    expect(ref).toEqual({
      key: 'gmail.stop.upload-unreachable',
      values: { size: 12_000_000, limit: 3_374_990, reduceBy: 8_625_010, details: '', maxAttempts: 6 },
    });
  });

  it('names the field a 400 points at', () => {
    const ref = describeOutcome({ kind: 'stopped', code: 'invalid-header', field: 'cc' });
    expect(ref.fieldKey).toBe('gmail.field.cc');
    expect(table['gmail.field.cc']?.ja).toBe('Cc');
  });

  it('counts down a wait in whole seconds', () => {
    const ref = describeWait({ until: 10_500, reason: 'rate-limit', attempt: 2 }, 8_000);
    expect(ref).toEqual({ key: 'gmail.wait.rate-limit', values: { seconds: 3, attempt: 2, maxAttempts: 5 } });
  });
});

describe('Gmail web links', () => {
  it('opens the sent message in the account given by address', () => {
    expect(gmailWebLink('https://mail.google.com/', 'alice@example.com', '19cde51dc125579f')).toBe(
      'https://mail.google.com/mail/u/alice@example.com/#sent/19cde51dc125579f',
    );
  });
  it('falls back to account 0 and to the Sent folder', () => {
    expect(gmailWebLink('http://127.0.0.1:8790', null, '')).toBe('http://127.0.0.1:8790/mail/u/0/#sent');
    expect(gmailSentFolderLink('https://mail.google.com/', 'a+b@example.com')).toBe(
      'https://mail.google.com/mail/u/a%2Bb@example.com/#sent',
    );
  });
});
