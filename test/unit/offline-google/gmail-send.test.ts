/**
 * Contract tests for the Gmail send double, one `describe` per item of the checklist in
 * /work/shared/reference/gmail-send.md §6 (items 8 and 9 are in gmail-uploads.test.ts).
 */
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  base64url,
  GMAIL_SEND,
  message,
  sendJsonBody,
  sendRaw,
  simple,
  tokenFor,
  useOfflineGoogle,
} from './helpers.ts';

const google = useOfflineGoogle();

describe('§6.1 routes: JSON, upload and resumable shapes; userId me or own address, else Delegation denied', () => {
  it('accepts userId "me" and the account address on the JSON path', async () => {
    const token = await tokenFor(google);
    expect((await sendRaw(google, simple, { token })).status).toBe(200);
    expect((await sendRaw(google, simple, { token, userId: 'Alice@Example.com' })).status).toBe(200);
  });

  it('answers 403 "Delegation denied for <account>" for another address (home-assistant/core#87920)', async () => {
    const reply = await sendRaw(google, simple, { token: await tokenFor(google), userId: 'bob@example.com' });
    expect(reply.status).toBe(403);
    const body = await reply.json();
    expect(body.error.message).toBe('Delegation denied for alice@example.com');
    expect(body.error.errors[0]).toEqual({
      message: 'Delegation denied for alice@example.com',
      domain: 'global',
      reason: 'forbidden',
    });
  });

  it('serves both /upload/gmail/v1 and /resumable/upload/gmail/v1 for the upload protocols', async () => {
    const token = await tokenFor(google);
    for (const prefix of ['/upload', '/resumable/upload']) {
      const reply = await fetch(`${google.origin}${prefix}/gmail/v1/users/me/messages/send?uploadType=media`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'message/rfc822' },
        body: simple,
      });
      expect(reply.status, prefix).toBe(200);
    }
  });
});

