import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenRequestError } from '../../../src/auth/auth-state.ts';
import { fullScope } from './fake-gis.ts';
import { connected, flush, startSession, userinfoUrl } from './session-harness.ts';

const minute = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-25T09:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('loading the Google scripts', () => {
  it('is loading until both GIS and gapi are ready, then signed out with the remembered hint', async () => {
    const h = await startSession({ storedHint: 'alice@example.com' });
    expect(h.states[0]).toBe('loading');
    expect(h.session.getState()).toEqual({ status: 'signed-out', hint: 'alice@example.com' });
  });

  it('asks GIS for exactly gmail.send and email with this client ID', async () => {
    const h = await startSession();
    const config = h.gis.initConfig();
    expect(config.scope).toBe('https://www.googleapis.com/auth/gmail.send email');
    expect(config.client_id).toBe('1234-abc.apps.googleusercontent.com');
  });

  it.each([
    ['gis', 'fail', 'ok', ['gis']],
    ['gapi', 'ok', 'fail', ['gapi']],
    ['both', 'fail', 'fail', ['gis', 'gapi']],
  ] as const)('names the failed script (%s) and retries it with a new load', async (_, gisLoad, gapiLoad, failed) => {
    const h = await startSession({ loadGis: gisLoad, loadGapi: gapiLoad });
    const state = h.session.getState();
    expect(state).toMatchObject({ status: 'load-failed', failed });
    h.loaders.gis = 'ok';
    h.loaders.gapi = 'ok';
    for (const script of failed) h.session.retryScript(script);
    expect(h.session.getState().status).toBe('loading');
    await flush();
    expect(h.session.getState().status).toBe('signed-out');
  });

  it('neither connects nor hands out a token before the scripts are ready', async () => {
    const h = await startSession({ loadGapi: 'fail' });
    h.session.connect();
    await expect(h.session.ensureToken()).rejects.toMatchObject({ kind: 'not-ready' });
    expect(h.gis.requests).toHaveLength(0);
  });
});

describe('first grant', () => {
  it('opens the popup synchronously in connect(), then shows the account from userinfo', async () => {
    const h = await startSession();
    h.session.connect();
    expect(h.gis.requests).toEqual([{ prompt: '' }]);
    expect(h.session.getState()).toEqual({ status: 'authorizing', hint: null });

    h.gis.grant({ token: 'ya29.first' });
    expect(h.session.getState()).toMatchObject({ status: 'ready', email: null, emailLookup: 'pending' });
    expect(h.session.accessToken()).toBe('ya29.first');
    await flush();

    expect(h.fetch).toHaveBeenCalledWith(
      userinfoUrl,
      expect.objectContaining({ headers: { Authorization: 'Bearer ya29.first' } }),
    );
    expect(h.session.getState()).toEqual({
      status: 'ready',
      email: 'alice@example.com',
      emailLookup: 'done',
      expiresAt: Date.now() + 3599_000,
      hint: 'alice@example.com',
    });
    expect(h.storage.getItem('gmail-sender.account-hint')).toBe('alice@example.com');
    expect(h.tokenChanges).toEqual(['ya29.first']);
  });

  it('passes the remembered account as login_hint so Google skips the chooser', async () => {
    const h = await startSession({ storedHint: 'bob@example.org' });
    h.session.connect();
    expect(h.gis.requests).toEqual([{ prompt: '', login_hint: 'bob@example.org' }]);
  });

  it('a first Send click authorizes and resolves with the token', async () => {
    const h = await startSession();
    const token = h.session.ensureToken();
    expect(h.gis.requests).toEqual([{ prompt: '' }]);
    h.gis.grant({ token: 'ya29.from-send' });
    await expect(token).resolves.toBe('ya29.from-send');
  });

  it('remembers the account actually chosen, even when it differs from the hint', async () => {
    const h = await startSession({ storedHint: 'alice@example.com', email: 'carol@example.net' });
    await connected(h);
    expect(h.session.getState()).toMatchObject({ email: 'carol@example.net', hint: 'carol@example.net' });
    expect(h.storage.getItem('gmail-sender.account-hint')).toBe('carol@example.net');
  });
});

