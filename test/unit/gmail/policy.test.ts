import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  decideAfterFailure,
  maxRetries,
  type PolicyAction,
  type PolicyContext,
  type SendFailure,
} from '../../../src/gmail/policy.ts';

const now = Date.parse('2026-11-25T10:00:00Z');
const context = (retriesSoFar = 0, random = () => 0.5): PolicyContext => ({ retriesSoFar, now, random });

function envelope(code: number, message: string, errors: object[] = [], extra: object = {}) {
  return { error: { code, message, errors, ...extra } };
}
const http = (status: number, body?: unknown, headers?: Record<string, string>): SendFailure => ({
  kind: 'http',
  status,
  body,
  headers,
});
/** The same answer to the JSON request, which carried the whole message. */
const json = (failure: SendFailure): SendFailure => ({ ...failure, carriedMessage: true });
const wait = (reason: string) => expect.objectContaining({ action: 'wait-and-retry', reason });
const stop = (code: string, extra: object = {}) => expect.objectContaining({ action: 'stop', code, ...extra });

// Every error body in shared/reference/gmail-send.md (§2, §3) and the fake's list (§6), with the action it gets.
const table: Array<[string, SendFailure, unknown]> = [
  [
    '401 invalid credentials (wire form)',
    http(
      401,
      JSON.parse(
        '{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.","errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError","location":"Authorization","locationType":"header"}],"status":"UNAUTHENTICATED"}}',
      ),
      { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    ),
    { action: 'renew-token' },
  ],
  [
    '401 missing token',
    http(401, envelope(401, 'Request is missing required authentication credential. Expected OAuth 2 access token…')),
    { action: 'renew-token' },
  ],
  [
    '403 dailyLimitExceeded',
    http(403, envelope(403, 'Daily Limit Exceeded', [{ domain: 'usageLimits', reason: 'dailyLimitExceeded' }])),
    stop('daily-limit', { message: 'Daily Limit Exceeded' }),
  ],
  [
    '403 domainPolicy',
    http(
      403,
      envelope(403, 'The domain administrators have disabled Gmail apps.', [
        { domain: 'global', reason: 'domainPolicy' },
      ]),
    ),
    stop('domain-policy'),
  ],
  [
    '403 rateLimitExceeded',
    http(403, envelope(403, 'Rate Limit Exceeded', [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }])),
    wait('rate-limit'),
  ],
  [
    '403 userRateLimitExceeded',
    http(403, envelope(403, 'User Rate Limit Exceeded', [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }])),
    wait('rate-limit'),
  ],
  [
    '403 project quota per user per minute',
    http(
      403,
      envelope(
        403,
        "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com' for consumer 'project_number:123'.",
        [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }],
      ),
    ),
    wait('rate-limit'),
  ],
  [
    '429 mail sending',
    http(429, envelope(429, 'Too many requests: User-rate limit exceeded (Mail sending)')),
    stop('sending-limit', { resumeAt: undefined }),
  ],
  ['429 bandwidth', http(429, envelope(429, 'Too many requests: User-rate limit exceeded')), wait('rate-limit')],
  [
    '429 concurrency (docs)',
    http(429, envelope(429, 'Too many requests: Too many concurrent requests for user')),
    wait('concurrency'),
  ],
  [
    '429 concurrency (observed)',
    http(
      429,
      envelope(429, 'Too many concurrent requests for user', [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }]),
    ),
    wait('concurrency'),
  ],
  [
    '429 resource exhausted',
    http(
      429,
      envelope(
        429,
        'Resource has been exhausted (e.g. check quota).',
        [{ message: 'Resource has been exhausted (e.g. check quota).', domain: 'global', reason: 'rateLimitExceeded' }],
        { status: 'RESOURCE_EXHAUSTED' },
      ),
    ),
    wait('rate-limit'),
  ],
  [
    '429 daily sending cap with a retry time (15 minutes ahead)',
    http(429, envelope(429, 'User-rate limit exceeded.  Retry after 2026-11-25T10:15:00.000Z')),
    stop('sending-limit', { resumeAt: Date.parse('2026-11-25T10:15:00.000Z') }),
  ],
  [
    '429 with a retry time 20 s ahead',
    http(429, envelope(429, 'User-rate limit exceeded.  Retry after 2026-11-25T10:00:20.000Z')),
    { action: 'wait-and-retry', delayMs: 20_000, reason: 'rate-limit' },
  ],
  [
    '500 backendError',
    http(500, envelope(500, 'Backend Error', [{ domain: 'global', reason: 'backendError' }])),
    wait('server-error'),
  ],
  ['502 without a body', http(502, ''), wait('server-error')],
  ['503 HTML body', http(503, '<html><title>Service Unavailable</title></html>'), wait('server-error')],
  ['504 without a body', http(504), wait('server-error')],
  // messages.send is not idempotent: a 5xx to the request that carried the message may follow a completed send
  // (google.rpc.Code: DEADLINE_EXCEEDED "may be returned even if the operation has completed successfully";
  // UNAVAILABLE "not always safe to retry non-idempotent operations"). Only the upload path can ask.
  [
    '500 to the JSON request',
    json(http(500, envelope(500, 'Backend Error'))),
    { action: 'uncertain', reason: 'server-error' },
  ],
  ['502 to the JSON request', json(http(502, '')), { action: 'uncertain', reason: 'server-error' }],
  ['503 to the JSON request', json(http(503)), { action: 'uncertain', reason: 'server-error' }],
  ['504 to the JSON request', json(http(504)), { action: 'uncertain', reason: 'server-error' }],
  [
    '429 to the JSON request (refused at the door, so retried)',
    json(http(429, envelope(429, 'Too many requests: User-rate limit exceeded'))),
    wait('rate-limit'),
  ],
  [
    '403 insufficient scopes',
    http(
      403,
      envelope(
        403,
        'Request had insufficient authentication scopes.',
        [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        {
          status: 'PERMISSION_DENIED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
              domain: 'googleapis.com',
            },
          ],
        },
      ),
      { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="insufficient_scope"' },
    ),
    stop('insufficient-scope'),
  ],
  [
    '403 API not enabled',
    http(
      403,
      envelope(403, 'Gmail API has not been used in project 123456 before or it is disabled. Enable it by visiting …', [
        { domain: 'usageLimits', reason: 'accessNotConfigured' },
      ]),
    ),
    stop('api-not-enabled'),
  ],
  [
    '403 delegation denied',
    http(
      403,
      envelope(403, 'Delegation denied for alice@example.com', [
        { message: 'Delegation denied for alice@example.com', domain: 'global', reason: 'forbidden' },
      ]),
    ),
    stop('delegation-denied'),
  ],
  [
    '400 recipient required',
    http(
      400,
      JSON.parse(
        '{"error":{"code":400,"errors":[{"domain":"global","message":"Recipient address required","reason":"invalidArgument"}],"message":"Recipient address required","status":"INVALID_ARGUMENT"}}',
      ),
    ),
    stop('recipient-required', { field: 'to' }),
  ],
  [
    '400 invalid to header (old wording)',
    http(
      400,
      JSON.parse(
        '{"error":{"errors":[{"domain":"global","reason":"invalidArgument","message":"Invalid to header"}],"code":400,"message":"Invalid to header"}}',
      ),
    ),
    stop('invalid-header', { field: 'to' }),
  ],
  [
    '400 Invalid To header',
    http(400, envelope(400, 'Invalid To header', [{ reason: 'invalidArgument' }])),
    stop('invalid-header', { field: 'to' }),
  ],
  [
    '400 Invalid Cc header',
    http(400, envelope(400, 'Invalid Cc header', [{ reason: 'invalidArgument' }])),
    stop('invalid-header', { field: 'cc' }),
  ],
  [
    '400 base64 decoding failed',
    http(
      400,
      envelope(400, 'Invalid value at \'message.raw\' (TYPE_BYTES), Base64 decoding failed for "x"', [], {
        status: 'INVALID_ARGUMENT',
      }),
    ),
    stop('bad-request'),
  ],
  [
    '400 missing raw',
    http(
      400,
      envelope(400, "'raw' RFC822 payload message string or uploading message via /upload/* URL required", [
        { reason: 'badRequest' },
      ]),
    ),
    stop('bad-request'),
  ],
  [
    '400 mail service not enabled',
    http(400, envelope(400, 'Mail service not enabled', [{ reason: 'failedPrecondition' }])),
    stop('mail-service-disabled'),
  ],
  [
    '400 precondition check failed',
    http(
      400,
      envelope(400, 'Precondition check failed.', [{ reason: 'failedPrecondition' }], {
        status: 'FAILED_PRECONDITION',
      }),
    ),
    stop('bad-request', { message: 'Precondition check failed.' }),
  ],
  [
    '400 invalid thread id',
    http(400, envelope(400, 'Invalid thread_id value', [{ reason: 'invalidArgument' }])),
    stop('invalid-thread'),
  ],
  [
    '400 payload size (2016)',
    http(400, envelope(400, 'Request payload size exceeds the limit: 1048576 bytes.', [{ reason: 'badRequest' }])),
    stop('too-large'),
  ],
  [
    '413 HTML page',
    http(413, '<html><title>Error 413 (Request Entity Too Large)!!1</title></html>'),
    stop('too-large'),
  ],
  [
    '400 bare HTML from the front end',
    http(400, '<html><title>Error 400 (Bad Request)!!1</title></html>'),
    stop('bad-request', { message: '<html><title>Error 400 (Bad Request)!!1</title></html>' }),
  ],
  ['418 unknown', http(418, envelope(418, 'I am a teapot')), stop('unknown', { message: 'I am a teapot' })],
  ['404 with no body', http(404), stop('unknown', { message: 'HTTP 404' })],
  ['network after the request left', { kind: 'network-after-send' }, { action: 'uncertain', reason: 'lost-answer' }],
  [
    'upload session gone after the last byte',
    { kind: 'network-after-send', reason: 'session-gone' },
    { action: 'uncertain', reason: 'session-gone' },
  ],
  ['network before anything left', { kind: 'network-before-send' }, wait('network')],
  ['upload endpoint unreachable', { kind: 'cors-or-unreachable' }, stop('upload-unreachable')],
  ['upload interrupted mid-way', { kind: 'upload-interrupted', mayHaveCompleted: false }, wait('network')],
  ['upload interrupted in the final chunk', { kind: 'upload-interrupted', mayHaveCompleted: true }, wait('network')],
];

