/**
 * gapi setup with the trimmed Gmail discovery document (see README.md): gapi builds
 * `gapi.client.gmail.users.messages.send` from the object, so the page never downloads the 216 KB original.
 */
import trimmedDiscovery from './gmail-v1.discovery.json';

export interface GmailMessageResource {
  raw: string;
  threadId?: string;
}

/** What a gapi request settles with, fulfilled or rejected (gapi docs, promises.md). */
export interface GapiResponse<T> {
  result: T | false;
  body: string;
  headers?: Record<string, string>;
  status?: number;
  statusText?: string | null;
}

/** The narrow slice of `window.gapi` this feature uses; the real loader and the offline double both fit. */
export interface GapiLike {
  load(
    libraries: string,
    config: { callback: () => void; onerror?: (error?: unknown) => void; timeout?: number; ontimeout?: () => void },
  ): void;
  client?: {
    init(args: { discoveryDocs: object[] }): PromiseLike<unknown>;
    setToken(token: { access_token: string } | null): void;
    gmail?: {
      users: {
        messages: {
          send(request: { userId: string; resource: GmailMessageResource }): PromiseLike<GapiResponse<unknown>>;
        };
      };
    };
  };
}

export type GapiInitErrorCode = 'gapi-load-failed' | 'gapi-load-timeout' | 'gapi-init-failed';

/** A typed failure of `initGmailClient`; `code` keys a message in messages.ts. */
export class GapiInitError extends Error {
  constructor(
    readonly code: GapiInitErrorCode,
    readonly detail?: unknown,
  ) {
    super(code);
    this.name = 'GapiInitError';
  }
}

/** The trimmed document pointed at `gmailApiRoot`, so the same code reaches Google or the offline double. */
export function gmailDiscoveryFor(gmailApiRoot: string): Record<string, unknown> {
  return { ...trimmedDiscovery, rootUrl: gmailApiRoot, baseUrl: gmailApiRoot };
}

/**
 * Loads `gapi.client` and registers the Gmail API from the bundled discovery object.
 * Rejects with a {@link GapiInitError}. No `clientId`/`scope` here: with GIS those would pull in the retired
 * gapi.auth2 (GIS migration guide); tokens reach gapi through `gapi.client.setToken`.
 */
export function initGmailClient(gapi: GapiLike, options: { gmailApiRoot: string; timeoutMs?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    gapi.load('client', {
      callback: () => {
        const client = gapi.client;
        if (!client) {
          reject(new GapiInitError('gapi-load-failed'));
          return;
        }
        client.init({ discoveryDocs: [gmailDiscoveryFor(options.gmailApiRoot)] }).then(
          () => (client.gmail ? resolve() : reject(new GapiInitError('gapi-init-failed'))),
          (error: unknown) => reject(new GapiInitError('gapi-init-failed', error)),
        );
      },
      onerror: (error?: unknown) => reject(new GapiInitError('gapi-load-failed', error)),
      timeout: options.timeoutMs ?? 15_000,
      ontimeout: () => reject(new GapiInitError('gapi-load-timeout')),
    });
  });
}
