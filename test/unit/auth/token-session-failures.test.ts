import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthFailure } from '../../../src/auth/auth-failure.ts';
import { TokenRequestError } from '../../../src/auth/auth-state.ts';
import type { GisTokenResponse } from '../../../src/google/types.ts';
import type { Harness } from './session-harness.ts';
import { connected, flush, jsonResponse, startSession } from './session-harness.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-25T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

type Delivery = (h: Harness) => void;

const cases: Array<[string, Delivery, AuthFailure]> = [
  [
    'popup_failed_to_open',
    (h) => h.gis.clientError('popup_failed_to_open', 'Failed to open popup window'),
    { code: 'popup-blocked', raw: 'popup_failed_to_open', detail: 'Failed to open popup window' },
  ],
  ['access_denied', (h) => h.gis.respond({ error: 'access_denied' }), { code: 'access-denied', raw: 'access_denied' }],
  [
    'interaction_required with a subtype',
    (h) => h.gis.respond({ error: 'interaction_required', error_subtype: 'access_denied' }),
    { code: 'interaction-required', raw: 'interaction_required', detail: 'access_denied' },
  ],
  [
    'login_required (OIDC)',
    (h) => h.gis.respond({ error: 'login_required' }),
    { code: 'interaction-required', raw: 'login_required' },
  ],
  [
    'invalid_scope keeps the raw code and description',
    (h) => h.gis.respond({ error: 'invalid_scope', error_description: 'Some requested scopes were invalid.' }),
    { code: 'unknown', raw: 'invalid_scope', detail: 'Some requested scopes were invalid.' },
  ],
  [
    'error_callback "unknown"',
    (h) => h.gis.clientError('unknown', 'Something odd'),
    { code: 'unknown', raw: 'unknown', detail: 'Something odd' },
  ],
  [
    'an error_callback type GIS adds later',
    (h) => h.gis.clientError('fedcm_something', 'new type'),
    { code: 'unknown', raw: 'fedcm_something', detail: 'new type' },
  ],
  [
    'a success without access_token',
    (h) => h.gis.respond({ token_type: 'Bearer', scope: 'email' } as GisTokenResponse),
    { code: 'unknown', raw: 'no_access_token' },
  ],
  [
    'a partial grant (gmail.send unticked)',
    (h) => h.gis.grant({ scope: 'email https://www.googleapis.com/auth/userinfo.email openid' }),
    {
      code: 'partial-grant',
      raw: 'scope_not_granted',
      detail: 'email https://www.googleapis.com/auth/userinfo.email openid',
    },
  ],
];

describe.each(cases)('%s', (_, deliver, expected) => {
  it('on a first grant: failed with the named reason, and the Send is rejected with it', async () => {
    const h = await startSession();
    const token = h.session.ensureToken();
    deliver(h);
    expect(h.session.getState()).toEqual({ status: 'failed', reason: expected, email: null, hint: null });
    await expect(token).rejects.toEqual(new TokenRequestError('failed', expected));
    expect(h.session.accessToken()).toBeNull();
  });

  it('on a renewal: failed, but the account stays known', async () => {
    const h = await connected(await startSession());
    h.session.invalidateToken();
    void h.session.ensureToken().catch(() => {});
    deliver(h);
    expect(h.session.getState()).toEqual({
      status: 'failed',
      reason: expected,
      email: 'alice@example.com',
      hint: 'alice@example.com',
    });
  });
});

