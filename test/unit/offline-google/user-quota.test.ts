/**
 * The per-user quota of the Gmail API (test/offline-google/user-quota.ts), each rule with its source:
 * - `messages.send` costs 100 units; "per minute per user per project" is 6,000 units for projects created since
 *   2026-05-01 and 15,000 before (developers.google.com/workspace/gmail/api/reference/quota; gmail-send.md §4), so at
 *   most 60 (or 150) sends a minute per user, counted per Cloud project (OAuth client) and per user.
 * - Over it: 429 RESOURCE_EXHAUSTED "Resource has been exhausted (e.g. check quota)." or 403 "Quota exceeded for
 *   quota metric 'Queries' and limit 'Queries per minute per user' …" (mxngls/gmail-cleaner#5 saw both;
 *   gmail-send.md §3), "429: Too many requests or 403: Rate limit exceeded" (Workspace quota overview).
 * - The minute slides: the units of the last 60 s count (the stricter reading of the quota overview's "rolling
 *   window"; see user-quota.ts). Off unless a test asks for it.
 */
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  GMAIL_SEND,
  type Harness,
  message,
  sendRaw,
  simple,
  tokenFor,
  useOfflineGoogle,
} from './helpers.ts';

const google = useOfflineGoogle();
const sixThousand = { unitsPerMinute: 6000 };

/** Sends `count` messages one after another; the statuses in order. */
async function sendMany(harness: Harness, count: number, token: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await sendRaw(harness, message({ To: `r${i}@example.org`, Subject: `n${i}` }), { token });
    await reply.arrayBuffer();
    statuses.push(reply.status);
  }
  return statuses;
}

const accepted = (statuses: number[]) => statuses.filter((status) => status === 200).length;

describe('off unless asked for', () => {
  it('70 sends in a row are all accepted by default (browser tests send this fast on a sped-up clock)', async () => {
    expect(accepted(await sendMany(google, 70, await tokenFor(google)))).toBe(70);
  });

  it('settings({ userQuota: null }) and reset() switch it off again', async () => {
    await google.control.settings({ userQuota: sixThousand });
    const token = await tokenFor(google);
    expect(accepted(await sendMany(google, 61, token))).toBe(60);
    await google.control.settings({ userQuota: null });
    expect(accepted(await sendMany(google, 5, token))).toBe(5);
    await google.control.reset();
    expect(accepted(await sendMany(google, 61, await tokenFor(google)))).toBe(61);
  });
});

describe('100 units a send against the units per minute per user', () => {
  it.each([
    ['6,000 units (projects since 2026-05-01): the 61st send of a minute is refused', 6000, 61, 60],
    ['15,000 units (older projects): the 151st', 15000, 152, 150],
    ['a limit below one send refuses every send', 99, 2, 0],
  ])('%s', async (_label, unitsPerMinute, count, expected) => {
    await google.control.settings({ userQuota: { unitsPerMinute } });
    const statuses = await sendMany(google, count, await tokenFor(google));
    expect(statuses.slice(0, expected).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(expected).every((status) => status === 429)).toBe(true);
    expect(await google.control.outbox()).toHaveLength(expected);
  });

  it('answers the observed 429 by default, and the refused send is not recorded', async () => {
    await google.control.settings({ userQuota: sixThousand });
    const token = await tokenFor(google);
    await sendMany(google, 60, token);
    const refused = await sendRaw(google, simple, { token });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await refused.json()).toEqual({
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        errors: [
          { message: 'Resource has been exhausted (e.g. check quota).', domain: 'global', reason: 'rateLimitExceeded' },
        ],
        status: 'RESOURCE_EXHAUSTED',
      },
    });
    expect(await google.control.outbox()).toHaveLength(60);
    expect((await google.control.requests()).at(-1)).toMatchObject({ route: 'send', status: 429 });
  });

  it("answer: 403 gives the observed 'Queries per minute per user' body with its ErrorInfo", async () => {
    await google.control.settings({ userQuota: { unitsPerMinute: 6000, answer: 403 } });
    const token = await tokenFor(google);
    await sendMany(google, 60, token);
    const refused = await sendRaw(google, simple, { token });
    expect(refused.status).toBe(403);
    const { error } = await refused.json();
    expect(error.message).toMatch(
      /^Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail\.googleapis\.com' for consumer 'project_number:\d+'\.$/,
    );
    expect(error.errors).toEqual([{ message: error.message, domain: 'usageLimits', reason: 'rateLimitExceeded' }]);
    expect(error.status).toBe('PERMISSION_DENIED');
    expect(error.details[0]).toMatchObject({ reason: 'RATE_LIMIT_EXCEEDED', metadata: { quota_limit_value: '6000' } });
  });

  it('a refused send costs nothing: the next minute allows a full 60 again', async () => {
    await google.control.settings({ userQuota: sixThousand });
    const token = await tokenFor(google);
    expect(accepted(await sendMany(google, 80, token))).toBe(60);
    await google.control.advanceClock(61);
    expect(accepted(await sendMany(google, 61, token))).toBe(60);
  });
});

