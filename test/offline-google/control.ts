/** Typed Node client for the offline Google's `/__control/*` routes. */
import { googleOrigin } from '../support/lanes.ts';
import type {
  ConsentScript,
  FaultSpec,
  IssuedTokenView,
  OAuthClientConfig,
  RequestLogEntry,
  ResetOptions,
  SentMessage,
  TestAccount,
} from './types.ts';

export type {
  ConsentScript,
  FaultSpec,
  IssuedTokenView,
  OAuthClientConfig,
  RequestLogEntry,
  ResetOptions,
  SentMessage,
  TestAccount,
};

export class OfflineGoogleControl {
  readonly origin: string;

  /** Defaults to the offline Google of this Playwright worker's lane (test/support/lanes.ts). */
  constructor(origin = googleOrigin()) {
    this.origin = origin.replace(/\/+$/, '');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const reply = await fetch(`${this.origin}/__control${path}`, init);
    const text = await reply.text();
    if (!reply.ok) throw new Error(`offline-google control ${method} ${path}: ${reply.status} ${text}`);
    return JSON.parse(text) as T;
  }

  health(): Promise<{ ok: boolean; now: string }> {
    return this.call('GET', '/health');
  }

  /** Back to a fresh start: default accounts, clock at real time, no grants/tokens/faults/outbox. */
  async reset(options: ResetOptions = {}): Promise<void> {
    await this.call('POST', '/reset', options);
  }

  setAccounts(accounts: TestAccount[]): Promise<Required<TestAccount>[]> {
    return this.call('POST', '/accounts', { accounts });
  }

  accounts(): Promise<Required<TestAccount>[]> {
    return this.call('GET', '/accounts');
  }

  /** Moves the double's clock forward; tokens expire after 3599 s of it, upload sessions after a week. */
  advanceClock(seconds: number): Promise<{ now: string; offsetSeconds: number }> {
    return this.call('POST', '/clock/advance', { seconds });
  }

  clock(): Promise<{ now: string; offsetSeconds: number }> {
    return this.call('GET', '/clock');
  }

  async injectFaults(faults: FaultSpec[]): Promise<void> {
    await this.call('POST', '/faults', { faults });
  }

  pendingFaults(): Promise<(FaultSpec & { remaining: number })[]> {
    return this.call('GET', '/faults');
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  /** What the consent popup does by itself ('manual' = wait for clicks, the default). */
  async setConsentScript(script: ConsentScript): Promise<void> {
    await this.call('POST', '/consent-script', { script });
  }

  async settings(settings: ResetOptions): Promise<void> {
    await this.call('POST', '/settings', settings);
  }

  outbox(): Promise<SentMessage[]> {
    return this.call('GET', '/outbox');
  }

  /** Issues a token directly (no popup), recording the grant as if the user consented. */
  issueToken(
    email: string,
    scopes: string[],
    clientId?: string,
  ): Promise<{ access_token: string; expires_at: string }> {
    return this.call('POST', '/tokens', clientId ? { email, scopes, clientId } : { email, scopes });
  }

  tokens(): Promise<IssuedTokenView[]> {
    return this.call('GET', '/tokens');
  }

  /**
   * Adds or replaces OAuth clients: Authorized JavaScript origins (a wrong one gets "Error 400: origin_mismatch"
   * in the popup) and publishing status ('testing': grants lapse seven days after consent).
   */
  setClients(clients: OAuthClientConfig[]): Promise<OAuthClientConfig[]> {
    return this.call('POST', '/clients', { clients });
  }

  clients(): Promise<OAuthClientConfig[]> {
    return this.call('GET', '/clients');
  }

  /** Granted scopes per `${clientId} ${email}`. */
  grants(): Promise<Record<string, string[]>> {
    return this.call('GET', '/grants');
  }

  /**
   * Serves `html` at /__test/<name>; open it on `http://localhost:<port>` so the page's origin differs from the
   * double's (127.0.0.1) and the popup is cross-origin, as in production. Returns that page URL.
   */
  async addTestPage(name: string, html: string): Promise<string> {
    const { path } = await this.call<{ path: string }>('POST', '/pages', { name, html });
    return `${this.origin.replace('127.0.0.1', 'localhost')}${path}`;
  }

  /** Every API request (send, upload, userinfo) in order, with its status or 'dropped'. */
  requests(): Promise<RequestLogEntry[]> {
    return this.call('GET', '/requests');
  }
}
