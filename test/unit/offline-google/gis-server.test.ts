/**
 * Server side of the GIS double, against /work/shared/reference/gis-gapi.md §6 items that need no browser:
 * 3 (default prompt), 6 (prompt 'none' / ''), 7 (scope union), 10 (revoke), 11 (clock, 401/403), plus userinfo.
 * The browser halves of these items are in test/e2e/offline-google/gis.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { type AuthRequest, issueForDecision, parseAuthRequest, planAuth } from '../../offline-google/oauth-routes.ts';
import { OfflineGoogleState } from '../../offline-google/state.ts';
import { GMAIL_SEND, sendRaw, simple, tokenFor, useOfflineGoogle } from './helpers.ts';

const google = useOfflineGoogle();
const CLIENT = 'offline-demo-client.apps.googleusercontent.com';

function request(overrides: Partial<AuthRequest> = {}): AuthRequest {
  return {
    clientId: CLIENT,
    scopes: ['email', GMAIL_SEND],
    prompt: '',
    loginHint: '',
    includeGrantedScopes: true,
    state: null,
    openerOrigin: 'http://localhost:4173',
    requestId: 'auth1',
    chosen: false,
    ...overrides,
  };
}

describe('§6.3/§6.6 prompt semantics (JSREF: prompt, login_hint)', () => {
  it("defaults prompt to 'select_account' and reads the opener origin from GIS's storagerelay redirect_uri", () => {
    const parsed = parseAuthRequest(
      new URL(
        'http://x/o/oauth2/v2/auth?client_id=c&scope=email&redirect_uri=storagerelay%3A%2F%2Fhttp%2Flocalhost%3A4173%3Fid%3Dauth7',
      ),
    );
    expect(parsed.prompt).toBe('select_account');
    expect(parsed.openerOrigin).toBe('http://localhost:4173');
    expect(parsed.requestId).toBe('auth7');
  });

  it('shows the chooser with several accounts and no usable login_hint; a login_hint skips it', () => {
    const state = new OfflineGoogleState();
    expect(planAuth(state, request()).kind).toBe('chooser');
    expect(planAuth(state, request({ loginHint: 'nobody@example.com' })).kind).toBe('chooser');
    expect(planAuth(state, request({ loginHint: 'bob@example.com' }))).toMatchObject({
      kind: 'consent',
      account: { email: 'bob@example.com' },
    });
  });

  it("'none' without a prior grant answers interaction_required/access_denied (observed GSI log) and never shows UI", () => {
    const state = new OfflineGoogleState();
    expect(planAuth(state, request({ prompt: 'none', loginHint: 'alice@example.com' }))).toMatchObject({
      kind: 'oauth-error',
      response: { error: 'interaction_required', error_subtype: 'access_denied' },
    });
    expect(planAuth(state, request({ prompt: 'none' })).kind).toBe('oauth-error');
  });

  it("'' shows consent the first time only; 'consent' always asks; 'select_account' asks for the account", () => {
    const state = new OfflineGoogleState();
    const first = request({ loginHint: 'alice@example.com' });
    expect(planAuth(state, first).kind).toBe('consent');
    issueForDecision(state, first, 'alice@example.com', [GMAIL_SEND], 'consent');
    expect(planAuth(state, first)).toMatchObject({ kind: 'approve', prompt: 'none', showUi: false });
    expect(planAuth(state, { ...first, prompt: 'none' })).toMatchObject({ kind: 'approve', prompt: 'none' });
    expect(planAuth(state, { ...first, prompt: 'consent' }).kind).toBe('consent');
    expect(planAuth(state, request({ prompt: 'select_account' })).kind).toBe('chooser');
  });

  it('a single signed-in account needs no chooser, except for an explicit select_account', () => {
    const state = new OfflineGoogleState({ accounts: [{ email: 'solo@example.com', name: 'Solo' }] });
    expect(planAuth(state, request()).kind).toBe('consent');
    expect(planAuth(state, request({ prompt: 'select_account' })).kind).toBe('chooser');
  });

  it('rejects a bad scope or a missing client_id with an error page, as Google does inside the popup (ERRGUIDE)', () => {
    const state = new OfflineGoogleState();
    expect(planAuth(state, request({ scopes: ['gmail.send'] }))).toMatchObject({
      kind: 'error-page',
      error: 'invalid_scope',
    });
    expect(planAuth(state, request({ clientId: '' }))).toMatchObject({ kind: 'error-page', error: 'invalid_request' });
  });
});

describe('§6.7 token response: expires_in 3599 (number), authuser, scope union unless include_granted_scopes:false', () => {
  it('accumulates grants across requests (TOKMODEL: "previously accepted grants ... included")', () => {
    const state = new OfflineGoogleState();
    const base = request({ loginHint: 'alice@example.com', scopes: ['email'] });
    const first = issueForDecision(state, base, 'alice@example.com', [], 'consent')!;
    expect(first).toMatchObject({ token_type: 'Bearer', expires_in: 3599, authuser: '0', prompt: 'consent' });
    expect(String(first.scope).split(' ').sort()).toEqual([
      'email',
      'https://www.googleapis.com/auth/userinfo.email',
      'openid',
    ]);
    const second = issueForDecision(
      state,
      { ...base, scopes: [GMAIL_SEND] },
      'alice@example.com',
      [GMAIL_SEND],
      'consent',
    )!;
    expect(String(second.scope).split(' ')).toEqual(expect.arrayContaining(['email', GMAIL_SEND]));
    const narrow = issueForDecision(
      state,
      { ...base, scopes: [GMAIL_SEND], includeGrantedScopes: false },
      'alice@example.com',
      [GMAIL_SEND],
      'none',
    )!;
    expect(narrow.scope).toBe(GMAIL_SEND);
  });

  it('a partial grant (box unchecked) leaves the scope out of the token', () => {
    const state = new OfflineGoogleState();
    const response = issueForDecision(
      state,
      request({ loginHint: 'bob@example.com' }),
      'bob@example.com',
      [],
      'consent',
    )!;
    expect(String(response.scope)).not.toContain(GMAIL_SEND);
    expect(response.authuser).toBe('1');
  });
});

describe('§6.10 revoke and §6.11 clock: expired, revoked or garbage tokens get the 401 body; missing scope 403', () => {
  it('tokens stop working after 3599 s of the movable clock', async () => {
    const token = await tokenFor(google);
    await google.control.advanceClock(3590);
    expect((await sendRaw(google, simple, { token })).status).toBe(200);
    await google.control.advanceClock(10);
    const reply = await sendRaw(google, simple, { token });
    expect(reply.status).toBe(401);
    expect((await reply.json()).error.errors[0].reason).toBe('authError');
  });

  it('revoke answers {} then invalid_token "Token expired or revoked", kills every token of that grant, forgets the grant', async () => {
    const token = await tokenFor(google);
    const sibling = await tokenFor(google);
    const revoke = () =>
      fetch(`${google.google.origins['oauth2.googleapis.com']}/revoke?token=${token}`, { method: 'POST' });
    const first = await revoke();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({});
    const again = await revoke();
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_token', error_description: 'Token expired or revoked' });
    expect((await sendRaw(google, simple, { token: sibling })).status).toBe(401);
    expect(await google.control.grants()).toEqual({});
  });
});

describe('userinfo (/oauth2/v3/userinfo): the account for tokens with the email scope, 401 otherwise', () => {
  it('answers sub, email, email_verified', async () => {
    const token = await tokenFor(google, ['email', GMAIL_SEND], 'bob@example.com');
    const reply = await fetch(`${google.google.origins['www.googleapis.com']}/oauth2/v3/userinfo`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(200);
    const body = await reply.json();
    expect(body).toMatchObject({ email: 'bob@example.com', email_verified: true });
    expect(body.sub).toMatch(/^\d{21}$/);
  });

  it('401 for a token without the email scope, or none', async () => {
    const token = await tokenFor(google, [GMAIL_SEND]);
    expect(
      (
        await fetch(`${google.google.origins['www.googleapis.com']}/oauth2/v3/userinfo`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(401);
    expect((await fetch(`${google.google.origins['www.googleapis.com']}/oauth2/v3/userinfo`)).status).toBe(401);
  });
});

describe('discovery document and scripts are served at Google-shaped paths', () => {
  it('serves the real Gmail discovery doc (rootUrl rewritten to the double) at both discovery URLs', async () => {
    for (const path of ['/discovery/v1/apis/gmail/v1/rest', '/$discovery/rest?version=v1']) {
      const doc = await (await fetch(`${google.origin}${path}`)).json();
      expect(doc.revision).toBe('20260525');
      expect(doc.rootUrl).toBe(`${google.origin}/`);
      expect(doc.resources.users.resources.messages.methods.send.mediaUpload.maxSize).toBe('36700160');
    }
  });

  it('serves /gsi/client on accounts.google.com and /js/api.js on apis.google.com, as JavaScript', async () => {
    for (const [host, path] of [
      ['accounts.google.com', '/gsi/client'],
      ['apis.google.com', '/js/api.js'],
    ] as const) {
      const reply = await fetch(`${google.google.origins[host]}${path}`);
      expect(reply.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
  });
});