describe('the minute slides (the last 60 s), the stricter reading of "a rolling window"', () => {
  // Steps of [seconds to advance the double's clock, sends, how many are accepted]. Real time passes too (a batch
  // takes a second or two on a loaded machine), so no step relies on less than ten seconds.
  it.each([
    // 30 at 0 s, 30 at 30 s: full. At 61 s the first 30 have left the window, the second 30 have not, so 30 fit;
    // a window that restarted a minute after its first request would allow 60 there.
    [
      'half at 0 s, half at 30 s, then at 61 s',
      [
        [0, 30, 30],
        [30, 31, 30],
        [31, 31, 30],
      ],
    ],
    // Nothing fits until the oldest sends are 60 s old, however the minutes of the clock fall.
    [
      '60 at 0 s, then at 45 s and at 61 s',
      [
        [0, 60, 60],
        [45, 10, 0],
        [16, 61, 60],
      ],
    ],
  ])('%s', async (_label, steps) => {
    await google.control.settings({ userQuota: sixThousand });
    const token = await tokenFor(google);
    const got: number[] = [];
    for (const [advance, sends] of steps) {
      if (advance) await google.control.advanceClock(advance);
      got.push(accepted(await sendMany(google, sends!, token)));
    }
    expect(got).toEqual(steps.map((step) => step[2]));
  });
});

describe('per user, per project', () => {
  it("Bob's sends do not count against Alice's minute", async () => {
    await google.control.settings({ userQuota: sixThousand });
    expect(accepted(await sendMany(google, 60, await tokenFor(google)))).toBe(60);
    const bob = await tokenFor(google, [GMAIL_SEND], 'bob@example.com');
    const reply = await sendRaw(google, message({ From: 'bob@example.com', To: 'a@example.org', Subject: 'b' }), {
      token: bob,
    });
    expect(reply.status).toBe(200);
  });

  it("another Cloud project's client has its own count for the same user", async () => {
    await google.control.settings({ userQuota: sixThousand });
    await google.control.setClients([
      { clientId: '123456789012-other.apps.googleusercontent.com', origins: [APP_ORIGIN], publishing: 'in-production' },
    ]);
    expect(accepted(await sendMany(google, 60, await tokenFor(google)))).toBe(60);
    const other = (
      await google.control.issueToken(
        'alice@example.com',
        [GMAIL_SEND],
        '123456789012-other.apps.googleusercontent.com',
      )
    ).access_token;
    expect(accepted(await sendMany(google, 1, other))).toBe(1);
  });
});

describe('every messages.send call counts, whatever its path', () => {
  it('a multipart upload costs a send; the chunks of a resumable upload are not calls', async () => {
    await google.control.settings({ userQuota: { unitsPerMinute: 300 } });
    const token = await tokenFor(google);
    const boundary = 'b0';
    const multipart = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=multipart`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/related; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{}\r\n--${boundary}\r\nContent-Type: message/rfc822\r\n\r\n${simple}\r\n--${boundary}--\r\n`,
    });
    expect(multipart.status).toBe(200);
    const raw = Buffer.from(simple);
    const start = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Upload-Content-Length': String(raw.length) },
    });
    expect(start.status).toBe(200);
    const put = await fetch(start.headers.get('location')!, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes 0-${raw.length - 1}/${raw.length}` },
      body: new Uint8Array(raw),
    });
    expect(put.status).toBe(200);
    // Two calls so far (200 units): one more JSON send fits, the fourth call does not.
    expect(await sendMany(google, 2, token)).toEqual([200, 429]);
  });
});