describe('decideAfterFailure: every reference error body', () => {
  it.each(table)('%s', (_name, failure, expected) => {
    expect(decideAfterFailure(failure, context())).toEqual(expected);
  });

  it('accepts the envelope as JSON text too (gapi `body`)', () => {
    const body = JSON.stringify(envelope(400, 'Invalid To header'));
    expect(decideAfterFailure(http(400, body), context())).toEqual(stop('invalid-header', { field: 'to' }));
  });
});

describe('retry limits', () => {
  const exhausted: Array<[string, SendFailure, unknown]> = [
    ['server errors', http(503), stop('server-error')],
    ['rate limits', http(429, envelope(429, 'Too many requests: User-rate limit exceeded')), stop('rate-limited')],
    ['network before send', { kind: 'network-before-send' }, stop('offline')],
    ['an interrupted upload that never sent its last byte', { kind: 'upload-interrupted' }, stop('offline')],
    [
      'an interrupted upload whose last byte left',
      { kind: 'upload-interrupted', mayHaveCompleted: true },
      { action: 'uncertain', reason: 'lost-answer' },
    ],
  ];
  it.each(exhausted)('%s stop after %i retries', (_name, failure, expected) => {
    expect(decideAfterFailure(failure, context(maxRetries - 1)).action).toBe('wait-and-retry');
    expect(decideAfterFailure(failure, context(maxRetries))).toEqual(expected);
  });

  it('never retries a request that may have delivered the mail, whatever the count', () => {
    for (let retries = 0; retries <= maxRetries; retries += 1) {
      expect(decideAfterFailure({ kind: 'network-after-send' }, context(retries))).toEqual({
        action: 'uncertain',
        reason: 'lost-answer',
      });
      expect(decideAfterFailure(json(http(503)), context(retries)).action).toBe('uncertain');
    }
  });
});

