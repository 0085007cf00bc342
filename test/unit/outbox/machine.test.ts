import { describe, expect, it } from 'vitest';
import type { EntryState, OutboxEntry } from '../../../src/outbox/core/entry.ts';
import {
  isDue,
  mayBeDelivered,
  maySendFrom,
  type OutboxEvent,
  OutboxTransitionError,
  transition,
} from '../../../src/outbox/core/machine.ts';
import { entry, session, t0 } from './entries.ts';

const states: EntryState[] = ['held', 'queued', 'sending', 'sent', 'not-sure', 'failed', 'cancelled'];

const events: Record<OutboxEvent['type'], OutboxEvent> = {
  release: { type: 'release' },
  undo: { type: 'undo' },
  claim: { type: 'claim', inFlight: { kind: 'preparing' } },
  checkpoint: { type: 'checkpoint', inFlight: { kind: 'json' } },
  sent: { type: 'sent', result: { gmailId: '19cde51dc125579f', threadId: '19cde51dc125579f', sentAt: t0 + 1 } },
  'retry-later': { type: 'retry-later', until: t0 + 2_000, reason: 'rate-limit' },
  blocked: { type: 'blocked', blocker: { kind: 'online' } },
  unblock: { type: 'unblock' },
  uncertain: { type: 'uncertain', problem: { code: 'lost-answer' } },
  stopped: { type: 'stopped', problem: { code: 'invalid-header', field: 'to' } },
  cancel: { type: 'cancel' },
  recover: { type: 'recover' },
  resend: { type: 'resend' },
  acknowledge: { type: 'acknowledge' },
  pause: { type: 'pause' },
  reschedule: { type: 'reschedule', notBefore: t0 + 60_000 },
  'confirm-sent': { type: 'confirm-sent' },
};