describe('ensureToken in the Send click', () => {
  it('resolves at once with no popup while the token has more than 5 minutes left', async () => {
    const h = await connected(await startSession());
    vi.advanceTimersByTime(3599_000 - 5 * minute - 1);
    await expect(h.session.ensureToken()).resolves.toBe('ya29.token-1');
    expect(h.gis.requests).toHaveLength(1);
  });

  it('renews silently (prompt "" + login_hint) inside the margin and resolves with the new token', async () => {
    const h = await connected(await startSession());
    vi.advanceTimersByTime(3599_000 - 5 * minute);
    const token = h.session.ensureToken();
    expect(h.gis.requests[1]).toEqual({ prompt: '', login_hint: 'alice@example.com' });
    expect(h.session.getState()).toEqual({ status: 'renewing', email: 'alice@example.com', hint: 'alice@example.com' });
    h.gis.grant({ token: 'ya29.token-2' });
    await expect(token).resolves.toBe('ya29.token-2');
    expect(h.session.getState()).toMatchObject({ status: 'ready', email: 'alice@example.com' });
    expect(h.tokenChanges).toEqual(['ya29.token-1', 'ya29.token-2']);
  });

  it('renews after the token has fully expired, and accessToken() is null meanwhile', async () => {
    const h = await connected(await startSession());
    vi.advanceTimersByTime(3599_000 - 1);
    expect(h.session.accessToken()).toBe('ya29.token-1');
    vi.advanceTimersByTime(1);
    expect(h.session.accessToken()).toBeNull();
    void h.session.ensureToken();
    expect(h.gis.requests).toHaveLength(2);
  });

  it('opens one popup for two ensureToken calls in one tick, and both get the token', async () => {
    const h = await startSession();
    const first = h.session.ensureToken();
    const second = h.session.ensureToken();
    h.session.connect();
    expect(h.gis.requests).toHaveLength(1);
    h.gis.grant({ token: 'ya29.shared' });
    await expect(Promise.all([first, second])).resolves.toEqual(['ya29.shared', 'ya29.shared']);
  });

  it('joins a renewal already in flight instead of opening a second popup', async () => {
    const h = await connected(await startSession());
    vi.advanceTimersByTime(3599_000);
    const first = h.session.ensureToken();
    const second = h.session.ensureToken();
    expect(h.gis.requests).toHaveLength(2);
    h.gis.grant({ token: 'ya29.renewed' });
    await expect(second).resolves.toBe('ya29.renewed');
    await expect(first).resolves.toBe('ya29.renewed');
  });

  it('accepts expires_in as a string (as @types claims) and falls back to one hour when it is missing', async () => {
    const h = await connected(await startSession(), 'ya29.s', '120');
    expect(h.session.getState()).toMatchObject({ expiresAt: Date.now() + 120_000 });
    h.session.invalidateToken();
    void h.session.ensureToken();
    h.gis.grant({ token: 'ya29.n', expiresIn: undefined });
    expect(h.session.getState()).toMatchObject({ expiresAt: Date.now() + 3599_000 });
  });

  it('never renews earlier than half the lifetime of a short token', async () => {
    const h = await connected(await startSession(), 'ya29.short', 60);
    vi.advanceTimersByTime(29_999);
    await expect(h.session.ensureToken()).resolves.toBe('ya29.short');
    vi.advanceTimersByTime(1);
    void h.session.ensureToken();
    expect(h.gis.requests).toHaveLength(2);
  });
});

describe('401 from the API', () => {
  it('forgets the token so the next click renews with prompt "" and no consent screen', async () => {
    const h = await connected(await startSession());
    h.session.invalidateToken('ya29.token-1');
    expect(h.session.accessToken()).toBeNull();
    expect(h.session.getState()).toMatchObject({ status: 'ready', email: 'alice@example.com', expiresAt: null });
    expect(h.tokenChanges.at(-1)).toBeNull();

    const token = h.session.ensureToken();
    expect(h.gis.requests[1]).toEqual({ prompt: '', login_hint: 'alice@example.com' });
    h.gis.grant({ token: 'ya29.after-401' });
    await expect(token).resolves.toBe('ya29.after-401');
  });

  it('ignores a 401 for a token that has already been replaced', async () => {
    const h = await connected(await startSession(), 'ya29.new');
    h.session.invalidateToken('ya29.old');
    expect(h.session.accessToken()).toBe('ya29.new');
  });
});

describe('403 insufficient scope from the API', () => {
  it('drops the token and asks with the consent screen once, then renews silently again', async () => {
    const h = await connected(await startSession());
    h.session.requireConsent();
    expect(h.session.accessToken()).toBeNull();
    const token = h.session.ensureToken();
    expect(h.gis.requests[1]).toEqual({ prompt: 'consent', login_hint: 'alice@example.com' });
    h.gis.grant({ token: 'ya29.with-send' });
    await expect(token).resolves.toBe('ya29.with-send');
    h.session.invalidateToken('ya29.with-send');
    void h.session.ensureToken();
    expect(h.gis.requests[2]).toEqual({ prompt: '', login_hint: 'alice@example.com' });
  });
});

