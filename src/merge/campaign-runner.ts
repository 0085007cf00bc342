/**
 * The page side of `core/runner.ts`: in the one tab that holds the campaign's run lock, call `step` on every outbox
 * change of the campaign, on its `wakeAt`, on a heartbeat (a laptop that slept past a timer) and after a reload;
 * persist the new campaign state under the record lock, then apply the outbox actions. Steps never overlap, and
 * each one reads the entries fresh, so a row is built and enqueued at most once per step and the outbox refuses a
 * second entry for it anyway (fixed ids).
 */
import { newMessageId } from '../compose/outgoing.ts';
import type { Timers } from '../gmail/timers.ts';
import type { BlobMessageDraft } from '../mail/blob-draft.ts';
import type { OutboxEntry } from '../outbox/core/entry.ts';
import type { Outbox, QueueRequest } from '../outbox/outbox.ts';
import type { ChangeChannel } from '../outbox/tabs.ts';
import type { CampaignEntries } from './campaign-entries.ts';
import type { CampaignLocks } from './campaign-locks.ts';
import { rowMessage } from './campaign-message.ts';
import type { CampaignFiles, CampaignRecord } from './campaign-record.ts';
import type { RowCheck } from './campaign-rows.ts';
import type { CampaignStore } from './campaign-store.ts';
import type { Campaign } from './core/campaign.ts';
import { type RowEntryView, sendTimes } from './core/entries.ts';
import type { ListRow } from './core/list.ts';
import { MINUTE } from './core/pacing.ts';
import type { CompiledTemplate } from './core/placeholders.ts';
import { type OutboxAction, type StepResult, step } from './core/runner.ts';
import { toRowEntryView, toWindowView } from './entry-view.ts';
import { type TimeScale, timeScale } from './time-scale.ts';

/** What the runner reads from the campaign it runs (the controller holds it). */
export interface RunnerHost {
  readonly id: string;
  record(): CampaignRecord | null;
  /** Every row judged, in send order; null until the list is loaded and checked. */
  checks(): readonly RowCheck[] | null;
  check(row: number): RowCheck | undefined;
  compiled(): CompiledTemplate | null;
  files(): CampaignFiles;
  listRow(row: number): ListRow | undefined;
  entries: CampaignEntries;
  /** The record this runner wrote, so the host need not read it back. */
  written(record: CampaignRecord): void;
  /** A row whose message could not be built (a MailError code): left out, and shown with the reason. */
  buildFailed(row: number, code: string): void;
  buildFailures(): ReadonlyMap<number, string>;
}

export interface RunnerDeps {
  store: CampaignStore;
  outbox: Outbox;
  locks: CampaignLocks;
  channel: ChangeChannel;
  build(draft: BlobMessageDraft<Blob>): Promise<Blob>;
  clock: Timers;
  newUuid(): string;
  /**
   * Uniform in [0, 1), for the pace's jitter: `Math.random` in the app. Required, because the pure schedule's own
   * default draws no jitter at all, and a campaign that left the source out would send like a metronome.
   */
  random(): number;
  /** Test-only speed-up (time-scale.ts); 1 in production. */
  timeScale?: number;
  heartbeatMs?: number;
}

export interface Runner {
  /** Asks for a step soon (coalesced). */
  schedule(): void;
  stop(): void;
  /** Resolves when no step is running or asked for (tests). */
  idle(): Promise<void>;
}

const HEARTBEAT_MS = MINUTE;

export function mapView(view: RowEntryView, to: (t: number) => number): RowEntryView {
  const mapped: RowEntryView = { ...view, createdAt: to(view.createdAt) };
  if (view.notBefore !== undefined) mapped.notBefore = to(view.notBefore);
  if (view.result) mapped.result = { ...view.result, sentAt: to(view.result.sentAt) };
  if (view.failure?.resumeAt !== undefined) mapped.failure = { ...view.failure, resumeAt: to(view.failure.resumeAt) };
  return mapped;
}

function mapCampaign(campaign: Campaign, to: (t: number) => number): Campaign {
  return campaign.until === undefined ? campaign : { ...campaign, until: to(campaign.until) };
}

const sameCampaign = (a: Campaign, b: Campaign) => a.state === b.state && a.until === b.until && a.tests === b.tests;

