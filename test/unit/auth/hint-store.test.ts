import { describe, expect, it } from 'vitest';
import { hintStorageKey, memoryHintStore, webStorageHintStore } from '../../../src/auth/hint-store.ts';
import { RecordingStorage } from './fake-gis.ts';

function throwingStorage(): Storage {
  const fail = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail };
}

describe('webStorageHintStore', () => {
  it('writes, reads and clears the email under one key', () => {
    const storage = new RecordingStorage();
    const store = webStorageHintStore(() => storage);
    store.write('alice@example.com');
    expect(storage.getItem(hintStorageKey)).toBe('alice@example.com');
    expect(store.read()).toBe('alice@example.com');
    store.clear();
    expect(store.read()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('never throws when storage does (private mode, quota, disabled)', () => {
    const store = webStorageHintStore(throwingStorage);
    expect(() => store.write('alice@example.com')).not.toThrow();
    expect(store.read()).toBeNull();
    expect(() => store.clear()).not.toThrow();
  });

  it('never throws when even reaching localStorage throws (Safari with storage blocked)', () => {
    const store = webStorageHintStore(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(store.read()).toBeNull();
    expect(() => store.write('a@b.c')).not.toThrow();
  });

  it.each(['', '   ', 'not an email', 'ya29.a0Af', 'two@at@signs and spaces'])('ignores a stored value %j', (value) => {
    const storage = new RecordingStorage();
    storage.setItem(hintStorageKey, value);
    expect(webStorageHintStore(() => storage).read()).toBeNull();
  });

  it('works when there is no storage at all (Node, workers)', () => {
    expect(webStorageHintStore(() => null).read()).toBeNull();
  });
});

it('memoryHintStore remembers within the page only', () => {
  const store = memoryHintStore('a@example.com');
  expect(store.read()).toBe('a@example.com');
  store.clear();
  expect(store.read()).toBeNull();
});