describe('backoff', () => {
  it('follows 1, 2, 4, 8, 16 s with no jitter', () => {
    const delays = [0, 1, 2, 3, 4].map((n) => {
      const action = decideAfterFailure(
        http(500),
        context(n, () => 0),
      ) as Extract<PolicyAction, { delayMs: number }>;
      return action.delayMs;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('adds at most 999 ms of jitter, fresh from the injected source', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const delay = backoffDelayMs(n, () => r);
        return delay >= 2 ** n * 1000 && delay <= 2 ** n * 1000 + 999;
      }),
    );
  });
});

describe('Retry-After', () => {
  const rate = (headers?: Record<string, string>, message = 'Rate Limit Exceeded') =>
    http(429, envelope(429, message, [{ reason: 'rateLimitExceeded' }]), headers);

  it('takes seconds from the header', () => {
    expect(decideAfterFailure(rate({ 'Retry-After': '7' }), context())).toEqual({
      action: 'wait-and-retry',
      delayMs: 7000,
      reason: 'rate-limit',
    });
  });

  it('takes an HTTP-date from the header', () => {
    const headers = { 'retry-after': new Date(now + 30_000).toUTCString() };
    expect(decideAfterFailure(rate(headers), context())).toMatchObject({ delayMs: 30_000 });
  });

  it('waits at least one second, as Google asks', () => {
    expect(decideAfterFailure(rate({ 'Retry-After': '0' }), context())).toMatchObject({ delayMs: 1000 });
  });

  it('prefers the header over a time in the message', () => {
    const failure = rate({ 'Retry-After': '5' }, 'User-rate limit exceeded.  Retry after 2026-11-25T10:00:40.000Z');
    expect(decideAfterFailure(failure, context())).toMatchObject({ delayMs: 5000 });
  });

  it('reads "Retry after <ISO time>" from the message when there is no header', () => {
    const failure = rate(undefined, 'User-rate limit exceeded.  Retry after 2026-11-25T10:00:40.000Z');
    expect(decideAfterFailure(failure, context())).toMatchObject({ delayMs: 40_000 });
  });

  it('stops with the resume time when Google asks for more than a minute', () => {
    expect(decideAfterFailure(rate({ 'Retry-After': '600' }), context())).toEqual(
      stop('rate-limited', { resumeAt: now + 600_000 }),
    );
  });

  it('uses Retry-After on a 503 too', () => {
    expect(decideAfterFailure(http(503, '', { 'Retry-After': '3' }), context())).toMatchObject({ delayMs: 3000 });
  });
});
