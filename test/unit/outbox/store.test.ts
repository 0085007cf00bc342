/**
 * Both outbox stores keep the same contract: IndexedDB (through fake-indexeddb, a spec-conformant implementation)
 * and the in-memory one the other tests use. Also the one-time carry-over of version 1's draft and sent log.
 */
// The globals (IDBKeyRange and friends) the store uses, as a browser has them.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/outbox/core/entry.ts';
import {
  indexedDbOutboxStore,
  memoryOutboxStore,
  type OutboxStore,
  resilientOutboxStore,
} from '../../../src/outbox/store.ts';
import { migrateLegacy } from '../../../src/storage/app-database.ts';
import { legacyDatabaseName, openDatabase, stores } from '../../../src/storage/database.ts';
import { entry, t0 } from './entries.ts';

function idbStore(): OutboxStore {
  const factory = new IDBFactory();
  return indexedDbOutboxStore(() => openDatabase({ factory, name: 'fumi-test' }));
}

const message = (text: string) => new Blob([text], { type: 'message/rfc822' });

describe.each([
  ['IndexedDB', idbStore],
  ['memory', () => memoryOutboxStore()],
] as const)('the %s outbox store', (_name, create) => {
  it('keeps an entry and its payload, and forgets the payload on its own', async () => {
    const store = create();
    await store.add(entry({ id: 'a' }), {
      message: message('To: a@example.jp\r\n\r\nこんにちは'),
      draft: { subject: '件名' },
    });
    expect(await store.get('a')).toEqual(entry({ id: 'a' }));
    const payload = await store.payload('a');
    expect(await payload?.message.text()).toBe('To: a@example.jp\r\n\r\nこんにちは');
    expect(payload?.draft).toEqual({ subject: '件名' });
    await store.dropPayload('a');
    expect(await store.payload('a')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
  });

  it('finds what is due, earliest first, and when the next one falls due', async () => {
    const store = create();
    const later = entry({ id: 'later', notBefore: t0 + 60_000 });
    const now = entry({ id: 'now', notBefore: t0 - 1 });
    const blocked = entry({ id: 'blocked', blocked: { kind: 'online' } });
    const sent = entry({ id: 'sent', state: 'sent', result: { gmailId: 'g', threadId: 'g', sentAt: t0 } });
    for (const each of [later, now, blocked, sent]) await store.add(each, { message: message('x') });
    expect((await store.due(t0, 10)).map((each) => each.id)).toEqual(['now']);
    expect((await store.due(t0 + 60_000, 10)).map((each) => each.id)).toEqual(['now', 'later']);
    expect(await store.nextDue()).toBe(t0 - 1);
    expect((await store.blocked()).map((each) => each.id)).toEqual(['blocked']);
    expect((await store.due(t0, 10)).some((each) => 'dueAt' in each)).toBe(false);
  });

  it('keeps the index keys in step with the state', async () => {
    const store = create();
    await store.add(entry({ id: 'a' }), { message: message('x') });
    expect(await store.due(t0, 10)).toHaveLength(1);
    await store.put(entry({ id: 'a', state: 'sending', inFlight: { kind: 'json' } }));
    expect(await store.due(t0, 10)).toHaveLength(0);
    expect((await store.inState('sending')).map((each) => each.id)).toEqual(['a']);
    await store.put(entry({ id: 'a', state: 'sent', result: { gmailId: 'g', threadId: 'g', sentAt: t0 + 5 } }));
    expect((await store.recentSent(10)).map((each) => each.id)).toEqual(['a']);
    expect(await store.nextDue()).toBeNull();
  });

  it('lists the sent log newest first, without campaign rows', async () => {
    const store = create();
    const sent = (id: string, at: number, origin: OutboxEntry['origin'] = { kind: 'compose' }) =>
      entry({ id, state: 'sent', origin, result: { gmailId: id, threadId: id, sentAt: at } });
    await store.add(sent('old', t0), { message: message('x') });
    await store.add(sent('new', t0 + 10), { message: message('x') });
    await store.add(sent('row', t0 + 20, { kind: 'merge', campaignId: 'c', row: 1 }), { message: message('x') });
    expect((await store.recentSent(10)).map((each) => each.id)).toEqual(['new', 'old']);
    expect((await store.recentSent(1)).map((each) => each.id)).toEqual(['new']);
    expect((await store.ofCampaign('c')).map((each) => each.id)).toEqual(['row']);
    expect((await store.ofKind('compose', ['sent'])).map((each) => each.id).sort()).toEqual(['new', 'old']);
  });

  it('refuses a second entry with the same id, keeping the first and its payload', async () => {
    const store = create();
    expect(await store.add(entry({ id: 'merge/c/row/2' }), { message: message('first') })).toBe(true);
    expect(await store.add(entry({ id: 'merge/c/row/2', attempts: 9 }), { message: message('second') })).toBe(false);
    expect((await store.get('merge/c/row/2'))?.attempts).toBe(0);
    expect(await (await store.payload('merge/c/row/2'))?.message.text()).toBe('first');
  });

  it('counts what went, or may have gone, since a time', async () => {
    const store = create();
    const sent = entry({ id: 's', state: 'sent', result: { gmailId: 'g', threadId: 'g', sentAt: t0 + 10 } });
    const unsure = entry({ id: 'n', state: 'not-sure', lastAttemptAt: t0 + 20 });
    const old = entry({ id: 'o', state: 'sent', result: { gmailId: 'h', threadId: 'h', sentAt: t0 - 10 } });
    for (const each of [sent, unsure, old, entry({ id: 'q' })]) await store.add(each, { message: message('x') });
    expect((await store.sentSince(t0)).map((each) => each.id).sort()).toEqual(['n', 's']);
  });

  it('deletes entries with their payloads', async () => {
    const store = create();
    await store.add(entry({ id: 'a' }), { message: message('x') });
    await store.delete(['a']);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.payload('a')).toBeUndefined();
  });
});

