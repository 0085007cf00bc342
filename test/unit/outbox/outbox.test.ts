/**
 * The outbox end to end in memory: hold and undo, the state saved before every request, crash points, several
 * tabs, and the four send defects of the first version (each named where it is checked).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttemptOptions, AttemptOutcome } from '../../../src/gmail/sender.ts';
import { describeEntry } from '../../../src/outbox/core/describe.ts';
import type { Transport } from '../../../src/outbox/outbox.ts';
import { googleError, messageBytes } from '../gmail/fake-gmail.ts';
import { t0 } from './entries.ts';
import { blobOf, composeRequest, world } from './harness.ts';

const small = blobOf(
  new TextEncoder().encode('To: taro@example.jp\r\nSubject: =?UTF-8?B?5omT44Gh5ZCI44KP44Gb?=\r\n\r\nHi\r\n'),
);
const large = blobOf(messageBytes(3 * 256 * 1024 + 1000));

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets every timer and promise run until the world is quiet. */
async function settle(...outboxes: Array<{ idle(): Promise<void> }>) {
  for (let round = 0; round < 20; round += 1) {
    await vi.runOnlyPendingTimersAsync();
    for (const outbox of outboxes) await outbox.idle();
  }
}

describe('undo send', () => {
  it('holds in memory only: Undo gives the draft back and nothing is ever stored or sent', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const { id } = a.outbox.hold(composeRequest(small));
    expect(a.outbox.snapshot().attention[0]).toMatchObject({ id, state: 'held' });
    expect(w.store.records.size).toBe(0);
    expect(a.outbox.undo(id)).toEqual({ subject: '打ち合わせの件', body: '明日の件です。' });
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(a.outbox);
    expect(w.store.records.size).toBe(0);
    expect(w.gapi.calls).toHaveLength(0);
    expect(a.outbox.snapshot().attention).toEqual([]);
  });

  it('a page closed during the hold sends nothing, even when another tab is open', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const b = w.tab('tab-b');
    a.outbox.hold(composeRequest(small));
    a.outbox.dispose(); // the tab closes: its timers die with it
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(b.outbox);
    const c = w.tab('tab-c'); // and a reload
    await settle(b.outbox, c.outbox);
    expect(w.store.records.size).toBe(0);
    expect(w.gapi.calls).toHaveLength(0);
  });

  it('sends once when the hold ends, and Send now ends it early', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const { id } = a.outbox.hold(composeRequest(small, 30_000));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(w.gapi.calls).toHaveLength(0);
    a.outbox.sendNow(id);
    await settle(a.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
    expect(a.outbox.undo(id)).toBeUndefined();
    expect(a.outbox.snapshot().sent[0]).toMatchObject({ id, state: 'sent', result: { gmailId: '19cde51dc125579f' } });
    expect(await w.store.payload(id)).toBeUndefined();
  });

  it('a build that fails during the hold queues nothing', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const held = a.outbox.hold({ ...composeRequest(small), message: Promise.reject(new Error('invalid address')) });
    await expect(held.built).rejects.toThrow('invalid address');
    await settle(a.outbox);
    expect(w.store.records.size).toBe(0);
    expect(a.outbox.snapshot().attention).toEqual([]);
  });
});

describe('state is saved before each request', () => {
  it('JSON: queued, sending (preparing), sending (json) on disk before gapi is called, then sent', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const seenAtRequest: string[] = [];
    const original = w.gapi.client!.gmail!.users.messages.send;
    w.gapi.client!.gmail!.users.messages.send = (request) => {
      const stored = [...w.store.records.values()][0];
      seenAtRequest.push(`${stored?.state}/${stored?.inFlight?.kind}`);
      return original(request);
    };
    a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    expect(seenAtRequest).toEqual(['sending/json']);
    expect(w.store.writes.map((entry) => `${entry.state}${entry.inFlight ? `/${entry.inFlight.kind}` : ''}`)).toEqual([
      'queued',
      'sending/preparing',
      'sending/json',
      'sent',
    ]);
  });

  it('upload: the session is saved before the first chunk, and "last byte sent" before the last one', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const stored = [...w.store.records.values()][0];
      const range = (init?.headers as Record<string, string> | undefined)?.['Content-Range'] ?? 'start';
      seen.push(
        `${range} ${stored?.inFlight?.kind} ${stored?.upload ? (stored.upload.finalChunkSent ? 'final' : 'mid') : '-'}`,
      );
      return w.server.fetch(input, init);
    };
    const b = w.tab('tab-b', { transport: w.realTransport(fetch) });
    a.outbox.dispose();
    b.outbox.hold(composeRequest(large, 0));
    await settle(b.outbox);
    const total = large.size;
    expect(seen).toEqual([
      'start preparing -',
      `bytes 0-262143/${total} upload mid`,
      `bytes 262144-524287/${total} upload mid`,
      `bytes 524288-786431/${total} upload mid`,
      `bytes 786432-${total - 1}/${total} upload final`,
    ]);
    expect(w.server.delivered).toHaveLength(1);
  });
});

