import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Draft, emptyDraft } from '../../../src/compose/draft.ts';
import { draftReducer } from '../../../src/compose/draft-actions.ts';
import { draftFromStored } from '../../../src/compose/draft-restore.ts';
import { createDraftStore } from '../../../src/compose/draft-store.ts';
import { type KeyValueBackend, memoryBackend, memoryTextSlot } from '../../../src/storage/key-value.ts';

const withSubject = (subject: string): Draft => draftReducer(emptyDraft(), { type: 'set-subject', text: subject });

function failingBackend(error: unknown): KeyValueBackend & { calls: number } {
  const backend = {
    calls: 0,
    get: async () => {
      backend.calls += 1;
      throw error;
    },
    put: async () => {
      backend.calls += 1;
      throw error;
    },
    delete: async () => {
      backend.calls += 1;
      throw error;
    },
  };
  return backend;
}

describe('createDraftStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after a quiet pause, only the latest draft', async () => {
    const backend = memoryBackend();
    const put = vi.spyOn(backend, 'put');
    const store = createDraftStore({ backend, onProblem: vi.fn(), delayMs: 400 });
    store.schedule(withSubject('一'));
    await vi.advanceTimersByTimeAsync(200);
    store.schedule(withSubject('一二'));
    await vi.advanceTimersByTimeAsync(399);
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(put).toHaveBeenCalledTimes(1);
    expect((await store.load())?.subject).toBe('一二');
  });

  it('flush writes at once (before unload)', async () => {
    const backend = memoryBackend();
    const store = createDraftStore({ backend, onProblem: vi.fn() });
    store.schedule(withSubject('急ぎ'));
    await store.flush();
    expect((backend.data.get('draft') as Draft).subject).toBe('急ぎ');
  });

  it('keeps the text of an unsaved change in the rescue slot when the page goes away mid-debounce', async () => {
    // The IndexedDB write started in pagehide never lands (Chromium reload): only the rescue copy survives.
    const lost = memoryBackend();
    const rescue = memoryTextSlot();
    const before = createDraftStore({ backend: lost, onProblem: vi.fn(), rescue });
    const blob = new Blob(['x'], { type: 'text/plain' });
    const withFile = draftReducer(withSubject('saved'), {
      type: 'add-attachments',
      attachments: [{ id: 'a', name: 'a.txt', type: 'text/plain', size: 1, blob }],
    });
    before.schedule(withFile);
    await before.flush();
    before.schedule({ ...withFile, subject: 'typed just before reload' });
    before.rescueNow();
    expect(rescue.value).not.toContain('blob');

    const after = createDraftStore({ backend: lost, onProblem: vi.fn(), rescue });
    const restored = await after.load();
    expect(restored?.subject).toBe('typed just before reload');
    expect(restored?.attachments.map((file) => file.name)).toEqual(['a.txt']);
    expect(rescue.value).toBeNull();
    await vi.runAllTimersAsync();
    expect((lost.data.get('draft') as Draft).subject).toBe('typed just before reload');
  });

  it('ignores a rescue copy older than the saved draft, and clear forgets it', async () => {
    const backend = memoryBackend();
    const rescue = memoryTextSlot(JSON.stringify({ savedAt: 1, subject: 'old rescue' }));
    const store = createDraftStore({ backend, onProblem: vi.fn(), rescue });
    store.schedule(withSubject('newer'));
    await store.flush();
    expect((await store.load())?.subject).toBe('newer');
    rescue.write(JSON.stringify({ savedAt: Date.now() + 10, subject: 'x' }));
    await store.clear();
    expect(rescue.value).toBeNull();
  });

  it('an empty draft deletes the saved one instead of storing blanks', async () => {
    const backend = memoryBackend();
    const store = createDraftStore({ backend, onProblem: vi.fn() });
    store.schedule(withSubject('x'));
    await store.flush();
    store.schedule(emptyDraft());
    await store.flush();
    expect(backend.data.has('draft')).toBe(false);
    expect(await store.load()).toBeNull();
  });

  it('clear wins over a save that was still waiting (a sent mail never comes back as a draft)', async () => {
    const backend = memoryBackend();
    const store = createDraftStore({ backend, onProblem: vi.fn(), delayMs: 400 });
    store.schedule(withSubject('sent already'));
    await store.clear();
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.data.has('draft')).toBe(false);
  });

  it('keeps attachments as Blobs', async () => {
    const backend = memoryBackend();
    const store = createDraftStore({ backend, onProblem: vi.fn() });
    const blob = new Blob(['こんにちは'], { type: 'text/plain' });
    store.schedule(
      draftReducer(emptyDraft(), {
        type: 'add-attachments',
        attachments: [{ id: 'a', name: '資料.txt', type: 'text/plain', size: blob.size, blob }],
      }),
    );
    await store.flush();
    const loaded = await store.load();
    expect(loaded?.attachments[0]?.name).toBe('資料.txt');
    expect(await loaded?.attachments[0]?.blob.text()).toBe('こんにちは');
  });

  it('reports a storage failure once, never throws, and keeps trying quietly', async () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    const backend = failingBackend(quota);
    const onProblem = vi.fn();
    const store = createDraftStore({ backend, onProblem });
    expect(await store.load()).toBeNull();
    store.schedule(withSubject('a'));
    await store.flush();
    store.schedule(withSubject('b'));
    await store.flush();
    await store.clear();
    expect(onProblem).toHaveBeenCalledTimes(1);
    expect(onProblem).toHaveBeenCalledWith('quota');
    expect(backend.calls).toBe(4);
  });

  it.each([
    [new DOMException('denied', 'SecurityError'), 'unavailable'],
    [new Error('IndexedDB is not available'), 'unavailable'],
    [new Error('disk on fire'), 'failed'],
  ])('names %o as %s', async (error, problem) => {
    const onProblem = vi.fn();
    await createDraftStore({ backend: failingBackend(error), onProblem }).load();
    expect(onProblem).toHaveBeenCalledWith(problem);
  });
});

describe('draftFromStored', () => {
  it('restores what it can from a malformed record', () => {
    const draft = draftFromStored({
      to: { tokens: ['a@b.com', 7], typing: 'c' },
      cc: 'nonsense',
      subject: 42,
      body: '本文',
      attachments: [
        { name: 'x', blob: 'not a blob' },
        { name: '良い.txt', blob: new Blob(['ok']) },
      ],
    });
    expect(draft?.to).toEqual({ tokens: [], typing: 'c' });
    expect(draft?.cc).toEqual({ tokens: [], typing: '' });
    expect(draft?.subject).toBe('');
    expect(draft?.body).toBe('本文');
    expect(draft?.attachments.map((attachment) => [attachment.name, attachment.size])).toEqual([['良い.txt', 2]]);
  });
  it.each([[null], [undefined], ['text'], [{}], [{ subject: '   ' }]])('%o is no draft', (value) => {
    expect(draftFromStored(value)).toBeNull();
  });
});
