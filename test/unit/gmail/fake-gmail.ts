/**
 * In-memory stand-ins for Gmail's upload endpoint (a `fetch`) and gapi's JSON send, for unit tests. They record
 * every request and every delivered message so tests can count what "arrived".
 */
import type { GapiLike, GapiResponse, GmailMessageResource } from '../../../src/gmail/gapi-client.ts';

export const apiRoot = 'https://gmail.test/';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBytes: number;
}

/** What the fake does with the n-th request (0-based, counted over all requests); undefined = behave. */
export type Fault =
  | { kind: 'drop-before' } // connection fails before the server sees the request
  | { kind: 'drop-after' } // server handles the request, the answer is lost
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'expire-session' } // the session vanishes: 410 from now on
  | { kind: 'short-range'; keep: number }; // server keeps only `keep` bytes of this chunk

export class FakeUploadServer {
  readonly requests: RecordedRequest[] = [];
  readonly delivered: Uint8Array[] = [];
  readonly faults = new Map<number, Fault>();
  private sessions = new Map<
    string,
    { total: number; received: Uint8Array; length: number; done: boolean; gone: boolean }
  >();
  private nextId = 1;
  /** Hide Location, as an endpoint that does not expose it to CORS would. */
  hideLocation = false;
  /** Refuse every request as a CORS failure (fetch TypeError). */
  unreachable = false;
  /** Every upload session opened, by id. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const body =
      init.body instanceof Blob
        ? new Uint8Array(await init.body.arrayBuffer())
        : init.body instanceof Uint8Array
          ? init.body
          : new TextEncoder().encode(typeof init.body === 'string' ? init.body : '');
    const index = this.requests.length;
    this.requests.push({ method: init.method ?? 'GET', url, headers, bodyBytes: body.length });
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.unreachable) throw new TypeError('Failed to fetch');
    const fault = this.faults.get(index);
    if (fault?.kind === 'drop-before') throw new TypeError('Failed to fetch');
    if (fault?.kind === 'status')
      return new Response(fault.body ?? '', { status: fault.status, headers: fault.headers });
    const response = this.handle(url, init.method ?? 'GET', headers, body, fault);
    if (fault?.kind === 'drop-after') throw new TypeError('network error');
    return response;
  };

  private handle(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: Uint8Array,
    fault?: Fault,
  ): Response {
    if (method === 'POST' && url === `${apiRoot}upload/gmail/v1/users/me/messages/send?uploadType=resumable`) {
      if (headers['x-upload-content-type'] !== 'message/rfc822') return new Response('bad type', { status: 400 });
      const id = `u${this.nextId++}`;
      const total = Number(headers['x-upload-content-length']);
      this.sessions.set(id, { total, received: new Uint8Array(total), length: 0, done: false, gone: false });
      const location = `${url}&upload_id=${id}`;
      return new Response(null, { status: 200, headers: this.hideLocation ? {} : { Location: location } });
    }
    const id = new URL(url).searchParams.get('upload_id') ?? '';
    const session = this.sessions.get(id);
    if (!session || method !== 'PUT') return new Response('not found', { status: 404 });
    if (fault?.kind === 'expire-session') session.gone = true;
    if (session.gone) return new Response('gone', { status: 410 });
    const range = headers['content-range'] ?? '';
    if (session.done) return this.done();
    const status = /^bytes \*\/(\d+)$/.exec(range);
    if (!status) {
      const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
      if (!match) return new Response('bad range', { status: 400 });
      const start = Number(match[1]);
      const end = Number(match[2]);
      if (start !== session.length || end - start + 1 !== body.length)
        return new Response('range mismatch', { status: 400 });
      const keep = fault?.kind === 'short-range' ? fault.keep : body.length;
      session.received.set(body.subarray(0, keep), start);
      session.length = start + keep;
    }
    if (session.length === session.total) {
      session.done = true;
      this.delivered.push(session.received);
      return this.done();
    }
    return new Response(null, {
      status: 308,
      headers: session.length > 0 ? { Range: `bytes=0-${session.length - 1}` } : {},
    });
  }

  private done(): Response {
    const id = `19cde51dc12557${String(this.delivered.length).padStart(2, '0')}`;
    return Response.json({ id, threadId: id, labelIds: ['SENT'] }, { status: 200 });
  }

  chunkRequests(): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.method === 'PUT' && !request.headers['content-range']?.includes('*'),
    );
  }
}

/** gapi's JSON send: answers from a script, then succeeds; records every delivered raw. */
export class FakeGapi implements GapiLike {
  readonly delivered: GmailMessageResource[] = [];
  readonly tokens: string[] = [];
  readonly calls: GmailMessageResource[] = [];
  /** Each entry answers one call: a rejection shape, 'drop' (no answer after the request left), or undefined = success. */
  readonly script: Array<Partial<GapiResponse<unknown>> | 'drop' | undefined> = [];
  loadMode: 'ok' | 'error' | 'timeout' = 'ok';
  initRejects = false;
  initArgs: Array<{ discoveryDocs: object[] }> = [];
  client?: NonNullable<GapiLike['client']>;

  load(_libraries: string, config: Parameters<GapiLike['load']>[1]): void {
    if (this.loadMode === 'error') {
      config.onerror?.(new Error('script error'));
      return;
    }
    if (this.loadMode === 'timeout') {
      config.ontimeout?.();
      return;
    }
    this.client = {
      init: async (args) => {
        this.initArgs.push(args);
        if (this.initRejects)
          throw { result: { error: { message: 'API discovery response missing required fields.' } } };
        if (this.client) this.client.gmail = this.gmail();
      },
      setToken: (token) => {
        if (token) this.tokens.push(token.access_token);
      },
    };
    queueMicrotask(config.callback);
  }

  /** Ready without load/init, for sender tests. */
  ready(): this {
    this.load('client', { callback: () => {} });
    if (this.client) this.client.gmail = this.gmail();
    return this;
  }

  private gmail() {
    return {
      users: {
        messages: {
          send: async (request: { userId: string; resource: GmailMessageResource }) => {
            this.calls.push(request.resource);
            const answer = this.script.shift();
            if (answer === 'drop') {
              this.delivered.push(request.resource);
              throw { result: { error: { code: -1, message: 'A network error occurred.' } } };
            }
            if (answer) throw answer;
            this.delivered.push(request.resource);
            const result = {
              id: '19cde51dc125579f',
              threadId: request.resource.threadId ?? '19cde51dc125579f',
              labelIds: ['SENT'],
            };
            return { result, body: JSON.stringify(result), status: 200, headers: {} };
          },
        },
      },
    };
  }
}

export function messageBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export function googleError(status: number, message: string, reason?: string): Partial<GapiResponse<unknown>> {
  const result = { error: { code: status, message, errors: reason ? [{ message, reason }] : [] } };
  return { result, body: JSON.stringify(result), status, statusText: 'error', headers: {} };
}