describe('answers that do not prove anything', () => {
  it('a lost JSON answer is not sure, never resent: not later, not after a reload', async () => {
    const w = world();
    const a = w.tab('tab-a');
    w.gapi.script.push('drop');
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    expect((await w.store.get(id))?.state).toBe('not-sure');
    await vi.advanceTimersByTimeAsync(3_600_000);
    const reloaded = w.tab('tab-a2');
    await settle(a.outbox, reloaded.outbox);
    expect(w.gapi.calls).toHaveLength(1);
    const view = describeEntry((await w.store.get(id))!, Date.now());
    expect(view).toMatchObject({ key: 'outbox.not-sure.lost-answer', actions: ['open-sent', 'send-again', 'dismiss'] });
  });

  // Defect 3 of the first version: 502 and 504 were retried on messages.send, which is not idempotent.
  it.each([500, 502, 503, 504])('a %i to the JSON request is not sure, not retried', async (status) => {
    const w = world();
    const a = w.tab('tab-a');
    w.gapi.script.push(googleError(status, 'Backend Error', 'backendError'));
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    expect(await w.store.get(id)).toMatchObject({ state: 'not-sure', problem: { code: 'server-error' } });
    expect(w.gapi.calls).toHaveLength(1);
  });

  it('a 503 on an upload chunk is retried: the session tells where it stands, so it arrives once', async () => {
    const w = world();
    const a = w.tab('tab-a');
    w.server.faults.set(2, { kind: 'status', status: 503, body: '{"error":{"code":503}}' });
    const { id } = a.outbox.hold(composeRequest(large, 0));
    await settle(a.outbox);
    expect((await w.store.get(id))?.state).toBe('sent');
    expect(w.server.delivered).toHaveLength(1);
    expect(w.server.sessionCount).toBe(1);
  });

  it('the person decides: Send again resends the same bytes once', async () => {
    const w = world();
    const a = w.tab('tab-a');
    w.gapi.script.push('drop');
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    await a.outbox.resend(id);
    await settle(a.outbox);
    expect(w.gapi.calls).toHaveLength(2);
    expect(w.gapi.calls[1]?.raw).toBe(w.gapi.calls[0]?.raw);
    expect((await w.store.get(id))?.state).toBe('sent');
  });
});

