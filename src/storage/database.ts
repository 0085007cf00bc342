/**
 * The page's one IndexedDB database and its schema. Opened once per page on first use; every store of the app
 * (drafts and settings, the outbox, its payloads) lives here, so an upgrade happens in one place.
 *
 * - `kv`: small values by key (the draft, settings, signatures, templates).
 * - `outbox`: one entry per message (src/outbox/core/entry.ts), key `id`, with the indexes the outbox reads by
 *   (src/outbox/store.ts): so a campaign of 10,000 rows never makes a lookup read them all.
 * - `outbox-payload`: the built message (a Blob) and what the form needs to take it back, by entry id. Written
 *   once; the entry's many small state changes never rewrite it.
 */

export const databaseName = 'fumi';
export const schemaVersion = 1;
export const stores = { kv: 'kv', outbox: 'outbox', payload: 'outbox-payload' } as const;
/** The database of version 1 of the app (named after its old name); read once, then removed. */
export const legacyDatabaseName = 'gmail-sender';

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function upgrade(database: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    database.createObjectStore(stores.kv);
    const outbox = database.createObjectStore(stores.outbox, { keyPath: 'id' });
    outbox.createIndex('state', 'state');
    outbox.createIndex('kind-state', ['origin.kind', 'state']);
    // Sparse indexes (IndexedDB leaves out records without the key): only merge rows carry a campaign id; only a
    // queued, unblocked entry has `dueAt`; only a blocked one `blockedOn`; only a sent message of the log `loggedAt`;
    // only a sent or not-sure one `sentAt`.
    outbox.createIndex('campaign', 'origin.campaignId');
    outbox.createIndex('due', 'dueAt');
    outbox.createIndex('blocked', 'blockedOn');
    outbox.createIndex('log', 'loggedAt');
    // Every message that went, or may have gone, by when: what counts against Gmail's daily limit.
    outbox.createIndex('sent-at', 'sentAt');
    database.createObjectStore(stores.payload);
  }
}

export interface DatabaseOptions {
  factory?: IDBFactory;
  name?: string;
}

let shared: Promise<IDBDatabase> | null = null;

/**
 * Opens (and if needed creates or upgrades) the database. A second tab holding an older version is asked to close
 * through `versionchange`; until it does, `blocked` rejects so the page can say storage is unavailable.
 */
export function openDatabase(options: DatabaseOptions = {}): Promise<IDBDatabase> {
  const factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  const name = options.name ?? databaseName;
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) {
        reject(new Error('IndexedDB is not available'));
        return;
      }
      const request = factory.open(name, schemaVersion);
      request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
      request.onsuccess = () => {
        const database = request.result;
        // A newer version of the app in another tab wants to upgrade: step aside rather than block it.
        database.onversionchange = () => database.close();
        resolve(database);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
  if (options.factory || options.name) return open();
  shared ??= open().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

/** Duck-typed: an IDBRequest from another realm (or a spec-conformant fake) is still a request. */
function isRequest<T>(value: unknown): value is IDBRequest<T> {
  return typeof value === 'object' && value !== null && 'readyState' in value && 'onsuccess' in value;
}

/** Runs `use` in one transaction and resolves once it has committed (a quota error surfaces there, not before). */
export async function inTransaction<T>(
  database: IDBDatabase,
  names: string | string[],
  mode: IDBTransactionMode,
  use: (transaction: IDBTransaction) => IDBRequest<T> | Promise<T> | T,
  durability: 'default' | 'strict' | 'relaxed' = 'default',
): Promise<T> {
  const transaction = database.transaction(names, mode, { durability });
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
  const value = use(transaction);
  const result: Promise<T> = isRequest<T>(value) ? requestResult(value) : Promise.resolve(value as T | Promise<T>);
  // Both settle: a failed request also aborts the transaction; report whichever tells more.
  const [settledResult] = await Promise.all([result, done]);
  return settledResult as T;
}

export { requestResult };
