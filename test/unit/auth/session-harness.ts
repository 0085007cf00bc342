import { vi } from 'vitest';
import { webStorageHintStore } from '../../../src/auth/hint-store.ts';
import { createTokenSession } from '../../../src/auth/token-session.ts';
import { createFakeGis, RecordingStorage } from './fake-gis.ts';

export const userinfoUrl = 'http://127.0.0.1:8790/oauth2/v3/userinfo';

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Lets queued promise callbacks (script loaders, userinfo fetch) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

interface HarnessOptions {
  storedHint?: string;
  email?: string;
  loadGis?: 'ok' | 'fail';
  loadGapi?: 'ok' | 'fail';
}

/** A started session over the fake GIS, a recording Storage and a userinfo fetch that answers `email`. */
export async function startSession({
  storedHint,
  email = 'alice@example.com',
  loadGis,
  loadGapi,
}: HarnessOptions = {}) {
  const gis = createFakeGis();
  const storage = new RecordingStorage();
  if (storedHint) storage.setItem('gmail-sender.account-hint', storedHint);
  const userinfo = { email };
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse(userinfo));
  const tokenChanges: Array<string | null> = [];
  const loaders = { gis: loadGis ?? 'ok', gapi: loadGapi ?? 'ok' };
  const session = createTokenSession({
    clientId: '1234-abc.apps.googleusercontent.com',
    userinfoUrl,
    loadGis: vi.fn(async () => {
      if (loaders.gis === 'fail') throw new Error('gis did not load');
      return gis.oauth2;
    }),
    loadGapi: vi.fn(async () => {
      if (loaders.gapi === 'fail') throw new Error('gapi did not load');
    }),
    hintStore: webStorageHintStore(() => storage),
    fetch: fetch as unknown as typeof globalThis.fetch,
    onTokenChange: (token) => tokenChanges.push(token),
  });
  const states: string[] = [];
  session.subscribe((state) => states.push(state.status));
  session.start();
  await flush();
  return { session, gis, storage, fetch, userinfo, tokenChanges, loaders, states };
}

export type Harness = Awaited<ReturnType<typeof startSession>>;

/** Connects and lets the fake Google grant `token`, then lets the userinfo lookup finish. */
export async function connected(harness: Harness, token = 'ya29.token-1', expiresIn: number | string = 3599) {
  harness.session.connect();
  harness.gis.grant({ token, expiresIn });
  await flush();
  return harness;
}