describe('§6.2 auth: 401 UNAUTHENTICATED with WWW-Authenticate; 403 insufficientPermissions without a send scope', () => {
  it('401 "missing required authentication credential" with no token', async () => {
    const reply = await sendRaw(google, simple);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="https://accounts.google.com/"');
    const body = await reply.json();
    expect(body.error.status).toBe('UNAUTHENTICATED');
    expect(body.error.message).toMatch(/^Request is missing required authentication credential/);
  });

  it('401 Invalid Credentials (authError) for a garbage token, body as in google-api-nodejs-client#2665', async () => {
    const reply = await sendRaw(google, simple, { token: 'ya29.garbage' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe(
      'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    );
    const body = await reply.json();
    expect(body.error.errors).toEqual([
      {
        message: 'Invalid Credentials',
        domain: 'global',
        reason: 'authError',
        location: 'Authorization',
        locationType: 'header',
      },
    ]);
  });

  it('403 PERMISSION_DENIED + ACCESS_TOKEN_SCOPE_INSUFFICIENT for a token with only sign-in scopes', async () => {
    const reply = await sendRaw(google, simple, { token: await tokenFor(google, ['email', 'openid']) });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('www-authenticate')).toMatch(/error="insufficient_scope", scope=".*gmail\.send/);
    const body = await reply.json();
    expect(body.error.message).toBe('Request had insufficient authentication scopes.');
    expect(body.error.errors[0].reason).toBe('insufficientPermissions');
    expect(body.error.details[0].reason).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });

  it('accepts every send scope from the discovery document, e.g. https://mail.google.com/', async () => {
    const reply = await sendRaw(google, simple, { token: await tokenFor(google, ['https://mail.google.com/']) });
    expect(reply.status).toBe(200);
  });

  it('accepts the token as the access_token query parameter (google-api-javascript-client docs/cors.md)', async () => {
    const token = await tokenFor(google);
    const reply = await fetch(`${google.origin}/gmail/v1/users/me/messages/send?access_token=${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ raw: base64url(simple) }),
    });
    expect(reply.status).toBe(200);
  });
});

describe('§6.3 raw decoding: base64url with or without padding; decoding failures; missing raw; +/ switch', () => {
  const odd = message({ To: 'carol@example.org', Subject: 'x' }, 'ab'); // length not a multiple of 3: padding matters

  it('accepts unpadded and padded base64url', async () => {
    const token = await tokenFor(google);
    expect((await sendJsonBody(google, { raw: base64url(odd) }, { token })).status).toBe(200);
    expect((await sendJsonBody(google, { raw: base64url(odd, true) }, { token })).status).toBe(200);
    const [first, second] = await google.control.outbox();
    expect(Buffer.from(first!.originalRawBase64, 'base64').toString()).toBe(odd);
    expect(second!.originalRawBase64).toBe(first!.originalRawBase64);
  });

  it('400 "Base64 decoding failed" for undecodable text (FlowCrypt/flowcrypt-android#859)', async () => {
    const reply = await sendJsonBody(google, { raw: 'not base64 at all!' }, { token: await tokenFor(google) });
    expect(reply.status).toBe(400);
    const body = await reply.json();
    expect(body.error.status).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toMatch(/^Invalid value at 'message\.raw' \(TYPE_BYTES\), Base64 decoding failed for "/);
  });

  it('400 badRequest "\'raw\' RFC822 payload ... required" when raw is missing (google-api-dotnet-client#856)', async () => {
    const reply = await sendJsonBody(google, {}, { token: await tokenFor(google) });
    expect(reply.status).toBe(400);
    const body = await reply.json();
    expect(body.error.errors[0].reason).toBe('badRequest');
    expect(body.error.message).toBe(
      "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
    );
  });

  it('rejects the standard alphabet (+ and /) unless acceptStandardBase64 is switched on', async () => {
    const raw = Buffer.from(message({ To: 'carol@example.org', Subject: '???>>>' }, '\u00ff\u00fe')).toString('base64');
    expect(raw).toMatch(/[+/]/);
    const token = await tokenFor(google);
    expect((await sendJsonBody(google, { raw }, { token })).status).toBe(400);
    await google.control.settings({ acceptStandardBase64: true });
    expect((await sendJsonBody(google, { raw }, { token })).status).toBe(200);
  });
});

describe('§6.4 header checks: recipients from To/Cc/Bcc only; "Recipient address required"; "Invalid To header"', () => {
  it('400 "Recipient address required" with no To, Cc or Bcc (Byron/google-apis-rs#351)', async () => {
    const reply = await sendRaw(google, message({ Subject: 'nobody' }), { token: await tokenFor(google) });
    expect(reply.status).toBe(400);
    expect(await reply.json()).toEqual({
      error: {
        code: 400,
        message: 'Recipient address required',
        errors: [{ message: 'Recipient address required', domain: 'global', reason: 'invalidArgument' }],
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('400 "Invalid To header" for `To: human@f` (FlowCrypt/flowcrypt-browser#1370)', async () => {
    const reply = await sendRaw(google, message({ To: 'human@f' }), { token: await tokenFor(google) });
    expect(reply.status).toBe(400);
    expect((await reply.json()).error.message).toBe('Invalid To header');
  });

  it('a Bcc-only message is deliverable', async () => {
    const reply = await sendRaw(google, message({ Bcc: 'hidden@example.net' }), { token: await tokenFor(google) });
    expect(reply.status).toBe(200);
  });

  it('caps recipients per message when the Workspace profile (100) is on', async () => {
    await google.control.settings({ maxRecipients: 100 });
    const many = Array.from({ length: 101 }, (_, i) => `r${i}@example.org`).join(', ');
    const reply = await sendRaw(google, message({ To: many }), { token: await tokenFor(google) });
    expect(reply.status).toBe(400);
  });
});

describe('§6.5 rewrites on the SENT copy: From, Message-ID, Date; Bcc kept in the sender copy', () => {
  it('replaces a foreign From with the account, silently (google-api-php-client#2393)', async () => {
    const raw = message({ From: 'Mallory <mallory@evil.example>', To: 'carol@example.org', Bcc: 'b@example.net' });
    expect((await sendRaw(google, raw, { token: await tokenFor(google) })).status).toBe(200);
    const [sent] = await google.control.outbox();
    expect(sent!.parsed.from).toEqual({ name: 'Alice Example', address: 'alice@example.com' });
    expect(sent!.parsed.bcc).toEqual([{ name: '', address: 'b@example.net' }]);
    // Delivered copies: To/Cc see no Bcc, each Bcc recipient sees only itself.
    expect(sent!.deliveries).toEqual([
      { address: 'carol@example.org', field: 'to', bccSeen: null },
      { address: 'b@example.net', field: 'bcc', bccSeen: 'b@example.net' },
    ]);
  });

  it('keeps a From naming a configured send-as alias', async () => {
    await google.control.setAccounts([{ email: 'alice@example.com', name: 'Alice', aliases: ['team@example.com'] }]);
    const raw = message({ From: 'Team <team@example.com>', To: 'carol@example.org' });
    await sendRaw(google, raw, { token: await tokenFor(google) });
    const [sent] = await google.control.outbox();
    expect(sent!.parsed.from).toEqual({ name: 'Team', address: 'team@example.com' });
  });

  it('adds Message-ID and Date when missing, keeps them when present', async () => {
    const token = await tokenFor(google);
    await sendRaw(google, message({ To: 'carol@example.org' }), { token });
    await sendRaw(
      google,
      message({ To: 'carol@example.org', 'Message-ID': '<mine@example.com>', Date: 'Mon, 2 Nov 2026 10:00:00 +0900' }),
      { token },
    );
    const [added, kept] = await google.control.outbox();
    expect(added!.parsed.messageId).toMatch(/^<CA\+offline[0-9a-f]{16}@mail\.gmail\.com>$/);
    expect(added!.parsed.date).toBeTruthy();
    expect(kept!.parsed.messageId).toBe('<mine@example.com>');
  });

  it('keeps every other byte, Japanese included', async () => {
    const subject = `=?UTF-8?B?${Buffer.from('会議の件').toString('base64')}?=`;
    const raw = message({
      From: 'alice@example.com',
      To: 'carol@example.org',
      Subject: subject,
      'Message-ID': '<a@b.c>',
      Date: 'Mon, 2 Nov 2026 10:00:00 +0900',
    });
    await sendRaw(google, raw, { token: await tokenFor(google) });
    const [sent] = await google.control.outbox();
    expect(Buffer.from(sent!.rawBase64, 'base64').toString()).toBe(raw);
    expect(sent!.parsed.subject).toBe('会議の件');
  });
});

describe('§6.6 success: {id, threadId, labelIds}, 16-hex ids, self-send labels, threading rules', () => {
  it('answers 200 with exactly id, threadId and labelIds ["SENT"]', async () => {
    const reply = await sendRaw(google, simple, { token: await tokenFor(google) });
    const body = await reply.json();
    expect(Object.keys(body).sort()).toEqual(['id', 'labelIds', 'threadId']);
    expect(body.id).toMatch(/^[0-9a-f]{16}$/);
    expect(body.threadId).toBe(body.id);
    expect(body.labelIds).toEqual(['SENT']);
  });

  it('adds UNREAD and INBOX when sent to oneself (google-api-nodejs-client#710)', async () => {
    const reply = await sendRaw(google, message({ To: 'alice@example.com' }), { token: await tokenFor(google) });
    expect((await reply.json()).labelIds).toEqual(['UNREAD', 'SENT', 'INBOX']);
  });

  it('joins a thread only with threadId + In-Reply-To + matching Subject; unknown threadId is an error', async () => {
    const token = await tokenFor(google);
    const first = await (
      await sendRaw(google, message({ To: 'c@example.org', Subject: 'Plan', 'Message-ID': '<p1@x.y>' }), { token })
    ).json();
    const reply = message({
      To: 'c@example.org',
      Subject: 'Re: Plan',
      'In-Reply-To': '<p1@x.y>',
      References: '<p1@x.y>',
    });
    const joined = await (
      await sendJsonBody(google, { raw: base64url(reply), threadId: first.threadId }, { token })
    ).json();
    expect(joined.threadId).toBe(first.threadId);
    const otherSubject = message({ To: 'c@example.org', Subject: 'Other', 'In-Reply-To': '<p1@x.y>' });
    const separate = await (
      await sendJsonBody(google, { raw: base64url(otherSubject), threadId: first.threadId }, { token })
    ).json();
    expect(separate.threadId).not.toBe(first.threadId);
    const unknown = await sendJsonBody(google, { raw: base64url(reply), threadId: '0000000000000000' }, { token });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toBe('Invalid thread_id value');
  });
});

describe('§6.7 sizes: JSON-body cap (413), upload cap 36,700,160', () => {
  it('answers 413 above the configured JSON cap, and accepts just below it', async () => {
    await google.control.settings({ jsonBodyLimit: 64 * 1024 });
    const token = await tokenFor(google);
    const big = message({ To: 'c@example.org' }, 'x'.repeat(60 * 1024));
    expect((await sendRaw(google, big, { token })).status).toBe(413);
    expect((await sendRaw(google, message({ To: 'c@example.org' }, 'x'.repeat(40 * 1024)), { token })).status).toBe(
      200,
    );
  });

  it('defaults the JSON cap to 5 MiB', async () => {
    const token = await tokenFor(google);
    const reply = await sendJsonBody(google, { raw: 'A'.repeat(5 * 1024 * 1024 + 10) }, { token });
    expect(reply.status).toBe(413);
  });

  it('rejects an upload declared over 36,700,160 bytes (discovery mediaUpload.maxSize)', async () => {
    const reply = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await tokenFor(google)}`,
        'X-Upload-Content-Length': '36700161',
        'X-Upload-Content-Type': 'message/rfc822',
      },
    });
    expect(reply.status).toBe(413);
  });
});

describe('§6.10 error envelope: {error:{code,message,errors,status}} with application/json; charset=UTF-8', () => {
  it('every JSON error carries code, message, errors[] and status', async () => {
    const replies = [await sendRaw(google, simple), await sendJsonBody(google, {}, { token: await tokenFor(google) })];
    for (const reply of replies) {
      expect(reply.headers.get('content-type')).toBe('application/json; charset=UTF-8');
      const { error } = await reply.json();
      expect(error.code).toBe(reply.status);
      expect(typeof error.message).toBe('string');
      expect(error.errors.length).toBeGreaterThan(0);
      expect(typeof error.status).toBe('string');
    }
  });
});

describe('§6.11 CORS: preflight, echoed Origin, credentials, exposed headers, also on errors', () => {
  it('answers the preflight with the requested headers and methods', async () => {
    const reply = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-range',
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(reply.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(reply.headers.get('access-control-allow-headers')).toBe('authorization, content-range');
  });

  it('echoes Origin with credentials and exposes the observed list (WWW-Authenticate, not Location) on a 401', async () => {
    const reply = await sendRaw(google, simple);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(reply.headers.get('access-control-allow-credentials')).toBe('true');
    const exposed = (reply.headers.get('access-control-expose-headers') ?? '').split(',');
    expect(exposed).toContain('WWW-Authenticate');
    for (const name of ['Location', 'Range', 'Retry-After']) expect(exposed).not.toContain(name);
  });
});

describe('§6.12 recording: raw bytes and a postal-mime view of every accepted message', () => {
  it('records accepted messages only, with bytes that parse back to the same view', async () => {
    const token = await tokenFor(google, [GMAIL_SEND]);
    await sendRaw(google, message({ Subject: 'rejected' }), { token });
    await sendRaw(
      google,
      message({ To: '山田 <yamada@example.jp>', Cc: 'c@example.org', Subject: 'ok' }, 'こんにちは'),
      { token },
    );
    const outbox = await google.control.outbox();
    expect(outbox).toHaveLength(1);
    const reparsed = await PostalMime.parse(Buffer.from(outbox[0]!.rawBase64, 'base64'));
    expect(outbox[0]!.parsed.to).toEqual([{ name: reparsed.to![0]!.name, address: 'yamada@example.jp' }]);
    expect(outbox[0]!.parsed.cc[0]!.address).toBe('c@example.org');
    expect(outbox[0]!.via).toBe('json');
  });
});
