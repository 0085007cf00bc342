/**
 * Everything the offline Google remembers: accounts, a movable clock, grants per (account, client), issued tokens,
 * injected faults, resumable sessions, threads and the outbox. One instance per server; `reset()` starts over.
 */
import { randomBytes } from 'node:crypto';
import type {
  ConsentScript,
  FaultRoute,
  FaultSpec,
  IssuedTokenView,
  OAuthClientConfig,
  OfflineGoogleOptions,
  RequestLogEntry,
  ResetOptions,
  SentMessage,
  TestAccount,
} from './types.ts';
import { UserQuota } from './user-quota.ts';

export const defaultAccounts: TestAccount[] = [
  { email: 'alice@example.com', name: 'Alice Example' },
  { email: 'bob@example.com', name: 'Bob Example' },
];

export const DEMO_CLIENT_ID = 'offline-demo-client.apps.googleusercontent.com';
export const demoClient: OAuthClientConfig = {
  clientId: DEMO_CLIENT_ID,
  origins: 'loopback',
  publishing: 'in-production',
  name: 'Fumi (demo)',
};
/** "Manage App Audience": a Testing app's authorizations expire seven days after consent. */
export const TESTING_GRANT_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** Observed on the wire: tokens say 3599 s (GSI debug logs, react-oauth#163). */
export const TOKEN_LIFETIME_SECONDS = 3599;
export const JSON_BODY_LIMIT_DEFAULT = 5 * 1024 * 1024;
/** Discovery `mediaUpload.maxSize` for users.messages.send. */
export const UPLOAD_MAX_SIZE = 36_700_160;
/** "An upload URI expires after one week." (Gmail uploads guide) */
export const UPLOAD_SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export interface IssuedToken {
  token: string;
  email: string;
  clientId: string;
  scopes: Set<string>;
  expiresAtMs: number;
  revoked: boolean;
}

export interface UploadSession {
  id: string;
  email: string;
  declaredLength: number | null;
  metadata: { threadId?: string };
  received: Buffer;
  createdAtMs: number;
  gone: boolean;
}

export interface ThreadRecord {
  id: string;
  email: string;
  subject: string;
  messageIds: Set<string>;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

function subOf(email: string): string {
  let hash = 0n;
  for (const char of email.toLowerCase()) hash = (hash * 131n + BigInt(char.codePointAt(0) ?? 0)) % 10n ** 20n;
  return `1${hash.toString().padStart(20, '0')}`;
}

export class OfflineGoogleState {
  accounts: Required<TestAccount>[] = [];
  clockOffsetMs = 0;
  tokens = new Map<string, IssuedToken>();
  /** key: `${clientId} ${email}` */
  grants = new Map<string, Set<string>>();
  /** When the user last saw the consent screen for a grant (key as `grants`), on the double's clock. */
  consentedAt = new Map<string, number>();
  clients = new Map<string, OAuthClientConfig>();
  faults: ActiveFault[] = [];
  sessions = new Map<string, UploadSession>();
  threads = new Map<string, ThreadRecord>();
  outbox: SentMessage[] = [];
  requestLog: RequestLogEntry[] = [];
  consentScript: ConsentScript = { action: 'manual' };
  /** Pages tests register to be served at /__test/<name> (on `localhost`, a different origin from 127.0.0.1). */
  testPages = new Map<string, string>();
  jsonBodyLimit = JSON_BODY_LIMIT_DEFAULT;
  acceptStandardBase64 = false;
  addDateWhenMissing = true;
  maxRecipients: number | null = null;
  /** Hide `Range` from the page on upload answers (google-api-javascript-client#69); see http.ts. */
  uploadRangeHidden = false;
  /** The per-user per-minute quota (user-quota.ts); null = not enforced, the default. */
  userQuota: UserQuota | null = null;
  verbose = false;
  private idCounter = 0;

  constructor(options: OfflineGoogleOptions = {}) {
    this.verbose = options.verbose ?? false;
    this.reset(options);
  }

  reset(options: ResetOptions = {}): void {
    this.setAccounts(options.accounts ?? defaultAccounts);
    this.clockOffsetMs = 0;
    this.tokens.clear();
    this.grants.clear();
    this.consentedAt.clear();
    this.clients = new Map([[demoClient.clientId, demoClient]]);
    for (const client of options.clients ?? []) this.clients.set(client.clientId, client);
    this.faults = [];
    this.sessions.clear();
    this.threads.clear();
    this.outbox = [];
    this.requestLog = [];
    this.consentScript = { action: 'manual' };
    this.testPages.clear();
    this.jsonBodyLimit = options.jsonBodyLimit ?? JSON_BODY_LIMIT_DEFAULT;
    this.acceptStandardBase64 = options.acceptStandardBase64 ?? false;
    this.addDateWhenMissing = options.addDateWhenMissing ?? true;
    this.maxRecipients = options.maxRecipients ?? null;
    this.uploadRangeHidden = options.uploadRangeHidden ?? false;
    this.userQuota = options.userQuota ? new UserQuota(options.userQuota) : null;
  }

  setAccounts(accounts: TestAccount[]): void {
    this.accounts = accounts.map((account) => ({
      email: account.email,
      name: account.name,
      sub: account.sub ?? subOf(account.email),
      aliases: account.aliases ?? [],
      hd: account.hd ?? '',
    }));
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(seconds: number): number {
    this.clockOffsetMs += seconds * 1000;
    return this.now();
  }

  findAccount(emailOrSub: string | null | undefined): Required<TestAccount> | undefined {
    if (!emailOrSub) return undefined;
    const wanted = emailOrSub.toLowerCase();
    return this.accounts.find((account) => account.email.toLowerCase() === wanted || account.sub === emailOrSub);
  }

  grantKey(clientId: string, email: string): string {
    return `${clientId} ${email.toLowerCase()}`;
  }

  /** The scopes still granted; a Testing client's grant lapses seven days after consent, as at Google. */
  grantedScopes(clientId: string, email: string): Set<string> {
    const key = this.grantKey(clientId, email);
    const consented = this.consentedAt.get(key);
    const testing = this.clients.get(clientId)?.publishing === 'testing';
    if (testing && consented !== undefined && this.now() - consented >= TESTING_GRANT_LIFETIME_MS) {
      this.grants.delete(key);
      this.consentedAt.delete(key);
    }
    return this.grants.get(key) ?? new Set();
  }

  /** Records a grant; `consented` when the user saw the consent screen (that starts a Testing client's week). */
  addGrant(clientId: string, email: string, scopes: Iterable<string>, consented = true): Set<string> {
    const key = this.grantKey(clientId, email);
    const set = new Set([...(this.grants.get(key) ?? []), ...scopes]);
    this.grants.set(key, set);
    if (consented || !this.consentedAt.has(key)) this.consentedAt.set(key, this.now());
    return set;
  }

  /** Whether `origin` is one of the client's Authorized JavaScript origins (exact match, as Google compares). */
  originAllowed(client: OAuthClientConfig, origin: string | null): boolean {
    if (!origin) return false;
    if (client.origins === 'loopback') return /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
    return client.origins.includes(origin);
  }

  issueToken(email: string, clientId: string, scopes: Iterable<string>): IssuedToken {
    const token: IssuedToken = {
      token: `ya29.offline-${randomBytes(24).toString('base64url')}`,
      email,
      clientId,
      scopes: new Set(scopes),
      expiresAtMs: this.now() + TOKEN_LIFETIME_SECONDS * 1000,
      revoked: false,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** A usable token, or null for garbage, expired or revoked ones. */
  validToken(value: string): IssuedToken | null {
    const token = this.tokens.get(value);
    if (!token || token.revoked || token.expiresAtMs <= this.now()) return null;
    return token;
  }

  /** GIS revoke: "revokes all scopes the user granted the app", so every token of that (account, client) dies. */
  revoke(value: string): { successful: true } | { successful: false; error: string; error_description: string } {
    const token = this.tokens.get(value);
    if (!token || token.revoked || token.expiresAtMs <= this.now()) {
      return { successful: false, error: 'invalid_token', error_description: 'Token expired or revoked' };
    }
    this.grants.delete(this.grantKey(token.clientId, token.email));
    this.consentedAt.delete(this.grantKey(token.clientId, token.email));
    for (const other of this.tokens.values()) {
      if (other.clientId === token.clientId && other.email === token.email) other.revoked = true;
    }
    return { successful: true };
  }

  tokenViews(): IssuedTokenView[] {
    return [...this.tokens.values()].map((token) => ({
      token: token.token,
      email: token.email,
      clientId: token.clientId,
      scopes: [...token.scopes],
      expiresAt: new Date(token.expiresAtMs).toISOString(),
      revoked: token.revoked,
    }));
  }

  addFaults(specs: FaultSpec[]): void {
    for (const spec of specs) this.faults.push({ spec, remaining: Math.max(1, spec.times ?? 1) });
  }

  /** Drops the faults that last `until` a time the double's clock has reached (Gmail's limit has lifted). */
  liftExpiredFaults(): void {
    const now = this.now();
    this.faults = this.faults.filter((fault) => fault.spec.until === undefined || now < Date.parse(fault.spec.until));
  }

  /** The first fault matching this route (and kind filter, if any), without using it up. */
  peekFault(route: FaultRoute, accept: (spec: FaultSpec) => boolean = () => true): FaultSpec | null {
    this.liftExpiredFaults();
    const found = this.faults.find(
      (fault) => ((fault.spec.route ?? 'any') === 'any' || fault.spec.route === route) && accept(fault.spec),
    );
    return found?.spec ?? null;
  }

  /** Uses up one application of a fault returned by `peekFault`. */
  consumeFault(spec: FaultSpec): void {
    const index = this.faults.findIndex((fault) => fault.spec === spec);
    if (index < 0) return;
    const fault = this.faults[index]!;
    if (fault.spec.until !== undefined) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
  }

  /** Consumes one use of the first fault matching this route (and kind filter, if any). */
  takeFault(route: FaultRoute, accept: (spec: FaultSpec) => boolean = () => true): FaultSpec | null {
    const spec = this.peekFault(route, accept);
    if (spec) this.consumeFault(spec);
    return spec;
  }

  /**
   * Gmail ids are 16 lower-case hex digits that grow with time (e.g. `19cde51dc125579f`): milliseconds shifted left
   * 20 bits plus a counter reproduces that look.
   */
  newId(): string {
    this.idCounter = (this.idCounter + 1) % 0x100000;
    const value = (BigInt(this.now()) << 20n) | BigInt(this.idCounter);
    return value.toString(16).padStart(16, '0').slice(-16);
  }
}
