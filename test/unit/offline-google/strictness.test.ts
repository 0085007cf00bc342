/**
 * "Never kinder than Google" (issue 19 item 2): one contract test per strictness, each naming its source.
 * The faults ("accepted, then …", authorization before faults) are in faults-after-accept.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CLIENT_ID_DEMO, GMAIL_SEND, sendRaw, simple, tokenFor, useOfflineGoogle } from './helpers.ts';

const google = useOfflineGoogle();
const at = (host: keyof typeof google.google.origins) => google.google.origins[host];

function authUrl(host: string, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID_DEMO,
    scope: `email ${GMAIL_SEND}`,
    prompt: '',
    response_type: 'token',
    redirect_uri: `storagerelay://${APP_ORIGIN.replace('://', '/')}?id=auth1`,
    ...params,
  });
  return `${host}/o/oauth2/v2/auth?${query}`;
}

describe('one origin per Google host (gis-gapi.md §1.6 CSP hosts; gmail-send.md §1 hosts)', () => {
  it('answers each path only on its own host, 404 elsewhere', async () => {
    expect((await fetch(`${at('accounts.google.com')}/gsi/client`)).status).toBe(200);
    expect((await fetch(`${at('gmail.googleapis.com')}/gsi/client`)).status).toBe(404);
    expect((await fetch(`${at('apis.google.com')}/js/api.js`)).status).toBe(200);
    expect((await fetch(`${at('accounts.google.com')}/js/api.js`)).status).toBe(404);
    expect((await fetch(`${at('oauth2.googleapis.com')}/revoke?token=x`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${at('gmail.googleapis.com')}/revoke?token=x`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${at('www.googleapis.com')}/oauth2/v3/userinfo`)).status).toBe(401);
    expect((await fetch(`${at('gmail.googleapis.com')}/oauth2/v3/userinfo`)).status).toBe(404);
    expect((await fetch(`${google.google.origin}/gsi/client`)).status).toBe(404);
  });

  it('serves the Gmail API on gmail.googleapis.com and www.googleapis.com (gmail-send.md §6.1)', async () => {
    const token = await tokenFor(google);
    for (const host of ['gmail.googleapis.com', 'www.googleapis.com'] as const) {
      const reply = await fetch(`${at(host)}/gmail/v1/users/me/messages/send`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ raw: Buffer.from(simple).toString('base64url') }),
      });
      expect(reply.status).toBe(200);
    }
  });

  it('writes every host of the double into the scripts it serves (GIS opens the popup on accounts, revokes on oauth2)', async () => {
    const gis = await (await fetch(`${at('accounts.google.com')}/gsi/client`)).text();
    expect(gis).toContain(at('oauth2.googleapis.com'));
    expect(gis).not.toContain('/* @hosts */');
  });
});

describe('CORS exposes only what Google was observed to expose (gmail-send.md §5, ng-gapi#79)', () => {
  const observed =
    'Content-Encoding,Content-Length,Content-Type,Date,Server,Vary,WWW-Authenticate,X-Google-GFE-Backend-Request-Cost';

  it('API answers expose exactly the observed list', async () => {
    const reply = await sendRaw(google, simple, { token: await tokenFor(google) });
    expect(reply.headers.get('access-control-expose-headers')).toBe(observed);
  });

  it('upload answers add Location and Range (googledrive/cors-upload-sample reads both); Range can be hidden', async () => {
    const start = () =>
      fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
        method: 'POST',
        headers: { Origin: APP_ORIGIN, 'X-Upload-Content-Length': '10' },
      });
    await google.control.issueToken('alice@example.com', [GMAIL_SEND]);
    const exposed = async () => (await start()).headers.get('access-control-expose-headers')?.split(',') ?? [];
    expect(await exposed()).toEqual(expect.arrayContaining(['Location', 'Range']));
    // google-api-javascript-client#69: Range unreadable from the page.
    await google.control.settings({ uploadRangeHidden: true });
    expect(await exposed()).toContain('Location');
    expect(await exposed()).not.toContain('Range');
  });

  it('a preflight allows only known request headers, not whatever the page asks for', async () => {
    const reply = await fetch(`${google.origin}/gmail/v1/users/me/messages/send`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, x-my-own-header',
      },
    });
    expect(reply.headers.get('access-control-allow-headers')).toBe('authorization');
  });
});

