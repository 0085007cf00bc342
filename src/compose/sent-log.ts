/**
 * The list of recent sends on this device: when, to whom, subject, Gmail's message id and a link. Never the body
 * or attachments: the log must not become a second copy of people's mail.
 */
import { classifyStorageError, type KeyValueBackend, type StorageProblem } from './storage-backend.ts';

export interface SentEntry {
  at: number;
  recipients: string[];
  subject: string;
  messageId: string;
  link: string;
}

export const sentLogLimit = 20;
const sentLogKey = 'sent-log';

/** Newest first, at most `limit` entries. */
export function appendSent(entries: readonly SentEntry[], entry: SentEntry, limit = sentLogLimit): SentEntry[] {
  return [entry, ...entries.filter((existing) => existing.messageId !== entry.messageId)].slice(0, limit);
}

function isSentEntry(value: unknown): value is SentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.at === 'number' &&
    Array.isArray(record.recipients) &&
    record.recipients.every((item) => typeof item === 'string') &&
    typeof record.subject === 'string' &&
    typeof record.messageId === 'string' &&
    typeof record.link === 'string'
  );
}

export interface SentLogStore {
  load(): Promise<SentEntry[]>;
  add(entry: SentEntry): Promise<SentEntry[]>;
  clear(): Promise<void>;
}

export function createSentLogStore(
  backend: KeyValueBackend,
  onProblem: (problem: StorageProblem) => void,
): SentLogStore {
  let entries: SentEntry[] = [];
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      onProblem(classifyStorageError(error));
    }
  };
  return {
    async load() {
      await attempt(async () => {
        const stored = await backend.get(sentLogKey);
        entries = Array.isArray(stored) ? stored.filter(isSentEntry) : [];
      });
      return entries;
    },
    async add(entry) {
      entries = appendSent(entries, entry);
      await attempt(() => backend.put(sentLogKey, entries));
      return entries;
    },
    async clear() {
      entries = [];
      await attempt(() => backend.delete(sentLogKey));
    },
  };
}
