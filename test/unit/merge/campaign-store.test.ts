/** Both campaign stores keep the same contract: IndexedDB's `kv` store (through fake-indexeddb) and memory. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newCampaignRecord } from '../../../src/merge/campaign-record.ts';
import { type CampaignStore, indexedDbCampaignStore, memoryCampaignStore } from '../../../src/merge/campaign-store.ts';
import { openDatabase, stores } from '../../../src/storage/database.ts';
import { t0 } from '../outbox/entries.ts';

function idb() {
  const factory = new IDBFactory();
  const open = () => openDatabase({ factory, name: 'fumi-campaign-test' });
  return { store: indexedDbCampaignStore(open), open };
}

describe.each([
  ['IndexedDB', () => idb().store],
  ['memory', () => memoryCampaignStore()],
] as const)('the %s campaign store', (_name, create: () => CampaignStore) => {
  it('keeps records, lists them newest first, and keeps files apart', async () => {
    const store = create();
    await store.put(newCampaignRecord('old', t0, 'alice@example.com'));
    await store.put({ ...newCampaignRecord('new', t0 + 1, 'alice@example.com'), name: '顧客リスト.csv' });
    expect((await store.list()).map((record) => record.id)).toEqual(['new', 'old']);
    expect((await store.get('new'))?.name).toBe('顧客リスト.csv');
    expect(await store.files('new')).toEqual({ source: null, common: [], pool: [] });
    const blob = new Blob(['氏名,メールアドレス\r\n'], { type: 'text/csv' });
    await store.putFiles('new', {
      source: { kind: 'file', name: 'a.csv', blob, encoding: 'auto' },
      common: [],
      pool: [],
    });
    const files = await store.files('new');
    expect(files.source?.kind === 'file' && (await files.source.blob.text())).toBe('氏名,メールアドレス\r\n');
    await store.delete('new');
    expect(await store.get('new')).toBeUndefined();
    expect((await store.files('new')).source).toBeNull();
    expect((await store.list()).map((record) => record.id)).toEqual(['old']);
  });
});

it('lists only campaign records, not the other values of the kv store', async () => {
  const { store, open } = idb();
  const database = await open();
  await new Promise((resolve) => {
    const transaction = database.transaction(stores.kv, 'readwrite');
    transaction.objectStore(stores.kv).put({ subject: '下書き' }, 'draft');
    transaction.objectStore(stores.kv).put({ x: 1 }, 'merge/files/zzz');
    transaction.oncomplete = resolve;
  });
  await store.put(newCampaignRecord('c1', t0, null));
  expect((await store.list()).map((record) => record.id)).toEqual(['c1']);
});