describe('a store that refuses', () => {
  it('falls back to memory and keeps sending', async () => {
    const refusing = indexedDbOutboxStore(() => Promise.reject(new Error('IndexedDB is not available')));
    const reasons: unknown[] = [];
    const store = resilientOutboxStore(refusing, (error) => reasons.push(error));
    await store.add(entry({ id: 'a' }), { message: message('x') });
    expect(await store.get('a')).toEqual(entry({ id: 'a' }));
    expect(reasons).toHaveLength(1);
  });
});

describe('carrying version 1 over', () => {
  async function legacyWith(factory: IDBFactory, values: Record<string, unknown>) {
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(legacyDatabaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('kv');
      request.onsuccess = () => {
        const database = request.result;
        const transaction = database.transaction('kv', 'readwrite');
        for (const [key, value] of Object.entries(values)) transaction.objectStore('kv').put(value, key);
        transaction.oncomplete = () => {
          database.close();
          resolve();
        };
      };
      request.onerror = () => reject(request.error);
    });
  }

  it('moves the draft and the sent log, then removes the old database', async () => {
    const factory = new IDBFactory();
    const draft = {
      version: 1,
      savedAt: t0,
      subject: '下書き',
      body: '本文',
      to: { tokens: ['a@example.jp'], typing: '' },
    };
    const sentLog = [
      { at: t0, recipients: ['a@example.jp'], subject: '送った件', messageId: '19cde51dc125579f', link: 'x' },
    ];
    await legacyWith(factory, { draft, 'sent-log': sentLog });
    const database = await openDatabase({ factory, name: 'fumi-migrated' });
    expect(await migrateLegacy(database, factory)).toBe(true);
    const store = indexedDbOutboxStore(async () => database);
    const [sent] = await store.recentSent(10);
    expect(sent).toMatchObject({
      state: 'sent',
      summary: { subject: '送った件', to: ['a@example.jp'] },
      result: { gmailId: '19cde51dc125579f' },
    });
    const copied = await new Promise((resolve) => {
      const request = database.transaction(stores.kv).objectStore(stores.kv).get('draft');
      request.onsuccess = () => resolve(request.result);
    });
    expect(copied).toEqual(draft);
    expect((await factory.databases()).map((info) => info.name)).not.toContain(legacyDatabaseName);
    expect(await migrateLegacy(database, factory)).toBe(false);
  });
});
