/**
 * Google's error envelopes, verbatim where the wire form was observed (sources: /work/shared/reference/gmail-send.md
 * §3 and §6, which cite the public issue threads). Shape: v1 `errors[]` plus v2 `status` (+ `details`).
 */

export interface GoogleErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface GoogleError {
  status: number;
  body: { error: { code: number; message: string; errors: GoogleErrorItem[]; status?: string; details?: unknown[] } };
  headers?: Record<string, string>;
}

function error(
  status: number,
  message: string,
  items: GoogleErrorItem[],
  rpcStatus?: string,
  details?: unknown[],
  headers?: Record<string, string>,
): GoogleError {
  const body: GoogleError['body'] = { error: { code: status, message, errors: items } };
  if (rpcStatus) body.error.status = rpcStatus;
  if (details) body.error.details = details;
  return headers ? { status, body, headers } : { status, body };
}

const REALM = 'Bearer realm="https://accounts.google.com/"';

/** 401 for a token that is garbage, expired or revoked (google-api-nodejs-client#2665; CodenameOne#3135 for the header). */
export function invalidCredentials(): GoogleError {
  return error(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    [
      {
        message: 'Invalid Credentials',
        domain: 'global',
        reason: 'authError',
        location: 'Authorization',
        locationType: 'header',
      },
    ],
    'UNAUTHENTICATED',
    undefined,
    { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
  );
}

/** 401 with no token at all (google-api-php-client#2479 for the message; the errors[] entry is the common "Login Required."). */
export function missingCredentials(): GoogleError {
  return error(
    401,
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    [
      {
        message: 'Login Required.',
        domain: 'global',
        reason: 'required',
        location: 'Authorization',
        locationType: 'header',
      },
    ],
    'UNAUTHENTICATED',
    undefined,
    { 'WWW-Authenticate': REALM },
  );
}

/** 403 for a token without a send scope (analogdotnow/Analog#296, openai/codex#21333; challenge from react-google-contacts#6). */
export function insufficientScopes(acceptedScopes: string[], method: string): GoogleError {
  return error(
    403,
    'Request had insufficient authentication scopes.',
    [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
    'PERMISSION_DENIED',
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
        domain: 'googleapis.com',
        // The exact method string Gmail reports for send is unverified.
        metadata: { service: 'gmail.googleapis.com', method: method },
      },
    ],
    { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${acceptedScopes.join(' ')}"` },
  );
}

/** 403 for a userId that is neither `me` nor the token's account (home-assistant/core#87920). */
export function delegationDenied(email: string): GoogleError {
  const message = `Delegation denied for ${email}`;
  return error(403, message, [{ message, domain: 'global', reason: 'forbidden' }], 'PERMISSION_DENIED');
}

export function invalidArgument(message: string): GoogleError {
  return error(400, message, [{ message, domain: 'global', reason: 'invalidArgument' }], 'INVALID_ARGUMENT');
}

export function badRequest(message: string): GoogleError {
  return error(400, message, [{ message, domain: 'global', reason: 'badRequest' }], 'INVALID_ARGUMENT');
}

/** FlowCrypt/flowcrypt-android#859: the value is quoted back, cut short. */
export function base64DecodingFailed(raw: string): GoogleError {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}...` : raw;
  return badRequest(`Invalid value at 'message.raw' (TYPE_BYTES), Base64 decoding failed for "${shown}"`);
}

/** google-api-dotnet-client#856. */
export function missingRaw(): GoogleError {
  return badRequest("'raw' RFC822 payload message string or uploading message via /upload/* URL required");
}

export function recipientRequired(): GoogleError {
  return invalidArgument('Recipient address required');
}

export function invalidToHeader(): GoogleError {
  return invalidArgument('Invalid To header');
}

/** Documented in handle-errors (usageLimits domain). */
export function usageLimit(reason: 'rateLimitExceeded' | 'userRateLimitExceeded' | 'dailyLimitExceeded'): GoogleError {
  const message = {
    rateLimitExceeded: 'Rate Limit Exceeded',
    userRateLimitExceeded: 'User Rate Limit Exceeded',
    dailyLimitExceeded: 'Daily Limit Exceeded',
  }[reason];
  return error(403, message, [{ message, domain: 'usageLimits', reason }], 'PERMISSION_DENIED');
}

/**
 * 429: with a retry time, Gmail's mail-sending form "User-rate limit exceeded.  Retry after <ISO>" (two spaces,
 * bettergov/foiamail#36); without, the generic RESOURCE_EXHAUSTED body (elie222/inbox-zero#379).
 */
export function tooManyRequests(retryAfterIso: string | null, retryAfterHeaderSeconds: number | null): GoogleError {
  const message = retryAfterIso
    ? `User-rate limit exceeded.  Retry after ${retryAfterIso}`
    : 'Resource has been exhausted (e.g. check quota).';
  const headers = retryAfterHeaderSeconds !== null ? { 'Retry-After': String(retryAfterHeaderSeconds) } : undefined;
  return error(
    429,
    message,
    [{ message, domain: retryAfterIso ? 'usageLimits' : 'global', reason: 'rateLimitExceeded' }],
    'RESOURCE_EXHAUSTED',
    undefined,
    headers,
  );
}

/** 500 backendError is documented; 502/503/504 are listed without a sample body, so these are plausible fillers. */
export function serverError(status: 500 | 502 | 503 | 504): GoogleError {
  if (status === 500)
    return error(
      500,
      'Backend Error',
      [{ message: 'Backend Error', domain: 'global', reason: 'backendError' }],
      'INTERNAL',
    );
  if (status === 503) {
    return error(
      503,
      'The service is currently unavailable.',
      [{ message: 'The service is currently unavailable.', domain: 'global', reason: 'backendError' }],
      'UNAVAILABLE',
    );
  }
  if (status === 504) {
    return error(
      504,
      'Deadline expired before operation could complete.',
      [{ message: 'Deadline expired before operation could complete.', domain: 'global', reason: 'backendError' }],
      'DEADLINE_EXCEEDED',
    );
  }
  return error(
    502,
    'Bad Gateway',
    [{ message: 'Bad Gateway', domain: 'global', reason: 'backendError' }],
    'UNAVAILABLE',
  );
}

/** Upload over the discovery `maxSize`. The wire form is unverified; 413 with a message naming the limit. */
export function uploadTooLarge(maxSize: number): GoogleError {
  const message = `Media larger than ${maxSize} bytes is not allowed.`;
  return error(413, message, [{ message, domain: 'global', reason: 'uploadTooLarge' }], 'INVALID_ARGUMENT');
}

export function notFound(message = 'Requested entity was not found.'): GoogleError {
  return error(404, message, [{ message, domain: 'global', reason: 'notFound' }], 'NOT_FOUND');
}