/** What each event does from each state: the resulting state, or '-' for a refusal. */
const table: Record<OutboxEvent['type'], Record<EntryState, EntryState | '-'>> = {
  release: { held: 'queued', queued: '-', sending: '-', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  undo: { held: 'cancelled', queued: '-', sending: '-', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  claim: { held: '-', queued: 'sending', sending: '-', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  checkpoint: { held: '-', queued: '-', sending: 'sending', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  sent: { held: '-', queued: '-', sending: 'sent', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  'retry-later': { held: '-', queued: '-', sending: 'queued', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  blocked: { held: '-', queued: 'queued', sending: 'queued', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  unblock: { held: '-', queued: 'queued', sending: '-', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  uncertain: { held: '-', queued: '-', sending: 'not-sure', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  stopped: { held: '-', queued: '-', sending: 'failed', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  // From `sending` only while nothing may have been delivered (the fixture's inFlight is `preparing`).
  cancel: {
    held: '-',
    queued: 'cancelled',
    sending: 'cancelled',
    sent: '-',
    'not-sure': '-',
    failed: 'cancelled',
    cancelled: '-',
  },
  recover: { held: '-', queued: '-', sending: 'queued', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  resend: { held: '-', queued: '-', sending: '-', sent: '-', 'not-sure': 'queued', failed: 'queued', cancelled: '-' },
  acknowledge: {
    held: '-',
    queued: '-',
    sending: '-',
    sent: '-',
    'not-sure': 'not-sure',
    failed: 'failed',
    cancelled: '-',
  },
  pause: { held: '-', queued: 'queued', sending: '-', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  reschedule: { held: '-', queued: 'queued', sending: '-', sent: '-', 'not-sure': '-', failed: '-', cancelled: '-' },
  'confirm-sent': { held: '-', queued: '-', sending: '-', sent: '-', 'not-sure': 'sent', failed: '-', cancelled: '-' },
};

function inState(state: EntryState): OutboxEntry {
  return entry({ state, ...(state === 'sending' ? { inFlight: { kind: 'preparing' } } : {}) });
}

describe('every event from every state', () => {
  const cases = Object.entries(table).flatMap(([event, row]) =>
    states.map((state) => [event as OutboxEvent['type'], state, row[state]] as const),
  );
  it.each(cases)('%s from %s -> %s', (event, state, expected) => {
    const run = () => transition(inState(state), events[event], t0 + 10);
    if (expected === '-') expect(run).toThrow(OutboxTransitionError);
    else {
      const next = run();
      expect(next.state).toBe(expected);
      expect(next.updatedAt).toBe(t0 + 10);
    }
  });
});

describe('what each step keeps', () => {
  it('a claim counts an attempt and names the request in flight', () => {
    const next = transition(entry(), { type: 'claim', inFlight: { kind: 'preparing' } }, t0);
    expect(next).toMatchObject({ state: 'sending', attempts: 1, inFlight: { kind: 'preparing' } });
  });

  it('a blocked entry is not claimed until it is unblocked', () => {
    const blocked = transition(entry(), { type: 'blocked', blocker: { kind: 'token', consent: false } }, t0);
    expect(() => transition(blocked, events.claim, t0)).toThrow(OutboxTransitionError);
    expect(isDue(blocked, t0)).toBe(false);
    const unblocked = transition(blocked, { type: 'unblock' }, t0);
    expect(unblocked.blocked).toBeUndefined();
    expect(isDue(unblocked, t0)).toBe(true);
  });

  it('a retry waits, counts, and keeps the upload session', () => {
    const upload = { ...session, confirmed: 4 * 1048576, finalChunkSent: false };
    const sending = entry({ state: 'sending', inFlight: { kind: 'upload' }, upload });
    const next = transition(sending, { type: 'retry-later', until: t0 + 4_000, reason: 'server-error' }, t0);
    expect(next).toMatchObject({
      state: 'queued',
      notBefore: t0 + 4_000,
      retries: 1,
      waitReason: 'server-error',
      upload,
    });
    expect(next.inFlight).toBeUndefined();
    expect(isDue(next, t0 + 3_999)).toBe(false);
    expect(isDue(next, t0 + 4_000)).toBe(true);
  });

  it('sent keeps Gmail’s ids and forgets the upload and any earlier problem', () => {
    const sending = entry({
      state: 'sending',
      inFlight: { kind: 'upload' },
      upload: { ...session, confirmed: session.total, finalChunkSent: true },
      problem: { code: 'server-error' },
    });
    const next = transition(sending, events.sent, t0);
    expect(next.result).toEqual({ gmailId: '19cde51dc125579f', threadId: '19cde51dc125579f', sentAt: t0 + 1 });
    expect(next.upload).toBeUndefined();
    expect(next.problem).toBeUndefined();
  });

  it('a resend starts the automatic retries again and never resumes an upload whose last byte left', () => {
    const finished = entry({
      state: 'not-sure',
      retries: 4,
      attempts: 2,
      upload: { ...session, confirmed: 11_000_000, finalChunkSent: true },
      problem: { code: 'lost-answer' },
      acknowledged: true,
    });
    const next = transition(finished, { type: 'resend' }, t0);
    expect(next).toMatchObject({ state: 'queued', retries: 0, attempts: 2 });
    expect(next.upload).toBeUndefined();
    expect(next.problem).toBeUndefined();
    expect(next.acknowledged).toBeUndefined();
    expect(next.messageId).toBe(finished.messageId);
  });

  it('a failed upload that never sent its last byte resumes its session on resend', () => {
    const upload = { ...session, confirmed: 2_097_152, finalChunkSent: false };
    const next = transition(entry({ state: 'failed', upload, problem: { code: 'upload-stalled' } }), events.resend, t0);
    expect(next.upload).toEqual(upload);
  });

  it('cancel is refused once the message may be complete at Gmail', () => {
    const json = entry({ state: 'sending', inFlight: { kind: 'json' } });
    const lastChunk = entry({
      state: 'sending',
      inFlight: { kind: 'upload' },
      upload: { ...session, confirmed: 11_534_336, finalChunkSent: true },
    });
    const midUpload = entry({
      state: 'sending',
      inFlight: { kind: 'upload' },
      upload: { ...session, confirmed: 4_194_304, finalChunkSent: false },
    });
    expect(mayBeDelivered(json)).toBe(true);
    expect(mayBeDelivered(lastChunk)).toBe(true);
    expect(mayBeDelivered(midUpload)).toBe(false);
    expect(() => transition(json, events.cancel, t0)).toThrow(OutboxTransitionError);
    expect(() => transition(lastChunk, events.cancel, t0)).toThrow(OutboxTransitionError);
    expect(transition(midUpload, events.cancel, t0).state).toBe('cancelled');
  });
});

describe('what a campaign asks of its entries', () => {
  it('a pause keeps a queued message from starting; a new time lets it go then', () => {
    const paused = transition(entry(), { type: 'pause' }, t0);
    expect(paused.blocked).toEqual({ kind: 'paused' });
    expect(isDue(paused, t0 + 86_400_000)).toBe(false);
    const again = transition(paused, { type: 'reschedule', notBefore: t0 + 30_000 }, t0);
    expect(again).toMatchObject({ state: 'queued', notBefore: t0 + 30_000, waitReason: 'pacing' });
    expect(again.blocked).toBeUndefined();
    expect(isDue(again, t0 + 29_999)).toBe(false);
    expect(isDue(again, t0 + 30_000)).toBe(true);
  });

  it('the network coming back or a token never lifts a pause: only a new time from the campaign does', () => {
    const paused = transition(entry(), { type: 'pause' }, t0);
    expect(() => transition(paused, { type: 'unblock' }, t0)).toThrow(OutboxTransitionError);
    for (const blocker of [{ kind: 'online' }, { kind: 'token', consent: false }] as const) {
      expect(transition(entry({ blocked: blocker }), { type: 'unblock' }, t0).blocked).toBeUndefined();
    }
  });

  it('a new time never overrides a wait for the network or a token', () => {
    for (const blocker of [{ kind: 'online' }, { kind: 'token', consent: false }] as const) {
      const waiting = entry({ blocked: blocker });
      expect(() => transition(waiting, { type: 'reschedule', notBefore: t0 }, t0)).toThrow(OutboxTransitionError);
    }
  });

  it('a refused message tried again after the daily limit keeps its Message-ID and waits for its time', () => {
    const failed = entry({ state: 'failed', problem: { code: 'sending-limit', resumeAt: t0 + 3_600_000 } });
    const next = transition(failed, { type: 'resend', notBefore: t0 + 3_600_000 }, t0);
    expect(next).toMatchObject({ state: 'queued', notBefore: t0 + 3_600_000, messageId: failed.messageId });
  });

  it('"it was sent": a not-sure message the person found in Sent counts as sent, at the time it left', () => {
    const unsure = entry({ state: 'not-sure', lastAttemptAt: t0 - 5_000, problem: { code: 'lost-answer' } });
    const next = transition(unsure, { type: 'confirm-sent' }, t0);
    expect(next).toMatchObject({ state: 'sent', confirmedByPerson: true, result: { sentAt: t0 - 5_000 } });
    expect(next.problem).toBeUndefined();
  });

  it('a claim records when the attempt began', () => {
    expect(transition(entry(), events.claim, t0 + 7).lastAttemptAt).toBe(t0 + 7);
  });
});

describe('crash points: what an entry left `sending` means to the next tab', () => {
  const upload = { ...session, confirmed: 6_291_456, finalChunkSent: false };
  const cases: Array<[string, Partial<OutboxEntry>, EntryState, boolean]> = [
    [
      'before the request (reading the message, opening a session)',
      { inFlight: { kind: 'preparing' } },
      'queued',
      false,
    ],
    ['after the JSON request left', { inFlight: { kind: 'json' } }, 'not-sure', false],
    ['mid-upload, session known', { inFlight: { kind: 'upload' }, upload }, 'queued', true],
    [
      'after the last chunk left',
      { inFlight: { kind: 'upload' }, upload: { ...upload, confirmed: 11_534_336, finalChunkSent: true } },
      'queued',
      true,
    ],
    ['an upload whose session was never saved', { inFlight: { kind: 'upload' } }, 'not-sure', false],
    ['nothing recorded at all', {}, 'not-sure', false],
  ];
  it.each(cases)('%s', (_name, overrides, expected, keepsSession) => {
    const next = transition(entry({ state: 'sending', ...overrides }), { type: 'recover' }, t0);
    expect(next.state).toBe(expected);
    expect(next.upload !== undefined).toBe(keepsSession);
    if (expected === 'not-sure') expect(next.problem).toEqual({ code: 'page-closed' });
  });

  it('after Gmail answered but before the answer was saved: the JSON case is not-sure, never resent', () => {
    // The saved state is still `sending` + json: the answer was lost with the page.
    const next = transition(entry({ state: 'sending', inFlight: { kind: 'json' } }), { type: 'recover' }, t0);
    expect(next.state).toBe('not-sure');
    expect(isDue(next, t0 + 86_400_000)).toBe(false);
  });

  it('before the state was saved: the entry is still queued, and nothing had left', () => {
    expect(isDue(entry({ state: 'queued' }), t0)).toBe(true);
  });
});

describe('which tab may send an entry', () => {
  it.each([
    ['the tab that wrote it', entry(), { id: 'tab-a', account: 'alice@example.com' }, true],
    ['another tab on the same account', entry(), { id: 'tab-b', account: 'Alice@Example.com' }, true],
    ['another tab on another account', entry(), { id: 'tab-b', account: 'bob@example.com' }, false],
    ['the owner, whose address lookup failed', entry(), { id: 'tab-a', account: null }, true],
    ['another tab, address unknown', entry(), { id: 'tab-b', account: null }, false],
    [
      'the owner of an entry written before the address was known',
      entry({ account: null }),
      { id: 'tab-a', account: 'alice@example.com' },
      true,
    ],
    [
      'another tab, entry without an address',
      entry({ account: null }),
      { id: 'tab-b', account: 'alice@example.com' },
      false,
    ],
  ] as const)('%s', (_name, value, tab, expected) => {
    expect(maySendFrom(value, tab)).toBe(expected);
  });
});
