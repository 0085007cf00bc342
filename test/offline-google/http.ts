/** Small HTTP helpers: Google-style CORS, bounded body reading, JSON and error answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { GoogleError } from './errors.ts';

/**
 * Observed on googleapis.com (ng-gapi#79): the Origin is echoed, credentials allowed, and WWW-Authenticate exposed,
 * on errors too. Location and Range are exposed so a browser can drive the resumable protocol (unverified on Google).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader(
    'Access-Control-Expose-Headers',
    'Content-Encoding, Content-Length, Content-Type, Date, Server, Vary, WWW-Authenticate, Location, Range, Retry-After, X-Google-GFE-Backend-Request-Cost',
  );
  res.setHeader('Vary', 'Origin, X-Origin');
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  applyCors(req, res);
  res.setHeader('Access-Control-Allow-Methods', 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ??
      'Authorization, Content-Type, X-Upload-Content-Type, X-Upload-Content-Length, Content-Range, X-Goog-Api-Key',
  );
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
