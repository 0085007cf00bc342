import { describe, expect, it, vi } from 'vitest';
import { appendSent, createSentLogStore, type SentEntry, sentLogLimit } from '../../../src/compose/sent-log.ts';
import { memoryBackend } from '../../../src/compose/storage-backend.ts';

const entry = (messageId: string, at = 1): SentEntry => ({
  at,
  recipients: ['taro@example.jp'],
  subject: '件名',
  messageId,
  link: `https://mail.google.com/mail/u/0/#sent/${messageId}`,
});

describe('appendSent', () => {
  it('puts the newest first and keeps at most the limit', () => {
    let entries: SentEntry[] = [];
    for (let index = 0; index < sentLogLimit + 5; index += 1) entries = appendSent(entries, entry(`m${index}`, index));
    expect(entries).toHaveLength(sentLogLimit);
    expect(entries[0]?.messageId).toBe(`m${sentLogLimit + 4}`);
  });
  it('never lists the same message twice', () => {
    expect(appendSent([entry('a'), entry('b')], entry('a', 5)).map((each) => each.messageId)).toEqual(['a', 'b']);
  });
});

describe('createSentLogStore', () => {
  it('persists, reloads, drops malformed rows and clears', async () => {
    const backend = memoryBackend({ 'sent-log': [entry('old'), { messageId: 'broken' }] });
    const store = createSentLogStore(backend, vi.fn());
    expect((await store.load()).map((each) => each.messageId)).toEqual(['old']);
    await store.add(entry('new', 2));
    const reloaded = await createSentLogStore(backend, vi.fn()).load();
    expect(reloaded.map((each) => each.messageId)).toEqual(['new', 'old']);
    expect(JSON.stringify(reloaded)).not.toMatch(/body|text/);
    await store.clear();
    expect(await createSentLogStore(backend, vi.fn()).load()).toEqual([]);
  });
  it('reports storage failures instead of throwing', async () => {
    const onProblem = vi.fn();
    const backend = memoryBackend();
    backend.put = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    const store = createSentLogStore(backend, onProblem);
    await expect(store.add(entry('x'))).resolves.toHaveLength(1);
    expect(onProblem).toHaveBeenCalledWith('quota');
  });
});