describe('crash in the middle of an upload', () => {
  it('a tab that dies mid-upload: the next tab asks the same session and continues from the confirmed offset', async () => {
    const w = world();
    let chunks = 0;
    // The second chunk never gets an answer: the tab is gone.
    const dying: typeof globalThis.fetch = (input, init) => {
      if ((init?.headers as Record<string, string>)?.['Content-Type'] === 'message/rfc822' && ++chunks === 2)
        return new Promise<Response>(() => {});
      return w.server.fetch(input, init);
    };
    const a = w.tab('tab-a', { transport: w.realTransport(dying) });
    const { id } = a.outbox.hold(composeRequest(large, 0));
    await settle();
    expect(await w.store.get(id)).toMatchObject({ state: 'sending', inFlight: { kind: 'upload' } });
    a.outbox.dispose();
    w.locks.held.clear(); // the browser releases a dead tab's locks
    const before = w.server.requests.length;
    const b = w.tab('tab-b');
    await settle(b.outbox);
    expect((await w.store.get(id))?.state).toBe('sent');
    expect(w.server.delivered).toHaveLength(1);
    expect(w.server.sessionCount).toBe(1);
    const after = w.server.requests.slice(before);
    expect(after[0]?.headers['content-range']).toBe(`bytes */${large.size}`);
    expect(after[1]?.headers['content-range']).toBe(`bytes 262144-524287/${large.size}`);
  });

  it('a tab that dies after the JSON request left: not sure in every other tab, never resent', async () => {
    const w = world();
    const hang: Transport = {
      attempt: async (_message, options) => {
        await options.checkpoint({ kind: 'json' });
        return new Promise<AttemptOutcome>(() => {});
      },
    };
    const a = w.tab('tab-a', { transport: hang });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle();
    a.outbox.dispose();
    w.locks.held.clear();
    const b = w.tab('tab-b');
    await settle(b.outbox);
    expect(await w.store.get(id)).toMatchObject({ state: 'not-sure', problem: { code: 'page-closed' } });
    expect(w.gapi.calls).toHaveLength(0);
  });

  it('while the sending tab is alive, another tab leaves its entry alone', async () => {
    const w = world();
    let finish: (outcome: AttemptOutcome) => void = () => {};
    const slow: Transport = {
      attempt: async (_message, options) => {
        await options.checkpoint({ kind: 'json' });
        return new Promise<AttemptOutcome>((resolve) => {
          finish = resolve;
        });
      },
    };
    const a = w.tab('tab-a', { transport: slow });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle();
    const b = w.tab('tab-b');
    await settle(b.outbox);
    expect((await w.store.get(id))?.state).toBe('sending');
    finish({ kind: 'sent', id: '19cde51dc125579f', threadId: '19cde51dc125579f', labelIds: ['SENT'] });
    await settle(a.outbox, b.outbox);
    expect((await w.store.get(id))?.state).toBe('sent');
    expect(b.outbox.snapshot().sent.map((entry) => entry.id)).toEqual([id]);
    expect(w.gapi.calls).toHaveLength(0);
  });
});

describe('a tab that closes mid-request while another stays open', () => {
  it('the other tab, already open (it takes nothing over), finds the entry not sure once the lock is let go', async () => {
    const w = world();
    let sender = '';
    const hangingFor = (tab: string): Transport => ({
      attempt: async (_message, options) => {
        sender = tab;
        await options.checkpoint({ kind: 'json' });
        return new Promise<AttemptOutcome>(() => {});
      },
    });
    const tabs = { 'tab-a': w.tab('tab-a', { transport: hangingFor('tab-a') }) } as Record<
      string,
      ReturnType<typeof w.tab>
    >;
    tabs['tab-b'] = w.tab('tab-b', { transport: hangingFor('tab-b') });
    await settle(tabs['tab-a']!.outbox, tabs['tab-b']!.outbox);
    const { id } = tabs['tab-a']!.outbox.hold(composeRequest(small, 0));
    // Not `idle()`: one attempt never ends, as a request cut off with its tab.
    await settle();
    expect((await w.store.get(id))?.state).toBe('sending');
    // Either tab may have claimed it (same account). That one dies: the browser lets go of its locks, and nothing
    // tells the other tab but the lock itself.
    const survivor = sender === 'tab-a' ? 'tab-b' : 'tab-a';
    tabs[sender]!.outbox.dispose();
    w.locks.tabs.delete(sender);
    w.locks.release(id);
    await settle(tabs[survivor]!.outbox);
    expect(await w.store.get(id)).toMatchObject({ state: 'not-sure', problem: { code: 'page-closed' } });
  });
});

