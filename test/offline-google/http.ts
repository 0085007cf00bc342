/** Small HTTP helpers: Google-style CORS, bounded body reading, JSON and error answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { GoogleError } from './errors.ts';

/**
 * What a page may read of an API answer: exactly the list observed on www.googleapis.com (ng-gapi#79, quoted in
 * shared/reference/gmail-send.md §5). Not Location, Range or Retry-After: Google was never seen exposing them on the
 * API hosts, so a page that relies on them must fail here as it would there.
 */
export const apiExposedHeaders =
  'Content-Encoding,Content-Length,Content-Type,Date,Server,Vary,WWW-Authenticate,X-Google-GFE-Backend-Request-Cost';

/**
 * The upload endpoints add the headers the resumable protocol needs. Google's own browser sample
 * (googledrive/cors-upload-sample, upload.js: `getResponseHeader('Location')`, `extractRange_`) reads Location and
 * Range from a cross-origin XHR; google-api-javascript-client#69 (2013) saw Range unreadable. Which holds today is
 * unverified, so `uploadRangeHidden` (state) switches Range off to test the app against the stricter case.
 */
export function uploadExposedHeaders(rangeHidden: boolean): string {
  return `${apiExposedHeaders},Location,X-GUploader-UploadID${rangeHidden ? '' : ',Range'}`;
}

/** Request headers a preflight may ask for: the upload protocol's, gapi's own, and nothing else. */
export const allowedRequestHeaders = [
  'authorization',
  'content-type',
  'content-range',
  'x-upload-content-type',
  'x-upload-content-length',
  'x-goog-api-key',
  'x-goog-api-client',
  'x-goog-encode-response-if-executable',
  'x-origin',
  'x-referer',
  'x-requested-with',
  'x-javascript-user-agent',
  'x-clientdetails',
];

/** CORS on an answer (errors included, ng-gapi#79): the Origin echoed with credentials, `exposed` readable. */
export function applyCors(req: IncomingMessage, res: ServerResponse, exposed = apiExposedHeaders): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', exposed);
  res.setHeader('Vary', 'Origin, X-Origin');
}

/**
 * A preflight allows the listed request headers only: one the server does not know fails in the browser, as a
 * header outside Google's list would (a double that echoed any header would hide it).
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  applyCors(req, res);
  res.setHeader('Access-Control-Allow-Methods', 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
  const asked = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const allowed = asked.filter((name) => allowedRequestHeaders.includes(name));
  if (allowed.length) res.setHeader('Access-Control-Allow-Headers', allowed.join(', '));
  res.setHeader('Access-Control-Max-Age', '3600');
  res.writeHead(200, { 'Content-Length': '0' });
  res.end();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
    Server: 'ESF',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: GoogleError): void {
  sendJson(res, error.status, error.body, error.headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  type: string,
  text: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(body.length), ...headers });
  res.end(body);
}

export interface BodyResult {
  body: Buffer;
  /** Bytes that arrived, even past the limit (the excess is discarded, not kept). */
  total: number;
  overLimit: boolean;
}

/**
 * Reads the whole request, keeping at most `limit` bytes. The rest is drained rather than refused mid-stream: a
 * browser that is still sending when the socket closes reports a network error instead of our status.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (kept + chunk.length <= limit) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), total, overLimit: total > limit }));
    req.on('error', reject);
  });
}

/** For 'uploadDrop': the bytes a dropped request delivered before the cut. */
export function readBodyUntilDrop(req: IncomingMessage, dropAfterBytes: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = dropAfterBytes - total;
      chunks.push(chunk.subarray(0, Math.max(0, room)));
      total += Math.min(chunk.length, Math.max(0, room));
      if (total >= dropAfterBytes) {
        done = true;
        req.socket.destroy();
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
  });
}

/**
 * Loses the connection while the answer is on its way. A socket closed before any response byte makes Chromium
 * silently resend the request on a fresh connection (it retries when a reused keep-alive socket dies without a
 * response: net::ERR_EMPTY_RESPONSE handling), so a plain destroy() would deliver a POST twice and hide the very
 * "no answer" case we inject. Starting the response headers, then cutting them short, is what a dropped mobile
 * link or a sleeping tab looks like to the page: a network error (ERR_RESPONSE_HEADERS_TRUNCATED) with no retry,
 * and no status the client could mistake for an answer.
 */
export function severMidResponse(socket: Socket | null | undefined): void {
  if (!socket || socket.destroyed) return;
  const partial = 'HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n';
  socket.write(partial, () => socket.destroy());
}

export function bearerToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match ? match[1]!.trim() : header.trim();
  }
  // docs/cors.md of google-api-javascript-client: the token may also travel as `access_token`.
  return url.searchParams.get('access_token') ?? url.searchParams.get('oauth_token');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
