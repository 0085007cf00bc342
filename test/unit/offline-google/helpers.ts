/** Shared setup for the offline Google contract tests: a real server on a free port and its control client. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { OfflineGoogleControl } from '../../offline-google/control.ts';
import { type OfflineGoogle, startOfflineGoogle } from '../../offline-google/server.ts';

export const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';
export const APP_ORIGIN = 'http://localhost:4173';
export const CLIENT_ID_DEMO = 'offline-demo-client.apps.googleusercontent.com';

export interface Harness {
  google: OfflineGoogle;
  control: OfflineGoogleControl;
  /** The Gmail API host (gmail.googleapis.com); other hosts are in `google.origins`. */
  origin: string;
}

/** Starts one server per test file; state is reset before every test. */
export function useOfflineGoogle(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.google = await startOfflineGoogle({ port: 0 });
    harness.origin = harness.google.origins['gmail.googleapis.com'];
    harness.control = new OfflineGoogleControl(harness.google.origin);
  });
  afterAll(() => harness.google.close());
  beforeEach(() => harness.control.reset());
  return harness;
}

export function message(headers: Record<string, string>, body = 'Hello.'): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}\r\n`;
}

export function base64url(text: string | Buffer, padded = false): string {
  const value = Buffer.from(text).toString('base64url');
  return padded ? value.padEnd(Math.ceil(value.length / 4) * 4, '=') : value;
}

export async function tokenFor(harness: Harness, scopes = [GMAIL_SEND], email = 'alice@example.com'): Promise<string> {
  return (await harness.control.issueToken(email, scopes)).access_token;
}

export interface SendOptions {
  token?: string | null;
  userId?: string;
  headers?: Record<string, string>;
}

/** POST /gmail/v1/users/{userId}/messages/send with a JSON body, as gapi does. */
export async function sendJsonBody(harness: Harness, body: unknown, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Origin: APP_ORIGIN,
    ...options.headers,
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  return fetch(`${harness.origin}/gmail/v1/users/${encodeURIComponent(options.userId ?? 'me')}/messages/send`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function sendRaw(harness: Harness, raw: string, options: SendOptions = {}): Promise<Response> {
  return sendJsonBody(harness, { raw: base64url(raw) }, options);
}

export const simple = message({ From: 'alice@example.com', To: 'carol@example.org', Subject: 'Hi' });
