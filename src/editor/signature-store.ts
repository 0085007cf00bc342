/**
 * Signatures, one per sending address, kept in this browser (IndexedDB through the injected backend, so pictures
 * stay Blobs). Addresses are matched without regard to case: Gmail treats Alice@ and alice@ as one mailbox.
 */
import type { KeyValueBackend } from '../storage/key-value.ts';
import { isEmptyRichBody, type RichBody, richBodyFromStored } from './rich-body.ts';

const signaturesKey = 'signatures';

export interface SignatureStore {
  /** The signature for `address`, or null. */
  get(address: string): Promise<RichBody | null>;
  /** Saves (an empty body removes the signature). */
  set(address: string, signature: RichBody): Promise<void>;
  remove(address: string): Promise<void>;
  /** Addresses that have a signature. */
  addresses(): Promise<string[]>;
}

const keyOf = (address: string) => address.trim().toLowerCase();

export function createSignatureStore(backend: KeyValueBackend): SignatureStore {
  // One write at a time, so two quick saves for two addresses cannot overwrite each other's read.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  const readAll = async (): Promise<Record<string, unknown>> => {
    const stored = await backend.get(signaturesKey);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? { ...(stored as Record<string, unknown>) }
      : {};
  };
  const update = (change: (all: Record<string, unknown>) => void) =>
    serial(async () => {
      const all = await readAll();
      change(all);
      await backend.put(signaturesKey, all);
    });
  return {
    async get(address) {
      const stored = (await readAll())[keyOf(address)];
      if (stored === undefined) return null;
      const body = richBodyFromStored(stored);
      return isEmptyRichBody(body) ? null : body;
    },
    set: (address, signature) =>
      update((all) => {
        if (isEmptyRichBody(signature)) delete all[keyOf(address)];
        else all[keyOf(address)] = { html: signature.html, inlineImages: signature.inlineImages };
      }),
    remove: (address) =>
      update((all) => {
        delete all[keyOf(address)];
      }),
    async addresses() {
      return Object.keys(await readAll()).sort();
    },
  };
}