describe('after a failure', () => {
  it('a partial grant is asked again with the consent screen, and a full grant then works', async () => {
    const h = await startSession();
    h.session.connect();
    h.gis.grant({ scope: 'email' });
    h.session.connect();
    expect(h.gis.requests[1]).toEqual({ prompt: 'consent' });
    h.gis.grant({ token: 'ya29.full' });
    expect(h.session.getState()).toMatchObject({ status: 'ready' });
    expect(h.session.accessToken()).toBe('ya29.full');
  });

  it('retry after a blocked popup opens a new popup with the usual prompt', async () => {
    const h = await startSession({ storedHint: 'alice@example.com' });
    h.session.connect();
    h.gis.clientError('popup_failed_to_open');
    h.session.connect();
    expect(h.gis.requests).toEqual([
      { prompt: '', login_hint: 'alice@example.com' },
      { prompt: '', login_hint: 'alice@example.com' },
    ]);
    expect(h.session.getState().status).toBe('authorizing');
  });

  it('dismissFailure hides the message', async () => {
    const h = await startSession();
    h.session.connect();
    h.gis.respond({ error: 'access_denied' });
    h.session.dismissFailure();
    expect(h.session.getState()).toEqual({ status: 'signed-out', hint: null });
  });

  it('a popup blocked synchronously inside requestAccessToken still rejects the Send it belongs to', async () => {
    const h = await startSession();
    h.gis.whenRequested(() => h.gis.clientError('popup_failed_to_open'));
    await expect(h.session.ensureToken()).rejects.toMatchObject({ kind: 'failed', failure: { code: 'popup-blocked' } });
    expect(h.session.getState()).toMatchObject({ status: 'failed', reason: { code: 'popup-blocked' } });
  });

  it('a requestAccessToken that throws becomes an unknown failure, not an exception in the click', async () => {
    const h = await startSession();
    h.gis.whenRequested(() => {
      throw new Error('boom');
    });
    expect(() => h.session.connect()).not.toThrow();
    expect(h.session.getState()).toMatchObject({ status: 'failed', reason: { code: 'unknown', raw: 'request_threw' } });
  });
});

describe('userinfo', () => {
  it.each([
    ['answers 401', async () => jsonResponse({ error: 'invalid_token' }, 401)],
    ['answers without an email', async () => jsonResponse({ sub: '123' })],
    ['answers HTML', async () => new Response('<html>', { status: 200 })],
    [
      'is unreachable',
      async () => {
        throw new TypeError('Failed to fetch');
      },
    ],
  ])('when it %s, the token still works and the address is marked unknown', async (_, answer) => {
    const h = await startSession({ storedHint: 'alice@example.com' });
    h.fetch.mockImplementation(answer);
    await connected(h, 'ya29.works');
    expect(h.session.getState()).toMatchObject({ status: 'ready', email: null, emailLookup: 'failed' });
    expect(h.storage.getItem('gmail-sender.account-hint')).toBe('alice@example.com');
    await expect(h.session.ensureToken()).resolves.toBe('ya29.works');
  });

  it('a slow answer for an older token does not overwrite the newer one', async () => {
    const h = await startSession();
    const answers: Array<(response: Response) => void> = [];
    h.fetch.mockImplementation(() => new Promise<Response>((resolve) => answers.push(resolve)));
    await connected(h, 'ya29.one');
    h.session.invalidateToken();
    void h.session.ensureToken();
    h.gis.grant({ token: 'ya29.two' });
    answers[1]?.(jsonResponse({ email: 'new@example.com' }));
    await flush();
    answers[0]?.(jsonResponse({ email: 'old@example.com' }));
    await flush();
    expect(h.session.getState()).toMatchObject({ email: 'new@example.com', emailLookup: 'done' });
  });

  it('an answer arriving after sign-out is dropped', async () => {
    const h = await startSession();
    let answer: ((response: Response) => void) | undefined;
    h.fetch.mockImplementation(() => new Promise<Response>((resolve) => (answer = resolve)));
    await connected(h);
    h.session.signOut({ forgetHint: true });
    answer?.(jsonResponse({ email: 'alice@example.com' }));
    await flush();
    expect(h.session.getState()).toEqual({ status: 'signed-out', hint: null, revoke: { status: 'revoked' } });
    expect(h.storage.getItem('gmail-sender.account-hint')).toBeNull();
  });
});
