import type { GisOAuth2, GisTokenResponse } from '../../../src/google/types.ts';

type TokenClientConfig = google.accounts.oauth2.TokenClientConfig;
type Override = google.accounts.oauth2.OverridableTokenClientConfig;

export const fullScope = 'https://www.googleapis.com/auth/gmail.send email';

/**
 * A hand-written stand-in for `google.accounts.oauth2`: records every `requestAccessToken` and lets the test play
 * Google's part by delivering `callback` / `error_callback` when it chooses.
 */
export function createFakeGis() {
  let config: TokenClientConfig | null = null;
  const requests: Override[] = [];
  const revoked: string[] = [];
  let onRequest: ((override: Override) => void) | null = null;
  /** What `revoke` answers: Google's RevocationResponse, or 'never' for a request that never comes back. */
  const revokeReply: { answer: { successful: boolean; error?: string } | 'never' } = { answer: { successful: true } };

  const oauth2: GisOAuth2 = {
    initTokenClient(init) {
      config = init;
      return {
        requestAccessToken(override) {
          requests.push(override ?? {});
          onRequest?.(override ?? {});
        },
      };
    },
    hasGrantedAllScopes(response, first, ...rest) {
      if ((response as GisTokenResponse).error) return false;
      const granted = new Set((response.scope ?? '').split(' '));
      return [first, ...rest].every((scope) => granted.has(scope));
    },
    revoke(token, done) {
      revoked.push(token);
      const answer = revokeReply.answer;
      if (answer !== 'never') (done as (response: { successful: boolean }) => void)?.(answer);
    },
  };

  const initConfig = (): TokenClientConfig => {
    if (!config) throw new Error('initTokenClient was never called');
    return config;
  };

  return {
    oauth2,
    requests,
    revoked,
    revokeReply,
    initConfig,
    /** Runs inside requestAccessToken, as GIS does when window.open fails at once. */
    whenRequested(handler: (override: Override) => void) {
      onRequest = handler;
    },
    respond(response: GisTokenResponse) {
      initConfig().callback(response as google.accounts.oauth2.TokenResponse);
    },
    grant({
      token = 'ya29.token-1',
      scope = `${fullScope} openid`,
      expiresIn = 3599 as number | string | undefined,
      prompt = undefined as string | undefined,
    } = {}) {
      const response: GisTokenResponse = { access_token: token, token_type: 'Bearer', scope, authuser: '0' };
      if (prompt !== undefined) response.prompt = prompt;
      if (expiresIn !== undefined) response.expires_in = expiresIn;
      this.respond(response);
    },
    clientError(type: string, message = `GIS: ${type}`) {
      const error = Object.assign(new Error(message), { type }) as google.accounts.oauth2.ClientConfigError;
      initConfig().error_callback?.(error);
    },
  };
}

export type FakeGis = ReturnType<typeof createFakeGis>;

/** A Storage that records every write, so a test can prove the token never reaches it. */
export class RecordingStorage implements Storage {
  readonly writes: Array<[string, string]> = [];
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.writes.push([key, value]);
    this.items.set(key, String(value));
  }
}
