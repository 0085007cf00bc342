/**
 * The page's outbox: IndexedDB, Web Locks and BroadcastChannel shared with the other tabs, the Gmail sender as its
 * transport (its own chunk), and this tab's token session. One per page and client ID.
 */
import type { TokenSession } from '../auth/index.ts';
import type { AppConfig } from '../config.ts';
import type { GapiLike } from '../gmail/gapi-client.ts';
import { realTimers } from '../gmail/timers.ts';
import { createOutbox, type Outbox } from '../outbox/outbox.ts';
import { indexedDbOutboxStore, resilientOutboxStore } from '../outbox/store.ts';
import { broadcastChannel, webEntryLocks } from '../outbox/tabs.ts';
import { isOnline, onConnectivityChange } from '../pwa/connectivity.ts';
import { accountOf } from './account.ts';

export function createAppOutbox(config: AppConfig, session: TokenSession): Outbox {
  const outbox = createOutbox({
    store: resilientOutboxStore(indexedDbOutboxStore(), (error) =>
      console.warn('outbox: storage refused, in memory now', error),
    ),
    locks: webEntryLocks(),
    channel: broadcastChannel(),
    async transport() {
      const { createSender } = await import('../gmail/sender.ts');
      // gapi's published types predate discovery documents passed as objects; the sender's narrow type is the truth.
      const gapi = () => (globalThis as unknown as { gapi?: GapiLike }).gapi;
      return createSender({
        // Read at each attempt: gapi arrives with Google's script, which may come after the outbox starts.
        gapi: {
          load: (...args) => gapi()?.load(...args),
          get client() {
            return gapi()?.client;
          },
        },
        fetch: (...args) => fetch(...args),
        endpoints: { gmailApiRoot: config.google.gmailApiRoot },
        isOnline,
      });
    },
    tokens: {
      accessToken: () => session.accessToken(),
      invalidateToken: (rejected) => session.invalidateToken(rejected),
      requireConsent: () => session.requireConsent(),
      account: () => accountOf(session.getState()),
    },
    // The PWA's connectivity hook: messages wait while offline and start again at the next `online` event.
    network: {
      isOnline,
      onOnline: (listener) => onConnectivityChange((online) => online && listener()),
    },
    clock: realTimers,
    tabId: crypto.randomUUID(),
  });
  // A new token (a click renewed it, or the first Connect) may be what waiting messages need; so may the account's
  // address, which arrives a moment after the token and decides which messages this tab may send.
  let seen = '';
  session.subscribe((state) => {
    const now = `${session.accessToken() !== null}/${accountOf(state) ?? ''}`;
    if (now !== seen && session.accessToken() !== null) outbox.kick();
    seen = now;
  });
  outbox.start();
  return outbox;
}