describe('/__control is not usable from other origins (demo mode: any page could reset the double)', () => {
  it('refuses a request a browser page would send (Origin or Sec-Fetch-Site), and sends no CORS headers', async () => {
    const fromPage = await fetch(`${google.google.origin}/__control/reset`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
    const crossSite = await fetch(`${google.google.origin}/__control/tokens`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const node = await fetch(`${google.google.origin}/__control/health`);
    expect(node.status).toBe(200);
    expect(node.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers only loopback Host names (a DNS-rebinding page on another name gets 421)', async () => {
    const { request } = await import('node:http');
    const port = Number(new URL(google.google.origin).port);
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/__control/health', headers: { Host: `evil.example:${port}` } }, (r) =>
        resolve(r.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
  });
});

describe('the consent page cannot be framed (gis-gapi.md §1.6: the authorization endpoint refuses framing)', () => {
  it('sends X-Frame-Options: DENY and frame-ancestors none', async () => {
    const reply = await fetch(authUrl(at('accounts.google.com'), {}));
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
    expect(reply.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });
});

describe('authorized JavaScript origins per client (Google help "Understand & fix error codes")', () => {
  const client = '1234567890-strict.apps.googleusercontent.com';

  it('a page origin outside the list gets "Error 400: origin_mismatch" in the popup; the listed one passes', async () => {
    await google.control.setClients([
      { clientId: client, origins: ['https://app.example'], publishing: 'in-production' },
    ]);
    const wrong = await fetch(authUrl(at('accounts.google.com'), { client_id: client }));
    expect(wrong.status).toBe(400);
    const page = await wrong.text();
    expect(page).toContain('Error 400: origin_mismatch');
    expect(page).toContain('register the JavaScript origin in the Google Cloud Console');
    const right = await fetch(
      authUrl(at('accounts.google.com'), { client_id: client, redirect_uri: 'storagerelay://https/app.example?id=a1' }),
    );
    expect(right.status).toBe(200);
  });

  it('an unknown client ID gets "Error 401: invalid_client"', async () => {
    const reply = await fetch(authUrl(at('accounts.google.com'), { client_id: 'nobody.apps.googleusercontent.com' }));
    expect(reply.status).toBe(401);
    expect(await reply.text()).toContain('Error 401: invalid_client');
  });
});

describe('Testing clients: grants lapse seven days after consent (Google "Manage App Audience")', () => {
  const client = '1234567890-testing.apps.googleusercontent.com';

  it('the silent renewal works on day six and asks for consent again on day eight', async () => {
    await google.control.setClients([{ clientId: client, origins: [APP_ORIGIN], publishing: 'testing' }]);
    await google.control.issueToken('alice@example.com', ['email', GMAIL_SEND], client);
    const plan = async () => {
      const html = await (
        await fetch(authUrl(at('accounts.google.com'), { client_id: client, login_hint: 'alice@example.com' }))
      ).text();
      return JSON.parse(/<script type="application\/json" id="plan">(.*?)<\/script>/s.exec(html)![1]!).plan.kind;
    };
    expect(await plan()).toBe('approve');
    await google.control.advanceClock(6 * 24 * 3600);
    expect(await plan()).toBe('approve');
    await google.control.advanceClock(2 * 24 * 3600);
    expect(await plan()).toBe('consent');
  });

  it('an In production client keeps its grant', async () => {
    await google.control.setClients([{ clientId: client, origins: [APP_ORIGIN], publishing: 'in-production' }]);
    await google.control.issueToken('alice@example.com', ['email', GMAIL_SEND], client);
    await google.control.advanceClock(30 * 24 * 3600);
    expect(Object.keys(await google.control.grants())).toContain(`${client} alice@example.com`);
  });
});

describe('the consent popup follows the browser language, scope lines worded as Google words them', () => {
  it('English: "Send email on your behalf" (discovery); Japanese: 「ユーザーに代わってメールを送信」 (scopes?hl=ja)', async () => {
    const page = (language: string) =>
      fetch(authUrl(at('accounts.google.com'), { login_hint: 'alice@example.com' }), {
        headers: { 'Accept-Language': language },
      }).then((reply) => reply.text());
    const en = await page('en-US,en;q=0.9');
    expect(en).toContain('Send email on your behalf');
    expect(en).toContain('<html lang="en">');
    const ja = await page('ja-JP,ja;q=0.9,en;q=0.8');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('ユーザーに代わってメールを送信');
    expect(ja).toContain('Google アカウントへのアクセスをリクエストしています');
  });
});
