/**
 * Where outbox entries and their payloads are kept: IndexedDB in the page, memory in tests. The entry (small) and
 * its payload (the built message as a Blob, and the form's snapshot) are written together once; later state
 * changes rewrite only the entry. A write that decides whether a request may leave is made `durable`, which asks
 * the browser to flush it to disk before the promise settles.
 *
 * Every lookup goes through an index (storage/database.ts), so a campaign of thousands of queued rows costs one
 * read of what is due, not of everything. The index keys are derived from the entry when it is written.
 */
import { appDatabase } from '../storage/app-database.ts';
import { inTransaction, requestResult, stores } from '../storage/database.ts';
import type { EntryOrigin, EntryState, OutboxEntry } from './core/entry.ts';
import { fromStored, type StoredEntry, toStored } from './stored.ts';

export interface OutboxPayload {
  /** The message exactly as it is sent (RFC 5322 bytes). */
  message: Blob;
  /** What the form needs to take the message back (Edit after a failure); opaque to the outbox. */
  draft?: unknown;
}

export interface OutboxStore {
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Entries in this state (used for the few `sending` ones at start). */
  inState(state: EntryState): Promise<OutboxEntry[]>;
  /** Entries of one origin kind in these states: what a tab shows outside campaigns. */
  ofKind(kind: EntryOrigin['kind'], states: readonly EntryState[]): Promise<OutboxEntry[]>;
  /** Queued, unblocked entries due by `now`, earliest first. */
  due(now: number, limit: number): Promise<OutboxEntry[]>;
  /** When the next queued, unblocked entry falls due (epoch ms), or null when none waits. */
  nextDue(): Promise<number | null>;
  /** Queued entries waiting for the network or a token. */
  blocked(): Promise<OutboxEntry[]>;
  /** Sent messages of the log (compose and test sends), newest first. */
  recentSent(limit: number): Promise<OutboxEntry[]>;
  /** Every entry of one merge campaign. */
  ofCampaign(campaignId: string): Promise<OutboxEntry[]>;
  /** Sent and not-sure messages that left at or after `since` (epoch ms), any origin: the daily limit's count. */
  sentSince(since: number): Promise<OutboxEntry[]>;
  /**
   * The entry and its payload in one transaction. False, with nothing written, when an entry with this id exists:
   * a campaign's row ids are fixed, so a second enqueue of a row (a reload, another tab) is refused here.
   */
  add(entry: OutboxEntry, payload: OutboxPayload): Promise<boolean>;
  put(entry: OutboxEntry, options?: { durable?: boolean }): Promise<void>;
  payload(id: string): Promise<OutboxPayload | undefined>;
  /** Forgets the payload (after a send: the outbox keeps no second copy of people's mail). */
  dropPayload(id: string): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
}

const fromAll = (records: StoredEntry[]) => records.map((record) => fromStored(record) as OutboxEntry);

async function cursorValues(source: IDBIndex, range: IDBKeyRange | null, direction: IDBCursorDirection, limit: number) {
  return new Promise<StoredEntry[]>((resolve, reject) => {
    const found: StoredEntry[] = [];
    const request = source.openCursor(range, direction);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || found.length >= limit) {
        resolve(found);
        return;
      }
      found.push(cursor.value as StoredEntry);
      cursor.continue();
    };
  });
}

export function indexedDbOutboxStore(open: () => Promise<IDBDatabase> = appDatabase): OutboxStore {
  const read = async <T>(use: (store: IDBObjectStore) => IDBRequest<T> | Promise<T>) =>
    inTransaction(await open(), stores.outbox, 'readonly', (t) => use(t.objectStore(stores.outbox)));
  return {
    get: async (id) => fromStored(await read((store) => store.get(id) as IDBRequest<StoredEntry | undefined>)),
    inState: async (state) =>
      fromAll(await read((store) => store.index('state').getAll(state) as IDBRequest<StoredEntry[]>)),
    async ofKind(kind, states) {
      const found = await read((store) =>
        Promise.all(states.map((state) => requestResult(store.index('kind-state').getAll([kind, state])))),
      );
      return fromAll(found.flat() as StoredEntry[]);
    },
    due: async (now, limit) =>
      fromAll(await read((store) => cursorValues(store.index('due'), IDBKeyRange.upperBound(now), 'next', limit))),
    async nextDue() {
      const [first] = await read((store) => cursorValues(store.index('due'), null, 'next', 1));
      return first?.dueAt ?? null;
    },
    blocked: async () => fromAll(await read((store) => store.index('blocked').getAll() as IDBRequest<StoredEntry[]>)),
    recentSent: async (limit) => fromAll(await read((store) => cursorValues(store.index('log'), null, 'prev', limit))),
    ofCampaign: async (campaignId) =>
      fromAll(await read((store) => store.index('campaign').getAll(campaignId) as IDBRequest<StoredEntry[]>)),
    sentSince: async (since) =>
      fromAll(
        await read(
          (store) => store.index('sent-at').getAll(IDBKeyRange.lowerBound(since)) as IDBRequest<StoredEntry[]>,
        ),
      ),
    async add(entry, payload) {
      try {
        await inTransaction(
          await open(),
          [stores.outbox, stores.payload],
          'readwrite',
          (t) => {
            // `add`, not `put`: an existing id fails the transaction, and neither the entry nor the payload is kept.
            const request = t.objectStore(stores.outbox).add(toStored(entry));
            request.onerror = (event) => event.preventDefault();
            t.objectStore(stores.payload).put(payload, entry.id);
            return request;
          },
          'strict',
        );
        return true;
      } catch (error) {
        if ((error as { name?: string } | null)?.name === 'ConstraintError') return false;
        throw error;
      }
    },
    async put(entry, options = {}) {
      await inTransaction(
        await open(),
        stores.outbox,
        'readwrite',
        (t) => t.objectStore(stores.outbox).put(toStored(entry)),
        options.durable ? 'strict' : 'default',
      );
    },
    async payload(id) {
      return (await inTransaction(await open(), stores.payload, 'readonly', (t) =>
        t.objectStore(stores.payload).get(id),
      )) as OutboxPayload | undefined;
    },
    async dropPayload(id) {
      await inTransaction(await open(), stores.payload, 'readwrite', (t) => t.objectStore(stores.payload).delete(id));
    },
    async delete(ids) {
      await inTransaction(await open(), [stores.outbox, stores.payload], 'readwrite', (t) => {
        for (const id of ids) {
          t.objectStore(stores.outbox).delete(id);
          t.objectStore(stores.payload).delete(id);
        }
      });
    },
  };
}

