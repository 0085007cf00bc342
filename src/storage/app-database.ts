/**
 * The app's database as the page uses it: opened once, and on its first opening the draft and sent log kept by
 * version 1 of the app (under its old name, "gmail-sender") are carried over, so an update never loses a draft.
 */
import type { OutboxEntry } from '../outbox/core/entry.ts';
import { toStored } from '../outbox/stored.ts';
import { inTransaction, legacyDatabaseName, openDatabase, requestResult, stores } from './database.ts';

interface LegacySent {
  at: number;
  recipients: string[];
  subject: string;
  messageId: string;
}

function isLegacySent(value: unknown): value is LegacySent {
  const record = value as Partial<LegacySent> | null;
  return (
    typeof record?.at === 'number' &&
    Array.isArray(record.recipients) &&
    typeof record.subject === 'string' &&
    typeof record.messageId === 'string'
  );
}

/** A version-1 sent-log line as a sent outbox entry (it had Gmail's id; its Message-ID was never kept). */
export function legacySentToEntry(sent: LegacySent, index: number): OutboxEntry {
  return {
    id: `v1-sent-${index}-${sent.messageId}`,
    messageId: '',
    createdAt: sent.at,
    updatedAt: sent.at,
    origin: { kind: 'compose' },
    account: null,
    ownerTab: '',
    state: 'sent',
    retries: 0,
    attempts: 1,
    summary: {
      to: sent.recipients.filter((item) => typeof item === 'string'),
      cc: [],
      bcc: [],
      subject: sent.subject,
      size: 0,
    },
    result: { gmailId: sent.messageId, threadId: '', sentAt: sent.at },
  };
}

/** Copies version 1's draft (unless there is a newer one) and sent log, then deletes version 1's database. */
export async function migrateLegacy(database: IDBDatabase, factory: IDBFactory): Promise<boolean> {
  // Without databases() (older browsers) there is no way to look without creating it: nothing to carry over.
  const known = (await factory.databases?.()) ?? [];
  if (!known.some((info) => info.name === legacyDatabaseName)) return false;
  const legacy = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(legacyDatabaseName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!legacy.objectStoreNames.contains('kv')) return false;
    const [draft, sentLog] = await inTransaction(legacy, 'kv', 'readonly', (transaction) => {
      const kv = transaction.objectStore('kv');
      return Promise.all([requestResult(kv.get('draft')), requestResult(kv.get('sent-log'))]);
    });
    const sent = Array.isArray(sentLog) ? sentLog.filter(isLegacySent) : [];
    await inTransaction(database, [stores.kv, stores.outbox], 'readwrite', async (transaction) => {
      const kv = transaction.objectStore(stores.kv);
      const current = await requestResult(kv.get('draft'));
      if (draft && !current) kv.put(draft, 'draft');
      for (const [index, line] of sent.entries())
        transaction.objectStore(stores.outbox).put(toStored(legacySentToEntry(line, index)));
    });
  } finally {
    legacy.close();
  }
  await new Promise<void>((resolve) => {
    const request = factory.deleteDatabase(legacyDatabaseName);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
  return true;
}

let opened: Promise<IDBDatabase> | null = null;

/** The page's database, migrated from version 1 on first use. */
export function appDatabase(): Promise<IDBDatabase> {
  opened ??= openDatabase().then(async (database) => {
    try {
      if (typeof indexedDB !== 'undefined') await migrateLegacy(database, indexedDB);
    } catch {
      // A version-1 database that cannot be read is left alone; the app works without it.
    }
    return database;
  });
  opened.catch(() => {
    opened = null;
  });
  return opened;
}
