/**
 * Where campaigns are kept: under keys of the app database's `kv` store (storage/database.ts), so the schema does
 * not change. `merge/campaign/<id>` is the small record, rewritten on every change; `merge/files/<id>` holds the
 * list file and the attachments, written only while the campaign is a draft (a state change never rewrites them).
 * Campaigns are listed with a key range over the record prefix.
 */
import { appDatabase } from '../storage/app-database.ts';
import { inTransaction, stores } from '../storage/database.ts';
import { type CampaignFiles, type CampaignRecord, emptyFiles } from './campaign-record.ts';

export interface CampaignStore {
  /** Every campaign, newest first. */
  list(): Promise<CampaignRecord[]>;
  get(id: string): Promise<CampaignRecord | undefined>;
  put(record: CampaignRecord): Promise<void>;
  files(id: string): Promise<CampaignFiles>;
  putFiles(id: string, files: CampaignFiles): Promise<void>;
  /** Forgets the campaign and its files (its outbox entries stay on record until the outbox forgets them). */
  delete(id: string): Promise<void>;
}

const recordPrefix = 'merge/campaign/';
const filesPrefix = 'merge/files/';
export const recordKey = (id: string) => `${recordPrefix}${id}`;
export const filesKey = (id: string) => `${filesPrefix}${id}`;

const newestFirst = (records: CampaignRecord[]) => records.sort((a, b) => b.createdAt - a.createdAt);

export function indexedDbCampaignStore(open: () => Promise<IDBDatabase> = appDatabase): CampaignStore {
  const run = async <T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>) =>
    inTransaction(await open(), stores.kv, mode, (transaction) => use(transaction.objectStore(stores.kv)));
  return {
    async list() {
      // Every key that starts with the prefix: '\uffff' sorts after any character a campaign id holds.
      const range = IDBKeyRange.bound(recordPrefix, `${recordPrefix}\uffff`);
      return newestFirst((await run('readonly', (store) => store.getAll(range))) as CampaignRecord[]);
    },
    get: async (id) => (await run('readonly', (store) => store.get(recordKey(id)))) as CampaignRecord | undefined,
    async put(record) {
      await run('readwrite', (store) => store.put(record, recordKey(record.id)));
    },
    files: async (id) => ((await run('readonly', (store) => store.get(filesKey(id)))) as CampaignFiles) ?? emptyFiles(),
    async putFiles(id, files) {
      await run('readwrite', (store) => store.put(files, filesKey(id)));
    },
    async delete(id) {
      await inTransaction(await open(), stores.kv, 'readwrite', (transaction) => {
        transaction.objectStore(stores.kv).delete(recordKey(id));
        return transaction.objectStore(stores.kv).delete(filesKey(id));
      });
    },
  };
}

/** The same in memory, cloned as IndexedDB would clone, for tests and for a browser that refuses storage. */
export function memoryCampaignStore(): CampaignStore & { records: Map<string, CampaignRecord> } {
  const records = new Map<string, CampaignRecord>();
  const files = new Map<string, CampaignFiles>();
  return {
    records,
    list: async () => newestFirst([...records.values()].map((record) => structuredClone(record))),
    get: async (id) => (records.has(id) ? structuredClone(records.get(id)) : undefined),
    put: async (record) => {
      records.set(record.id, structuredClone(record));
    },
    files: async (id) => (files.has(id) ? structuredClone(files.get(id)!) : emptyFiles()),
    putFiles: async (id, value) => {
      files.set(id, structuredClone(value));
    },
    delete: async (id) => {
      records.delete(id);
      files.delete(id);
    },
  };
}