describe('tokens', () => {
  // Defect 1 of the first version: a 401 after the last chunk opened a second upload session after reconnecting.
  it('a 401 after the last chunk: after the next click, the same session is asked, and it arrives once', async () => {
    const w = world();
    const a = w.tab('tab-a');
    // Requests: 0 start, 1-3 chunks, 4 final chunk (answer lost after Gmail completed it), 5 status query -> 401.
    w.server.faults.set(4, { kind: 'drop-after' });
    w.server.faults.set(5, { kind: 'status', status: 401, body: '{"error":{"code":401,"status":"UNAUTHENTICATED"}}' });
    const { id } = a.outbox.hold(composeRequest(large, 0));
    await settle(a.outbox);
    const waiting = await w.store.get(id);
    expect(waiting).toMatchObject({ state: 'queued', blocked: { kind: 'token', consent: false } });
    expect(waiting?.upload?.finalChunkSent).toBe(true);
    expect(describeEntry(waiting!, Date.now()).actions).toContain('connect-and-send');
    a.tokens.token = 'tok-2'; // the person's click renewed it
    a.outbox.kick();
    await settle(a.outbox);
    expect((await w.store.get(id))?.state).toBe('sent');
    expect(w.server.delivered).toHaveLength(1);
    expect(w.server.sessionCount).toBe(1);
    expect(w.server.requests.at(-1)?.headers['content-range']).toBe(`bytes */${large.size}`);
  });

  // Defect 4 of the first version: invalidateToken() was called without the rejected token.
  it('a 401 forgets only the token it was sent with, never a newer one', async () => {
    const w = world();
    let tabTokens: { token: string | null } = { token: null };
    const renewedMeanwhile: Transport = {
      attempt: async (_message: Blob, options: AttemptOptions) => {
        await options.checkpoint({ kind: 'json' });
        tabTokens.token = 'tok-2'; // another click renewed the token while this request was out
        return { kind: 'needs-token', rejectedToken: options.token };
      },
    };
    const a = w.tab('tab-a', { transport: renewedMeanwhile });
    tabTokens = a.tokens;
    a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    expect(a.tokens.invalidated).toEqual(['tok-1']);
    expect(a.tokens.token).toBe('tok-2');
  });

  it('without a token the message waits for one click, then goes', async () => {
    const w = world();
    const a = w.tab('tab-a', { token: null });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    expect(await w.store.get(id)).toMatchObject({ state: 'queued', blocked: { kind: 'token' } });
    a.tokens.token = 'tok-1';
    a.outbox.kick();
    await settle(a.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
  });

  it('insufficient scope: the outbox asks for consent on the next click; the text table only describes', async () => {
    const w = world();
    const a = w.tab('tab-a');
    w.gapi.script.push(googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions'));
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    const failed = (await w.store.get(id))!;
    expect(failed).toMatchObject({ state: 'failed', problem: { code: 'insufficient-scope' } });
    expect(a.tokens.consentRequired).toBe(1);
    describeEntry(failed, Date.now());
    describeEntry(failed, Date.now());
    expect(a.tokens.consentRequired).toBe(1);
  });
});

describe('offline', () => {
  it('a message written offline waits, and goes once when the network is back', async () => {
    const w = world();
    w.net.online = false;
    const a = w.tab('tab-a');
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    expect(describeEntry((await w.store.get(id))!, Date.now()).key).toBe('outbox.waiting.online');
    w.net.goOnline();
    await settle(a.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
  });

  // Defect 2 of the first version: offline after the last chunk said "Nothing was sent", which may be false.
  it('offline after the last chunk left: waits for the network, asks the session, never says nothing was sent', async () => {
    const w = world();
    let finalSent = false;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const range = (init?.headers as Record<string, string>)?.['Content-Range'] ?? '';
      if (range.endsWith(`-${large.size - 1}/${large.size}`)) {
        finalSent = true;
        await w.server.fetch(input, init); // Gmail has it all...
        w.net.online = false; // ...and the answer is lost with the network
        throw new TypeError('Failed to fetch');
      }
      return w.server.fetch(input, init);
    };
    const a = w.tab('tab-a', { transport: w.realTransport(fetch) });
    const { id } = a.outbox.hold(composeRequest(large, 0));
    await settle(a.outbox);
    expect(finalSent).toBe(true);
    const waiting = (await w.store.get(id))!;
    expect(waiting).toMatchObject({ state: 'queued', blocked: { kind: 'online' } });
    expect(waiting.upload?.finalChunkSent).toBe(true);
    expect(describeEntry(waiting, Date.now()).key).toBe('outbox.waiting.online');
    w.net.goOnline();
    await settle(a.outbox);
    expect((await w.store.get(id))?.state).toBe('sent');
    expect(w.server.delivered).toHaveLength(1);
    expect(w.server.sessionCount).toBe(1);
  });
});

describe('several tabs', () => {
  it('two tabs on one account: the message goes once and both show it sent', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const b = w.tab('tab-b');
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox, b.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
    expect(a.outbox.snapshot().sent.map((entry) => entry.id)).toEqual([id]);
    expect(b.outbox.snapshot().sent.map((entry) => entry.id)).toEqual([id]);
  });

  it('after a reload, a tab not connected yet asks for the click the message needs', async () => {
    const w = world();
    const hang: Transport = { attempt: () => new Promise<AttemptOutcome>(() => {}) };
    const a = w.tab('tab-a', { transport: hang });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle();
    a.outbox.dispose();
    w.locks.held.clear();
    w.locks.tabs.delete('tab-a'); // the old page is gone
    const reloaded = w.tab('tab-b', { token: null });
    await settle(reloaded.outbox);
    expect(await w.store.get(id)).toMatchObject({ state: 'queued', blocked: { kind: 'token' } });
    reloaded.tokens.token = 'tok-2';
    reloaded.outbox.kick();
    await settle(reloaded.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
  });

  it('while the tab that wrote it is open, a tab without a token leaves it to that tab', async () => {
    const w = world();
    const a = w.tab('tab-a', { token: null });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    await w.store.put({ ...(await w.store.get(id))!, blocked: undefined });
    const b = w.tab('tab-b', { token: null });
    await settle(b.outbox);
    expect((await w.store.get(id))?.blocked).toBeUndefined();
  });

  it('a tab connected to another account never sends it', async () => {
    const w = world();
    const a = w.tab('tab-a', { token: null });
    const bob = w.tab('tab-b', { account: 'bob@example.com' });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox, bob.outbox);
    bob.outbox.kick();
    await settle(a.outbox, bob.outbox);
    expect(w.gapi.calls).toHaveLength(0);
    expect((await w.store.get(id))?.state).toBe('queued');
  });
});

describe('waits and schedules', () => {
  it('429: waits as Gmail asks, then sends once', async () => {
    const w = world();
    const a = w.tab('tab-a');
    w.gapi.script.push(googleError(429, 'Too many requests', 'rateLimitExceeded'));
    const { id } = a.outbox.hold(composeRequest(small, 0));
    for (let round = 0; round < 5; round += 1) {
      await vi.advanceTimersByTimeAsync(0);
      await a.outbox.idle();
    }
    const waiting = (await w.store.get(id))!;
    expect(waiting).toMatchObject({ state: 'queued', retries: 1, waitReason: 'rate-limit' });
    expect(describeEntry(waiting, Date.now()).key).toBe('gmail.wait.rate-limit');
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(a.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
  });

  it('queued messages go at their time, in order, one at a time', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const rows = [3, 1, 2].map((row) => ({
      messageId: `row-${row}@example.com`,
      summary: { to: [`row${row}@example.jp`], cc: [], bcc: [], subject: `行 ${row}` },
      origin: { kind: 'merge', campaignId: 'c1', row } as const,
      account: 'alice@example.com',
      notBefore: t0 + row * 1_000,
      message: blobOf(new TextEncoder().encode(`To: row${row}@example.jp\r\n\r\nrow ${row}\r\n`)),
    }));
    await a.outbox.enqueue(rows);
    await vi.advanceTimersByTimeAsync(1_500);
    await a.outbox.idle();
    expect(w.gapi.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle(a.outbox);
    const sentOrder = w.gapi.calls.map((call) => atob(call.raw.replace(/-/g, '+').replace(/_/g, '/')).split('\r\n')[0]);
    expect(sentOrder).toEqual(['To: row1@example.jp', 'To: row2@example.jp', 'To: row3@example.jp']);
    // Campaign rows are not the sent log's.
    expect(a.outbox.snapshot().sent).toEqual([]);
  });

  it('cancel stops a queued message; a JSON request in flight cannot be pulled back', async () => {
    const w = world();
    const a = w.tab('tab-a', { token: null });
    const { id } = a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    await a.outbox.cancel(id);
    expect((await w.store.get(id))?.state).toBe('cancelled');
    a.tokens.token = 'tok-1';
    a.outbox.kick();
    await settle(a.outbox);
    expect(w.gapi.calls).toHaveLength(0);
  });
});

describe('what mail merge needs', () => {
  const row = (n: number, notBefore = t0) => ({
    id: `merge/c1/row/${n}`,
    messageId: `row-${n}@example.com`,
    summary: { to: [`row${n}@example.jp`], cc: [], bcc: [], subject: `行 ${n}` },
    origin: { kind: 'merge', campaignId: 'c1', row: n } as const,
    account: 'alice@example.com',
    notBefore,
    message: blobOf(new TextEncoder().encode(`To: row${n}@example.jp\r\n\r\nrow ${n}\r\n`)),
  });

  it('a row enqueued twice (a reload, a second tab) is one entry and one message', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const b = w.tab('tab-b');
    const [first, second] = await Promise.all([a.outbox.enqueue([row(1)]), b.outbox.enqueue([row(1)])]);
    expect(first.length + second.length).toBe(1);
    await settle(a.outbox, b.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
    expect(await a.outbox.campaignEntries('c1')).toHaveLength(1);
  });

  it('pause holds queued rows; a new time lets them go', async () => {
    const w = world();
    const a = w.tab('tab-a');
    await a.outbox.enqueue([row(1, t0 + 5_000), row(2, t0 + 6_000)]);
    await a.outbox.pause(['merge/c1/row/1', 'merge/c1/row/2']);
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(a.outbox);
    expect(w.gapi.calls).toHaveLength(0);
    await a.outbox.reschedule([{ id: 'merge/c1/row/2', notBefore: Date.now() + 1_000 }]);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(a.outbox);
    expect(w.gapi.calls).toHaveLength(1);
    expect((await w.store.get('merge/c1/row/1'))?.blocked).toEqual({ kind: 'paused' });
  });

  // A campaign's hold (paused by the person, or held for Gmail's daily limit) is the campaign's to lift: the outbox
  // lifting it when the network came back, another tab wrote, or a tab opened sent rows during a pause or a wait.
  it('a paused row stays paused when the network comes back, another tab writes, or a tab opens', async () => {
    const w = world();
    const a = w.tab('tab-a');
    await a.outbox.enqueue([row(1, t0 + 5_000)]);
    await a.outbox.pause(['merge/c1/row/1']);
    w.net.online = false;
    w.net.goOnline();
    const b = w.tab('tab-b');
    b.outbox.hold(composeRequest(small, 0));
    await vi.advanceTimersByTimeAsync(60_000);
    await settle(a.outbox, b.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
    expect(await w.store.get('merge/c1/row/1')).toMatchObject({ state: 'queued', blocked: { kind: 'paused' } });
    expect(w.gapi.calls).toHaveLength(1);
  });

  it('the daily count sees every message that went or may have gone, any origin', async () => {
    const w = world();
    const a = w.tab('tab-a');
    w.gapi.script.push('drop');
    await a.outbox.enqueue([row(1)]);
    await settle(a.outbox);
    a.outbox.hold(composeRequest(small, 0));
    await settle(a.outbox);
    const counted = await a.outbox.sentSince(t0 - 1);
    expect(counted.map((entry) => entry.state).sort()).toEqual(['not-sure', 'sent']);
    await a.outbox.confirmSent('merge/c1/row/1');
    expect(await w.store.get('merge/c1/row/1')).toMatchObject({ state: 'sent', confirmedByPerson: true });
  });

  it('reads back the entries a change named, and skips ids it does not have', async () => {
    const w = world();
    const a = w.tab('tab-a');
    await a.outbox.enqueue([row(3, t0 + 60_000), row(4, t0 + 60_000)]);
    const found = await a.outbox.entries(['merge/c1/row/4', 'merge/c1/row/9', 'merge/c1/row/3']);
    expect(found.map((entry) => [entry.id, entry.state])).toEqual([
      ['merge/c1/row/4', 'queued'],
      ['merge/c1/row/3', 'queued'],
    ]);
    expect(await a.outbox.entries([])).toEqual([]);
  });

  it('tells every tab which entries changed', async () => {
    const w = world();
    const a = w.tab('tab-a');
    const b = w.tab('tab-b');
    const seen: string[] = [];
    b.outbox.onChange((ids) => seen.push(...ids));
    await a.outbox.enqueue([row(7)]);
    await settle(a.outbox, b.outbox);
    expect(seen).toContain('merge/c1/row/7');
  });
});
