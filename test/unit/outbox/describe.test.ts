/**
 * The outcome-to-text table: every state and every stop code of the Gmail policy has a sentence in both languages,
 * the right actions, and the table has no side effect (the outbox decides; the table only describes).
 */
import { describe, expect, it } from 'vitest';
import type { StopCode } from '../../../src/gmail/policy.ts';
import { describeEntry, type EntryAction } from '../../../src/outbox/core/describe.ts';
import { outboxText } from '../../../src/text/outbox.ts';
import { sendText } from '../../../src/text/send.ts';
import { entry, session, t0 } from './entries.ts';

const text: Record<string, { en: string; ja: string }> = { ...sendText, ...outboxText };

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

/** Every `{name}` in both languages is given a value by the view (or is `{field}`, which the UI fills). */
function expectFilled(key: string, values: Record<string, unknown>, fieldKey?: string) {
  const sentence = text[key];
  expect(sentence, key).toBeDefined();
  for (const language of ['en', 'ja'] as const) {
    for (const [, name] of sentence![language].matchAll(/\{(\w+)\}/g)) {
      if (name === 'field') expect(fieldKey, `${key} {field}`).toBeDefined();
      else expect(values, `${key} {${name}}`).toHaveProperty(name as string);
    }
  }
}

describe('each state', () => {
  const cases: Array<[string, Parameters<typeof entry>[0], string, EntryAction[]]> = [
    ['held', { state: 'held', notBefore: t0 + 4_200 }, 'outbox.held', ['undo', 'send-now']],
    ['queued, due', { state: 'queued' }, 'outbox.sending', ['cancel']],
    ['queued, offline', { state: 'queued', blocked: { kind: 'online' } }, 'outbox.waiting.online', ['cancel']],
    [
      'queued, needs a token',
      { state: 'queued', blocked: { kind: 'token', consent: false } },
      'outbox.waiting.token',
      ['connect-and-send', 'cancel'],
    ],
    [
      'queued, needs consent',
      { state: 'queued', blocked: { kind: 'token', consent: true } },
      'outbox.waiting.consent',
      ['connect-and-send', 'cancel'],
    ],
    [
      'queued, Gmail asked to wait',
      { state: 'queued', notBefore: t0 + 8_000, waitReason: 'server-error', retries: 2 },
      'gmail.wait.server-error',
      ['cancel'],
    ],
    [
      'queued, paced for later',
      { state: 'queued', notBefore: t0 + 60_000, waitReason: 'pacing' },
      'outbox.scheduled',
      ['cancel'],
    ],
    ['sending JSON', { state: 'sending', inFlight: { kind: 'json' } }, 'outbox.sending', []],
    [
      'sending an upload',
      {
        state: 'sending',
        inFlight: { kind: 'upload' },
        upload: { ...session, confirmed: 4_194_304, finalChunkSent: false },
      },
      'outbox.uploading',
      ['cancel'],
    ],
    [
      'sent',
      { state: 'sent', result: { gmailId: 'a', threadId: 'a', sentAt: t0 } },
      'outbox.sent',
      ['open-in-gmail', 'dismiss'],
    ],
    [
      'not sure, lost answer',
      { state: 'not-sure', problem: { code: 'lost-answer' } },
      'outbox.not-sure.lost-answer',
      ['open-sent', 'send-again', 'dismiss'],
    ],
    [
      'not sure, 5xx',
      { state: 'not-sure', problem: { code: 'server-error' } },
      'outbox.not-sure.server-error',
      ['open-sent', 'send-again', 'dismiss'],
    ],
    [
      'not sure, page closed',
      { state: 'not-sure', problem: { code: 'page-closed' } },
      'outbox.not-sure.page-closed',
      ['open-sent', 'send-again', 'dismiss'],
    ],
    [
      'not sure, session gone',
      { state: 'not-sure', problem: { code: 'session-gone' } },
      'outbox.not-sure.session-gone',
      ['open-sent', 'send-again', 'dismiss'],
    ],
    ['cancelled', { state: 'cancelled' }, 'outbox.cancelled', ['edit', 'dismiss']],
  ];
  it.each(cases)('%s', (_name, overrides, key, actions) => {
    const view = describeEntry(entry(overrides), t0);
    expect(view.key).toBe(key);
    expect(view.actions).toEqual(actions);
    expectFilled(view.key, view.values, view.fieldKey);
  });

  it('counts the hold down in whole seconds, never showing 0 while waiting', () => {
    expect(describeEntry(entry({ state: 'held', notBefore: t0 + 4_200 }), t0).values).toEqual({ seconds: 5 });
    expect(describeEntry(entry({ state: 'held', notBefore: t0 + 4_200 }), t0 + 4_100).values).toEqual({ seconds: 1 });
  });

  it('shows an upload’s progress from the sending tab, else from the saved checkpoint', () => {
    const uploading = entry({
      state: 'sending',
      inFlight: { kind: 'upload' },
      upload: { ...session, confirmed: 1_048_576, finalChunkSent: false },
    });
    expect(describeEntry(uploading, t0).progress).toEqual({ sent: 1_048_576, total: session.total });
    expect(describeEntry(uploading, t0, { progress: { sent: 5_242_880, total: session.total } }).progress).toEqual({
      sent: 5_242_880,
      total: session.total,
    });
  });
});

describe('every stop code of the Gmail policy', () => {
  it.each(stopCodes)('%s has a sentence with its values, and a way forward', (code) => {
    for (const resumeAt of [undefined, t0 + 3_600_000]) {
      const failed = entry({
        state: 'failed',
        problem: {
          code,
          resumeAt,
          field: code === 'invalid-header' ? 'cc' : undefined,
          sizeBytes: 12e6,
          limitBytes: 3e6,
        },
      });
      const view = describeEntry(failed, t0);
      expectFilled(view.key, view.values, view.fieldKey);
      expect(view.tone).toBe('error');
      expect(view.actions.at(-1)).toBe('dismiss');
      expect(view.actions.length).toBeGreaterThan(1);
    }
  });

  it('a refused address offers to edit the message; an insufficient grant, to reconnect', () => {
    expect(
      describeEntry(entry({ state: 'failed', problem: { code: 'invalid-header', field: 'to' } }), t0),
    ).toMatchObject({
      key: 'gmail.stop.invalid-header',
      fieldKey: 'gmail.field.to',
      actions: ['edit', 'dismiss'],
    });
    expect(describeEntry(entry({ state: 'failed', problem: { code: 'insufficient-scope' } }), t0).actions[0]).toBe(
      'connect-and-send',
    );
  });

  it('a limit with a time says when sending can resume', () => {
    const view = describeEntry(
      entry({ state: 'failed', problem: { code: 'sending-limit', resumeAt: t0 + 900_000 } }),
      t0,
    );
    expect(view).toMatchObject({ key: 'gmail.stop.sending-limit.at', values: { resumeAt: t0 + 900_000 } });
  });
});
