/** An outbox entry as IndexedDB keeps it: the entry plus the keys of the sparse indexes (storage/database.ts). */
import type { OutboxEntry } from './core/entry.ts';

/** The record as stored: the entry plus the keys of the sparse indexes. */
export type StoredEntry = OutboxEntry & { dueAt?: number; blockedOn?: string; loggedAt?: number };

export function toStored(entry: OutboxEntry): StoredEntry {
  const stored: StoredEntry = { ...entry };
  delete stored.dueAt;
  delete stored.blockedOn;
  delete stored.loggedAt;
  if (entry.state === 'queued' && !entry.blocked) stored.dueAt = entry.notBefore ?? 0;
  if (entry.state === 'queued' && entry.blocked) stored.blockedOn = entry.blocked.kind;
  if (entry.state === 'sent' && entry.origin.kind !== 'merge')
    stored.loggedAt = entry.result?.sentAt ?? entry.updatedAt;
  return stored;
}

export function fromStored(stored: StoredEntry | undefined): OutboxEntry | undefined {
  if (!stored) return undefined;
  const { dueAt: _due, blockedOn: _blocked, loggedAt: _logged, ...entry } = stored;
  return entry;
}
