/**
 * A small world for outbox tests: one shared store, lock manager and broadcast hub (as the browser shares IndexedDB,
 * Web Locks and BroadcastChannel between tabs), any number of tabs, a network switch and the fake Gmail of the
 * sender tests. Time is Vitest's fake clock.
 */
import { createSender } from '../../../src/gmail/sender.ts';
import { realTimers } from '../../../src/gmail/timers.ts';
import { createOutbox, type Outbox, type OutboxTokens, type Transport } from '../../../src/outbox/outbox.ts';
import { memoryOutboxStore } from '../../../src/outbox/store.ts';
import { memoryChannelHub, memoryEntryLocks } from '../../../src/outbox/tabs.ts';
import { apiRoot, FakeGapi, FakeUploadServer } from '../gmail/fake-gmail.ts';

export interface FakeTokens extends OutboxTokens {
  token: string | null;
  invalidated: string[];
  consentRequired: number;
}

export function fakeTokens(token: string | null, account: string | null): FakeTokens {
  const tokens: FakeTokens = {
    token,
    invalidated: [],
    consentRequired: 0,
    accessToken: () => tokens.token,
    invalidateToken(rejected) {
      tokens.invalidated.push(rejected);
      if (tokens.token === rejected) tokens.token = null;
    },
    requireConsent() {
      tokens.consentRequired += 1;
      tokens.token = null;
    },
    account: () => account,
  };
  return tokens;
}

export function world() {
  const store = memoryOutboxStore();
  const locks = memoryEntryLocks();
  const hub = memoryChannelHub();
  const gapi = new FakeGapi().ready();
  const server = new FakeUploadServer();
  const onlineListeners = new Set<() => void>();
  const net = {
    online: true,
    isOnline: () => net.online,
    onOnline(listener: () => void) {
      onlineListeners.add(listener);
      return () => onlineListeners.delete(listener);
    },
    goOnline() {
      net.online = true;
      for (const listener of onlineListeners) listener();
    },
  };
  let ids = 0;
  /** The real sender (src/gmail) against the fakes, with a small JSON cap so uploads stay quick. */
  const realTransport = (fetch: typeof globalThis.fetch = server.fetch): Transport =>
    createSender({
      gapi,
      fetch,
      endpoints: { gmailApiRoot: apiRoot },
      random: () => 0,
      jsonCapBytes: 64 * 1024,
      chunkBytes: 256 * 1024,
      isOnline: net.isOnline,
    });

  function tab(tabId: string, options: { account?: string | null; token?: string | null; transport?: Transport } = {}) {
    const tokens = fakeTokens(
      options.token === undefined ? 'tok-1' : options.token,
      options.account ?? 'alice@example.com',
    );
    const transport = options.transport ?? realTransport();
    const outbox: Outbox = createOutbox({
      store,
      locks,
      channel: hub.member(),
      transport: async () => transport,
      tokens,
      network: net,
      clock: realTimers,
      tabId,
      newId: () => `entry-${++ids}`,
    });
    outbox.start();
    return { outbox, tokens, tabId };
  }

  return { store, locks, gapi, server, net, tab, realTransport };
}

export function blobOf(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'message/rfc822' });
}

export const composeRequest = (message: Blob, holdMs = 5_000) => ({
  messageId: 'c0ffee00-1111-4222-8333-444455556666@example.com',
  summary: { to: ['taro@example.jp'], cc: [], bcc: [], subject: '打ち合わせの件' },
  origin: { kind: 'compose' } as const,
  account: 'alice@example.com',
  holdMs,
  message: Promise.resolve(message),
  draft: { subject: '打ち合わせの件', body: '明日の件です。' },
});
