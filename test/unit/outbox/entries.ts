/** Outbox entries for tests: one base, overridden per case. */
import type { OutboxEntry } from '../../../src/outbox/core/entry.ts';

export const t0 = Date.parse('2026-12-01T09:00:00Z');

export function entry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: 'e1',
    messageId: '0f3c5e2a-1b7d-4c9e-8a6f-2d4b6c8e0a1b@example.com',
    createdAt: t0,
    updatedAt: t0,
    origin: { kind: 'compose' },
    account: 'alice@example.com',
    ownerTab: 'tab-a',
    state: 'queued',
    retries: 0,
    attempts: 0,
    summary: { to: ['山田太郎 <taro@example.jp>'], cc: [], bcc: [], subject: '見積もりのご依頼', size: 2048 },
    ...overrides,
  };
}

export const session = { sessionUrl: 'https://gmail.googleapis.com/upload/x?upload_id=u1', total: 12_000_000 };
