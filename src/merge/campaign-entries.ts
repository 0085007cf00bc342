/**
 * A campaign's outbox entries, kept in memory and current: read once, then only the entries each change names are
 * read again (a campaign of 10,000 rows changes three times per message; reading them all each time would not do).
 * Also the times that count against the account's windows: this campaign's entries from the cache, every other
 * message (compose, other campaigns, other origins of this app) from the outbox's sent-at index, re-read when one
 * of them changes.
 */
import type { OutboxEntry } from '../outbox/core/entry.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { rowEntryId, testEntryId } from './core/entries.ts';
import { DAY, MINUTE } from './core/pacing.ts';

export class CampaignEntries {
  private readonly byId = new Map<string, OutboxEntry>();
  private readonly pending = new Set<Promise<void>>();
  private readonly prefix: string;
  private others: OutboxEntry[] | null = null;
  private othersAt = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly outbox: Outbox,
    private readonly campaignId: string,
    private readonly onUpdate: () => void,
  ) {
    this.prefix = `merge/${campaignId}/`;
  }

  /** Reads every entry once and follows changes from then on. */
  start(): Promise<void> {
    this.unsubscribe = this.outbox.onChange((ids) => {
      const mine = ids.filter((id) => id.startsWith(this.prefix));
      if (mine.length < ids.length) this.others = null;
      if (mine.length > 0) this.track(this.reread(mine));
      else this.onUpdate();
    });
    return this.track(
      this.outbox.campaignEntries(this.campaignId).then((entries) => {
        for (const entry of entries) this.byId.set(entry.id, entry);
      }),
    );
  }

  dispose(): void {
    this.unsubscribe?.();
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work
      .catch((error: unknown) => console.warn('campaign: could not read outbox entries', error))
      .finally(() => {
        this.pending.delete(tracked);
        this.onUpdate();
      });
    this.pending.add(tracked);
    return tracked;
  }

  private async reread(ids: readonly string[]): Promise<void> {
    const found = await this.outbox.entries(ids);
    const present = new Set(found.map((entry) => entry.id));
    for (const id of ids) if (!present.has(id)) this.byId.delete(id);
    for (const entry of found) this.byId.set(entry.id, entry);
  }

  /** Puts entries this tab has just added, before their change event is read back. */
  add(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) this.byId.set(entry.id, entry);
  }

  /** Resolves when every read started so far has landed. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  all(): OutboxEntry[] {
    return [...this.byId.values()];
  }

  row(row: number): OutboxEntry | undefined {
    return this.byId.get(rowEntryId(this.campaignId, row));
  }

  test(n: number): OutboxEntry | undefined {
    return n > 0 ? this.byId.get(testEntryId(this.campaignId, n)) : undefined;
  }

  /**
   * Every other message that went or may have gone in the last day, from the outbox (cached for `maxAgeMs`, and
   * dropped whenever a message outside this campaign changes).
   */
  async otherSends(now: number, maxAgeMs = 30_000): Promise<OutboxEntry[]> {
    if (this.others === null || now - this.othersAt > maxAgeMs) {
      const since = now - DAY - 2 * MINUTE;
      this.others = (await this.outbox.sentSince(since)).filter((entry) => !entry.id.startsWith(this.prefix));
      this.othersAt = now;
    }
    return this.others;
  }
}
