/**
 * Reads every place a page can keep data between visits and returns what looks like an access token.
 * Used after each flow: the token must live in memory only (issue "Authorization", "Reliability and security").
 */
import type { Page } from '@playwright/test';

const tokenPattern = /ya29\.[\w-]{8,}/g;

export interface AtRestSnapshot {
  url: string;
  historyState: string;
  localStorage: string;
  sessionStorage: string;
  indexedDb: string;
  cookies: string;
}

/** Dumps URL, history state, Web Storage, every IndexedDB record and cookies as text. */
export async function snapshotAtRest(page: Page): Promise<AtRestSnapshot> {
  const inPage = await page.evaluate(async () => {
    const dumpStorage = (storage: Storage) =>
      JSON.stringify(
        Array.from({ length: storage.length }, (_, i) => [storage.key(i), storage.getItem(storage.key(i) ?? '')]),
      );
    const readAll = (db: IDBDatabase, store: string) =>
      new Promise<unknown[]>((resolve) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => resolve([]);
      });
    const databases = (await indexedDB.databases?.()) ?? [];
    const records: unknown[] = [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name as string);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        for (const record of await readAll(db, store)) {
          // Blobs are read as text too: an attachment must not smuggle a token either.
          records.push(record instanceof Blob ? await record.text() : record);
        }
      }
      db.close();
    }
    const replacer = (_key: string, value: unknown) => (value instanceof Blob ? `[Blob ${value.size}]` : value);
    return {
      url: location.href,
      historyState: JSON.stringify(history.state),
      localStorage: dumpStorage(localStorage),
      sessionStorage: dumpStorage(sessionStorage),
      indexedDb: JSON.stringify(records, replacer),
    };
  });
  const cookies = JSON.stringify(await page.context().cookies());
  return { ...inPage, cookies };
}

/** Every place where a token (by shape, or one of the given values) was found; empty when clean. */
export async function tokensAtRest(page: Page, knownTokens: string[] = []): Promise<string[]> {
  const snapshot = await snapshotAtRest(page);
  const found: string[] = [];
  for (const [place, text] of Object.entries(snapshot)) {
    for (const match of text.match(tokenPattern) ?? []) found.push(`${place}: ${match}`);
    for (const token of knownTokens) if (token && text.includes(token)) found.push(`${place}: ${token}`);
  }
  return found;
}
