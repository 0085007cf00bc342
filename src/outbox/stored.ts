/** An outbox entry as IndexedDB keeps it: the entry plus the keys of the sparse indexes (storage/database.ts). */
import type { OutboxEntry } from './core/entry.ts';

/** The record as stored: the entry plus the keys of the sparse indexes. */
export type StoredEntry = OutboxEntry & { dueAt?: number; blockedOn?: string; loggedAt?: number; sentAt?: number };

export function toStored(entry: OutboxEntry): StoredEntry {
  const stored: StoredEntry = { ...entry };
  delete stored.dueAt;
  delete stored.blockedOn;
  delete stored.loggedAt;
  delete stored.sentAt;
  if (entry.state === 'queued' && !entry.blocked) stored.dueAt = entry.notBefore ?? 0;
  if (entry.state === 'queued' && entry.blocked) stored.blockedOn = entry.blocked.kind;
  if (entry.state === 'sent' && entry.origin.kind !== 'merge')
    stored.loggedAt = entry.result?.sentAt ?? entry.updatedAt;
  // A not-sure message counts as sent for the daily limit: Gmail may well have it.
  if (entry.state === 'sent') stored.sentAt = entry.result?.sentAt ?? entry.updatedAt;
  if (entry.state === 'not-sure') stored.sentAt = entry.lastAttemptAt ?? entry.updatedAt;
  return stored;
}

export function fromStored(stored: StoredEntry | undefined): OutboxEntry | undefined {
  if (!stored) return undefined;
  const { dueAt: _due, blockedOn: _blocked, loggedAt: _logged, sentAt: _sent, ...entry } = stored;
  return entry;
}