describe('popup closed and cancel', () => {
  it('closing the first popup goes back to signed out quietly and rejects the Send as cancelled', async () => {
    const h = await startSession({ storedHint: 'alice@example.com' });
    const token = h.session.ensureToken();
    h.gis.clientError('popup_closed');
    expect(h.session.getState()).toEqual({ status: 'signed-out', hint: 'alice@example.com' });
    await expect(token).rejects.toEqual(new TokenRequestError('cancelled'));
  });

  it('closing a renewal popup goes back to ready with the same account', async () => {
    const h = await connected(await startSession());
    h.session.invalidateToken();
    void h.session.ensureToken().catch(() => {});
    h.gis.clientError('popup_closed');
    expect(h.session.getState()).toMatchObject({ status: 'ready', email: 'alice@example.com', expiresAt: null });
  });

  it('closing the popup of a retry clears the earlier failure instead of showing it again', async () => {
    const h = await startSession();
    h.session.connect();
    h.gis.clientError('popup_failed_to_open');
    h.session.connect();
    h.gis.clientError('popup_closed');
    expect(h.session.getState().status).toBe('signed-out');
  });

  it('cancel() stops waiting for a popup that never reports, and ignores its late answer', async () => {
    const h = await startSession();
    const token = h.session.ensureToken();
    h.session.cancel();
    expect(h.session.getState().status).toBe('signed-out');
    await expect(token).rejects.toMatchObject({ kind: 'cancelled' });
    h.gis.grant({ token: 'ya29.late' });
    expect(h.session.getState().status).toBe('signed-out');
    expect(h.session.accessToken()).toBeNull();
  });
});

describe('sign out', () => {
  it('revokes the token, clears it from gapi and keeps the hint unless asked', async () => {
    const h = await connected(await startSession());
    h.session.signOut();
    expect(h.gis.revoked).toEqual(['ya29.token-1']);
    expect(h.tokenChanges.at(-1)).toBeNull();
    expect(h.session.accessToken()).toBeNull();
    expect(h.session.getState()).toEqual({
      status: 'signed-out',
      hint: 'alice@example.com',
      revoke: { status: 'pending' },
    });
    await flush();
    expect(h.session.revokeOutcome()).toEqual({ status: 'revoked' });
  });

  it('forgets the remembered account when asked, so the next grant has no login_hint', async () => {
    const h = await connected(await startSession());
    h.session.signOut({ forgetHint: true });
    expect(h.storage.getItem('gmail-sender.account-hint')).toBeNull();
    expect(h.session.getState()).toMatchObject({ status: 'signed-out', hint: null });
    h.session.connect();
    expect(h.gis.requests.at(-1)).toEqual({ prompt: '' });
  });

  it('forgetHint() alone removes the stored email but keeps the session', async () => {
    const h = await connected(await startSession());
    h.session.forgetHint();
    expect(h.storage.getItem('gmail-sender.account-hint')).toBeNull();
    expect(h.session.getState()).toMatchObject({ status: 'ready', hint: null, email: 'alice@example.com' });
  });

  it('does not remember the account again on a renewal after the user chose Forget', async () => {
    const h = await connected(await startSession());
    h.session.forgetHint();
    h.session.invalidateToken();
    void h.session.ensureToken();
    expect(h.gis.requests.at(-1)).toEqual({ prompt: '', login_hint: 'alice@example.com' });
    h.gis.grant({ token: 'ya29.token-2' });
    await flush();
    expect(h.storage.getItem('gmail-sender.account-hint')).toBeNull();
    expect(h.session.getState()).toMatchObject({ status: 'ready', hint: null, email: 'alice@example.com' });
  });

  it('a sign-out during a popup cancels the waiting Send and ignores the late grant', async () => {
    const h = await startSession();
    const token = h.session.ensureToken();
    h.session.signOut();
    await expect(token).rejects.toMatchObject({ kind: 'cancelled' });
    h.gis.grant({ token: 'ya29.late' });
    await flush();
    expect(h.session.getState().status).toBe('signed-out');
    expect(h.fetch).not.toHaveBeenCalled();
  });

  it('after sign-out a send needs a new grant', async () => {
    const h = await connected(await startSession());
    h.session.signOut();
    const token = h.session.ensureToken();
    expect(h.gis.requests).toHaveLength(2);
    expect(h.session.getState().status).toBe('authorizing');
    h.gis.grant({ token: 'ya29.second-grant' });
    await expect(token).resolves.toBe('ya29.second-grant');
  });
});

describe('the token stays in memory', () => {
  it('never reaches storage through a whole session: grant, renew, 401, sign out', async () => {
    const h = await connected(await startSession());
    vi.advanceTimersByTime(3599_000);
    void h.session.ensureToken();
    h.gis.grant({ token: 'ya29.token-2' });
    h.session.invalidateToken();
    void h.session.ensureToken();
    h.gis.grant({ token: 'ya29.token-3' });
    await flush();
    h.session.signOut();
    expect(h.storage.writes.length).toBeGreaterThan(0);
    for (const [key, value] of h.storage.writes) {
      expect(value).not.toContain('ya29');
      expect(key).not.toContain('ya29');
    }
    expect(h.storage.writes).toEqual([['gmail-sender.account-hint', 'alice@example.com']]);
  });
});

it('requests only the two scopes it needs, whatever Google returns', () => {
  expect(fullScope.split(' ')).toEqual(['https://www.googleapis.com/auth/gmail.send', 'email']);
});