export function createRunner(host: RunnerHost, deps: RunnerDeps): Runner {
  const { clock, outbox, locks, store } = deps;
  let stepping: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let wake: unknown = null;
  let beat: unknown = null;
  const factor = deps.timeScale ?? 1;
  const heartbeatMs = Math.max(250, (deps.heartbeatMs ?? HEARTBEAT_MS) / factor);

  const armBeat = () => {
    beat = clock.setTimeout(() => {
      schedule();
      if (!stopped) armBeat();
    }, heartbeatMs);
  };

  function schedule(): void {
    if (stopped) return;
    if (stepping) {
      again = true;
      return;
    }
    stepping = (async () => {
      do {
        again = false;
        try {
          await stepOnce();
        } catch (error) {
          console.error('campaign: step failed', error);
        }
      } while (again && !stopped);
    })().finally(() => {
      stepping = null;
    });
  }

  async function stepOnce(): Promise<void> {
    await host.entries.settled();
    const checks = host.checks();
    if (!checks || stopped) return;
    const realNow = clock.now();
    const record = host.record();
    if (!record) return;
    const scale = timeScale(record.createdAt, factor);
    const virtual = scale.toVirtual;
    const own = host.entries.all();
    const others = await host.entries.otherSends(realNow);
    const vNow = virtual(realNow);
    const previous = sendTimes(
      [...own, ...others].map((entry) => mapView(toWindowView(entry), virtual)),
      vNow,
    );
    const failures = host.buildFailures();
    const rows = checks.map((check) => ({
      row: check.row,
      status: failures.has(check.row) ? ('left-out' as const) : check.status,
    }));
    const views = own.map((entry) => mapView(toRowEntryView(entry), virtual));
    let result: StepResult | null = null;
    await locks.withRecord(host.id, async () => {
      const fresh = await store.get(host.id);
      if (!fresh) return;
      result = step({
        campaign: mapCampaign(fresh.campaign, virtual),
        rows,
        entries: views,
        now: vNow,
        pacing: fresh.pacing,
        previous,
        random: deps.random,
      });
      const next = mapCampaign(result.campaign, scale.toReal);
      if (!sameCampaign(fresh.campaign, next)) {
        const written: CampaignRecord = { ...fresh, campaign: next, updatedAt: realNow };
        await store.put(written);
        host.written(written);
        deps.channel.post([host.id]);
      }
    });
    const done = result as StepResult | null;
    if (!done || stopped) return;
    await apply(done.actions, scale);
    if (wake !== null) clock.clearTimeout(wake);
    wake = null;
    if (done.wakeAt !== null) {
      const at = scale.toReal(done.wakeAt);
      wake = clock.setTimeout(
        () => {
          wake = null;
          schedule();
        },
        Math.min(2 ** 31 - 1, Math.max(0, at - clock.now())),
      );
    }
  }

  async function enqueue(row: number, entryId: string, notBefore: number | undefined, test: boolean) {
    const record = host.record();
    const compiled = host.compiled();
    const check = host.check(row);
    const listRow = host.listRow(row);
    if (!record || !compiled || !check || !listRow) return;
    const messageId = newMessageId(record.account, deps.newUuid());
    const message = rowMessage({
      record,
      files: host.files(),
      compiled,
      listRow,
      check,
      messageId,
      ...(test && record.account ? { testTo: record.account } : {}),
    });
    let blob: Blob;
    try {
      blob = await deps.build(message.draft);
    } catch (error) {
      host.buildFailed(row, (error as { code?: string } | null)?.code ?? String(error));
      return;
    }
    const request: QueueRequest = {
      id: entryId,
      messageId,
      summary: message.summary,
      origin: test ? { kind: 'merge-test', campaignId: host.id } : { kind: 'merge', campaignId: host.id, row },
      account: record.account,
      message: blob,
      ...(notBefore !== undefined ? { notBefore } : {}),
      ...(message.threadId ? { threadId: message.threadId } : {}),
    };
    const added: OutboxEntry[] = await outbox.enqueue([request]);
    host.entries.add(added);
  }

  async function apply(actions: readonly OutboxAction[], scale: TimeScale): Promise<void> {
    const holds: string[] = [];
    const releases: Array<{ id: string; notBefore: number }> = [];
    for (const action of actions) {
      if (stopped) return;
      switch (action.type) {
        case 'enqueue':
          await enqueue(action.row, action.entryId, scale.toReal(action.notBefore), false);
          break;
        case 'enqueue-test':
          await enqueue(host.record()?.testRow ?? host.checks()?.[0]?.row ?? 0, action.entryId, undefined, true);
          break;
        case 'hold':
          holds.push(action.entryId);
          break;
        case 'release':
          releases.push({ id: action.entryId, notBefore: scale.toReal(action.notBefore) });
          break;
        case 'retry':
          await outbox.resend(action.entryId, { notBefore: scale.toReal(action.notBefore) });
          break;
        case 'cancel':
          await outbox.cancel(action.entryId);
          break;
      }
    }
    if (holds.length > 0) await outbox.pause(holds);
    if (releases.length > 0) await outbox.reschedule(releases);
  }

  armBeat();
  schedule();
  return {
    schedule,
    stop() {
      stopped = true;
      if (wake !== null) clock.clearTimeout(wake);
      if (beat !== null) clock.clearTimeout(beat);
    },
    async idle() {
      while (stepping) await stepping;
    },
  };
}