/** The same store in memory, for tests: values are cloned as IndexedDB would, so no test shares a live object. */
export function memoryOutboxStore(): OutboxStore & { records: Map<string, StoredEntry>; writes: OutboxEntry[] } {
  const records = new Map<string, StoredEntry>();
  const payloads = new Map<string, OutboxPayload>();
  const writes: OutboxEntry[] = [];
  const all = () => [...records.values()].map((record) => structuredClone(record));
  const plain = (list: StoredEntry[]) => fromAll(list);
  const write = (entry: OutboxEntry) => {
    records.set(entry.id, structuredClone(toStored(entry)));
    writes.push(structuredClone(entry));
  };
  return {
    records,
    writes,
    get: async (id) => fromStored(records.has(id) ? structuredClone(records.get(id)) : undefined),
    inState: async (state) => plain(all().filter((record) => record.state === state)),
    ofKind: async (kind, states) =>
      plain(all().filter((record) => record.origin.kind === kind && states.includes(record.state))),
    due: async (now, limit) =>
      plain(
        all()
          .filter((record) => record.dueAt !== undefined && record.dueAt <= now)
          .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))
          .slice(0, limit),
      ),
    nextDue: async () => {
      const times = all()
        .map((record) => record.dueAt)
        .filter((time): time is number => time !== undefined);
      return times.length ? Math.min(...times) : null;
    },
    blocked: async () => plain(all().filter((record) => record.blockedOn !== undefined)),
    recentSent: async (limit) =>
      plain(
        all()
          .filter((record) => record.loggedAt !== undefined)
          .sort((a, b) => (b.loggedAt ?? 0) - (a.loggedAt ?? 0))
          .slice(0, limit),
      ),
    ofCampaign: async (campaignId) =>
      plain(all().filter((record) => 'campaignId' in record.origin && record.origin.campaignId === campaignId)),
    sentSince: async (since) => plain(all().filter((record) => record.sentAt !== undefined && record.sentAt >= since)),
    add: async (entry, payload) => {
      if (records.has(entry.id)) return false;
      write(entry);
      payloads.set(entry.id, payload);
      return true;
    },
    put: async (entry) => write(entry),
    payload: async (id) => payloads.get(id),
    dropPayload: async (id) => {
      payloads.delete(id);
    },
    delete: async (ids) => {
      for (const id of ids) {
        records.delete(id);
        payloads.delete(id);
      }
    },
  };
}

/**
 * IndexedDB while it works, memory from the first refusal on (private modes without storage, a full disk): the
 * page still sends, it only cannot promise to remember the message across a reload, which the storage notice says.
 */
export function resilientOutboxStore(
  primary: OutboxStore,
  onFallback: (error: unknown) => void = () => {},
): OutboxStore {
  const fallback = memoryOutboxStore();
  let current: OutboxStore = primary;
  const guard =
    <A extends unknown[], R>(call: (store: OutboxStore) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (current === fallback) return call(fallback)(...args);
      try {
        return await call(primary)(...args);
      } catch (error) {
        current = fallback;
        onFallback(error);
        return call(fallback)(...args);
      }
    };
  return {
    get: guard((store) => store.get),
    inState: guard((store) => store.inState),
    ofKind: guard((store) => store.ofKind),
    due: guard((store) => store.due),
    nextDue: guard((store) => store.nextDue),
    blocked: guard((store) => store.blocked),
    recentSent: guard((store) => store.recentSent),
    ofCampaign: guard((store) => store.ofCampaign),
    sentSince: guard((store) => store.sentSince),
    add: guard((store) => store.add),
    put: guard((store) => store.put),
    payload: guard((store) => store.payload),
    dropPayload: guard((store) => store.dropPayload),
    delete: guard((store) => store.delete),
  };
}
