/**
 * Sign out that really revokes (issue 19 item 3), late grants, and the "consent asked again" notice (issue 18,
 * day eight). Sources: gis-gapi.md §1.7 (revoke and its RevocationResponse), §1.3 (`prompt` in the token response
 * is the prompt actually used: 'consent' after a consent screen).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connected, flush, startSession } from './session-harness.ts';

afterEach(() => vi.useRealTimers());

describe('Sign out revokes the grant and checks the answer', () => {
  it('revokes with the last granted token even after a 401 made the session drop it', async () => {
    const h = await connected(await startSession());
    h.session.invalidateToken('ya29.token-1');
    expect(h.session.accessToken()).toBeNull();
    h.session.signOut();
    expect(h.gis.revoked).toEqual(['ya29.token-1']);
    await flush();
    expect(h.session.getState()).toMatchObject({ status: 'signed-out', revoke: { status: 'revoked' } });
    expect(h.session.getState()).not.toHaveProperty('notice');
  });

  it('a refused revocation (expired token) is a notice with the way out, until dismissed', async () => {
    const h = await connected(await startSession());
    h.gis.revokeReply.answer = { successful: false, error: 'invalid_token' };
    h.session.signOut();
    expect(h.session.getState()).toMatchObject({ status: 'signed-out', revoke: { status: 'pending' } });
    await flush();
    expect(h.session.revokeOutcome()).toEqual({ status: 'failed', error: 'invalid_token' });
    expect(h.session.getState()).toMatchObject({ notice: { kind: 'revoke-failed', error: 'invalid_token' } });
    h.session.dismissNotice();
    expect(h.session.getState()).not.toHaveProperty('notice');
  });

  it('no answer from Google within 15 s (a blocked or lost request) is not taken as success', async () => {
    vi.useFakeTimers();
    const h = await connected(await startSession());
    h.gis.revokeReply.answer = 'never';
    h.session.signOut();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(h.session.getState()).toMatchObject({ notice: { kind: 'revoke-failed', error: 'no_answer' } });
  });

  it('the last token is forgotten at Sign out: a second Sign out has nothing to revoke', async () => {
    const h = await connected(await startSession());
    h.session.signOut();
    h.session.signOut();
    expect(h.gis.revoked).toEqual(['ya29.token-1']);
  });
});

describe('a grant that arrives after Cancel or Sign out', () => {
  it('after Cancel of a first Connect: revoked, and gapi gets no token', async () => {
    const h = await startSession();
    h.session.connect();
    h.session.cancel();
    h.gis.grant({ token: 'ya29.late' });
    await flush();
    expect(h.gis.revoked).toEqual(['ya29.late']);
    expect(h.tokenChanges.at(-1)).toBeNull();
    expect(h.session.getState().status).toBe('signed-out');
  });

  it('after Sign out while a renewal was open: revoked, gapi cleared', async () => {
    const h = await connected(await startSession());
    h.session.invalidateToken();
    void h.session.ensureToken().catch(() => {});
    h.session.signOut();
    h.gis.grant({ token: 'ya29.late' });
    await flush();
    expect(h.gis.revoked).toEqual(['ya29.token-1', 'ya29.late']);
    expect(h.tokenChanges.at(-1)).toBeNull();
  });

  it('after Cancel of a renewal: not revoked (the grant is the one in use), gapi gets the session token back', async () => {
    const h = await connected(await startSession());
    h.session.requireConsent();
    void h.session.ensureToken().catch(() => {});
    h.session.cancel();
    h.gis.grant({ token: 'ya29.late' });
    await flush();
    expect(h.gis.revoked).toEqual([]);
    expect(h.tokenChanges.at(-1)).toBeNull();
  });
});

describe('consent asked again although the renewal asked for none (day eight of a Testing app)', () => {
  it("a renewal with prompt '' answered with prompt 'consent' shows the notice", async () => {
    const h = await connected(await startSession());
    h.session.invalidateToken();
    void h.session.ensureToken();
    expect(h.gis.requests.at(-1)?.prompt).toBe('');
    h.gis.grant({ token: 'ya29.token-2', prompt: 'consent' });
    await flush();
    expect(h.session.getState()).toMatchObject({ status: 'ready', notice: { kind: 'consent-asked-again' } });
  });

  it('not on a first Connect, nor on a silent renewal, nor after Sign out in this page', async () => {
    const first = await startSession();
    first.session.connect();
    first.gis.grant({ prompt: 'consent' });
    await flush();
    expect(first.session.getState()).not.toHaveProperty('notice');

    first.session.invalidateToken();
    void first.session.ensureToken();
    first.gis.grant({ token: 'ya29.token-2', prompt: 'none' });
    await flush();
    expect(first.session.getState()).not.toHaveProperty('notice');

    first.session.signOut();
    first.session.connect();
    first.gis.grant({ token: 'ya29.token-3', prompt: 'consent' });
    await flush();
    expect(first.session.getState()).not.toHaveProperty('notice');
  });

  it('after a reload (remembered account, fresh page), Connect answered with a consent screen shows it too', async () => {
    const h = await startSession({ storedHint: 'alice@example.com' });
    h.session.connect();
    h.gis.grant({ prompt: 'consent' });
    await flush();
    expect(h.session.getState()).toMatchObject({ notice: { kind: 'consent-asked-again' } });
  });
});
