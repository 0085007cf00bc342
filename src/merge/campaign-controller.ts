/**
 * One campaign in one tab: its record and files from this browser's storage, its rows (campaign-data.ts), its
 * outbox entries (campaign-entries.ts), the user's edits and commands, and, in the one tab that holds the
 * campaign's run lock, its runner. Every tab that has the campaign open shows the same progress; only the runner
 * acts on the outbox. Edits show at once and are written under the record lock (re-applied to the stored record,
 * so nothing another tab wrote meanwhile is lost).
 */
import type { OutboxEntry } from '../outbox/core/entry.ts';
import { CampaignData, importSource, type ListImporter } from './campaign-data.ts';
import { CampaignEntries } from './campaign-entries.ts';
import {
  type CampaignFile,
  type CampaignFiles,
  type CampaignRecord,
  emptyFiles,
  type ListSourceData,
  sourceName,
} from './campaign-record.ts';
import type { RowCheck } from './campaign-rows.ts';
import { createRunner, mapView, type Runner, type RunnerDeps, type RunnerHost } from './campaign-runner.ts';
import { guessAttachmentColumn, type RowView, rowViews, timeLeft } from './campaign-view.ts';
import { type CampaignEvent, type CampaignState, transition } from './core/campaign.ts';
import { countProgress, type Progress, sendTimes } from './core/entries.ts';
import { planSchedule } from './core/pacing.ts';
import { emptySettings, type ListSettings } from './core/recipients.ts';
import { toWindowView } from './entry-view.ts';
import { timeScale } from './time-scale.ts';

export interface ControllerDeps extends RunnerDeps {
  importer: ListImporter;
  /** The connected account, when known: a campaign sends as the account it was started with. */
  account(): string | null;
}

export type RunnerPlace = 'here' | 'elsewhere' | 'none';

export interface ControllerState {
  record: CampaignRecord | null;
  files: CampaignFiles;
  data: CampaignData;
  importing: boolean;
  rows: RowView[] | null;
  progress: Progress | null;
  timeLeftMs: number | null;
  runner: RunnerPlace;
  testEntry: OutboxEntry | null;
  /** Some of its messages wait for this tab to connect (a token) before they can go. */
  waitingForConnection: boolean;
  buildFailures: ReadonlyMap<number, string>;
}

/** States in which a tab must run the campaign: it may still send by itself, or must re-apply a pause. */
const NEEDS_RUNNER: ReadonlySet<CampaignState> = new Set(['testing', 'running', 'paused', 'waiting', 'needs-decision']);

export function needsRunner(record: CampaignRecord | null | undefined): boolean {
  return record !== null && record !== undefined && NEEDS_RUNNER.has(record.campaign.state);
}

export class CampaignController {
  record: CampaignRecord | null = null;
  files: CampaignFiles = emptyFiles();
  readonly data: CampaignData;
  readonly entries: CampaignEntries;
  private runner: Runner | null = null;
  private runLock: AbortController | null = null;
  /**
   * Why this tab asked for the run lock while it waits for it: its own command ('start', 'resume'...) asks before the
   * other tabs hear of the change, and Web Locks grant in request order, so this tab will be the one that sends; a
   * change seen from another tab (or the page opened mid-run) asks behind the tab already sending.
   */
  private runLockAskedFor: 'command' | 'observed' = 'observed';
  private importing = false;
  private readonly failures = new Map<number, string>();
  private readonly listeners = new Set<() => void>();
  private writes: Promise<void> = Promise.resolve();
  private pendingWrites = 0;
  private recheck: unknown = null;
  private snapshot: ControllerState | null = null;
  private unsubscribe: (() => void) | null = null;
  readonly loaded: Promise<void>;

  constructor(
    readonly id: string,
    private readonly deps: ControllerDeps,
  ) {
    this.data = new CampaignData(deps.importer, () => this.changed());
    this.entries = new CampaignEntries(deps.outbox, id, () => {
      this.changed();
      this.runner?.schedule();
    });
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    this.unsubscribe = this.deps.channel.subscribe((ids) => {
      if (ids.includes(this.id)) void this.reload();
    });
    const [record, files] = await Promise.all([this.deps.store.get(this.id), this.deps.store.files(this.id)]);
    this.record = record ?? null;
    this.files = files;
    await this.entries.start();
    this.changed();
    if (this.record) void this.data.update(this.record, this.files);
    this.syncRunLock();
  }

  /** Another tab wrote the record: take it (unless this tab's own writes are still going out). */
  private async reload(): Promise<void> {
    if (this.pendingWrites > 0) return;
    const [record, files] = await Promise.all([this.deps.store.get(this.id), this.deps.store.files(this.id)]);
    this.record = record ?? null;
    this.files = files;
    this.changed();
    if (this.record) void this.data.update(this.record, this.files);
    this.syncRunLock();
    this.runner?.schedule();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  }

  /** The campaign as the screen shows it now (rebuilt only after a change). */
  state(now = this.deps.clock.now()): ControllerState {
    if (this.snapshot) return this.snapshot;
    const record = this.record;
    const entryOf = (row: number) => this.entries.row(row);
    const rows = this.data.checks
      ? rowViews(this.data.checks, entryOf, this.failures, record?.campaign.state === 'cancelled', now)
      : null;
    const progress = rows ? countProgress(rows.map((row) => row.state)) : null;
    const own = this.entries.all();
    this.snapshot = {
      record,
      files: this.files,
      data: this.data,
      importing: this.importing,
      rows,
      progress,
      timeLeftMs: record && progress ? timeLeft(record, progress.remaining, own, now, this.deps.timeScale) : null,
      runner: this.runnerPlace(),
      testEntry: record ? (this.entries.test(record.campaign.tests) ?? null) : null,
      waitingForConnection: own.some((entry) => entry.state === 'queued' && entry.blocked?.kind === 'token'),
      buildFailures: this.failures,
    };
    return this.snapshot;
  }

  /** Shows an edit at once, then writes it, re-applied to whatever is stored by then. */
  private edit(patch: (record: CampaignRecord) => CampaignRecord, recheckMs = 0): Promise<void> {
    if (!this.record) return Promise.resolve();
    const now = this.deps.clock.now();
    const stamp = (record: CampaignRecord) => ({ ...patch(record), updatedAt: now });
    this.record = stamp(this.record);
    this.changed();
    this.pendingWrites++;
    this.writes = this.writes
      .then(() =>
        this.deps.locks.withRecord(this.id, async () => {
          const stored = await this.deps.store.get(this.id);
          if (!stored) return;
          await this.deps.store.put(stamp(stored));
        }),
      )
      .catch((error: unknown) => console.error('campaign: could not save', error))
      .finally(() => {
        this.pendingWrites--;
        this.deps.channel.post([this.id]);
      });
    this.scheduleRecheck(recheckMs);
    return this.writes;
  }

  private scheduleRecheck(delayMs: number): void {
    if (this.recheck !== null) this.deps.clock.clearTimeout(this.recheck);
    const run = () => {
      this.recheck = null;
      if (this.record) void this.data.update(this.record, this.files);
    };
    if (delayMs <= 0) run();
    else this.recheck = this.deps.clock.setTimeout(run, delayMs);
  }

  /** A new list: the file (or paste) is kept, imported, and the columns guessed afresh. */
  async importList(source: ListSourceData): Promise<void> {
    if (this.record?.campaign.state !== 'draft') return;
    this.importing = true;
    this.changed();
    try {
      const session = await importSource(this.deps.importer, source);
      this.files = { ...this.files, source };
      await this.deps.store.putFiles(this.id, this.files);
      const version = this.record.listVersion + 1;
      this.data.adopt(session, version);
      const { list } = session;
      await this.edit((record) => ({
        ...record,
        name: sourceName(source),
        list: { source: list.source, headers: list.headers, rows: list.rows.length },
        listVersion: version,
        settings: emptySettings(session.columns),
        attachmentColumn: guessAttachmentColumn(list.headers),
      }));
    } catch (error) {
      this.data.importError = error;
    } finally {
      this.importing = false;
      this.changed();
    }
  }

  /** The same file read in another encoding (the preview looked wrong). */
  setEncoding(encoding: Extract<ListSourceData, { kind: 'file' }>['encoding']): Promise<void> {
    const source = this.files.source;
    if (source?.kind !== 'file') return Promise.resolve();
    return this.importList({ ...source, encoding });
  }

  updateSettings(change: (settings: ListSettings) => ListSettings): Promise<void> {
    return this.edit((record) => ({ ...record, settings: change(record.settings) }));
  }

  updateRecord(change: (record: CampaignRecord) => CampaignRecord, recheckMs = 300): Promise<void> {
    return this.edit(change, recheckMs);
  }

  async changeFiles(kind: 'common' | 'pool', change: (files: CampaignFile[]) => CampaignFile[]): Promise<void> {
    this.files = { ...this.files, [kind]: change(this.files[kind]) };
    this.changed();
    await this.deps.store.putFiles(this.id, this.files);
    await this.edit((record) => record);
  }

  /** A user's command on the campaign (the table in core/campaign.ts decides whether it applies). */
  async command(event: CampaignEvent, patch: (record: CampaignRecord) => CampaignRecord = (r) => r): Promise<boolean> {
    await this.writes;
    let applied = false;
    await this.deps.locks.withRecord(this.id, async () => {
      const stored = await this.deps.store.get(this.id);
      const next = stored ? transition(stored.campaign, event) : null;
      if (!stored || !next) return;
      const written = { ...patch(stored), campaign: next, updatedAt: this.deps.clock.now() };
      await this.deps.store.put(written);
      this.record = written;
      applied = true;
    });
    if (applied) {
      // The lock request first, then the news to other tabs: so this tab, where the person clicked, is the one that sends.
      this.syncRunLock('command');
      this.deps.channel.post([this.id]);
      this.changed();
      this.runner?.schedule();
    }
    return applied;
  }

  /** Starts sending, as the connected account. */
  start(): Promise<boolean> {
    const account = this.deps.account();
    const now = this.deps.clock.now();
    return this.command({ type: 'start' }, (record) => ({
      ...record,
      account: account ?? record.account,
      startedAt: now,
    }));
  }

  /** The message of `row`, to the connected account's own address only. */
  sendTest(row: number): Promise<boolean> {
    const account = this.deps.account();
    if (!account) return Promise.resolve(false);
    return this.command({ type: 'send-test' }, (record) => ({ ...record, account, testRow: row }));
  }

  /**
   * The person's decision on a "not sure" row: it was sent (they found it in Gmail's Sent folder), or send it
   * again: the same message, at the campaign's next free moment, never at once past the pace.
   */
  async decide(row: number, choice: 'send-again' | 'was-sent'): Promise<void> {
    const entry = this.entries.row(row);
    if (entry?.state !== 'not-sure' || !this.record) return;
    if (choice === 'was-sent') {
      await this.deps.outbox.confirmSent(entry.id);
      return;
    }
    const now = this.deps.clock.now();
    // The schedule in the campaign's own time, as the runner plans it (a test's faster clock included), then back.
    const scale = timeScale(this.record.createdAt, this.deps.timeScale ?? 1);
    const vNow = scale.toVirtual(now);
    const [notBefore] = planSchedule({
      now: vNow,
      count: 1,
      pacePerMinute: this.record.pacing.pacePerMinute,
      dailyLimit: this.record.pacing.dailyLimit,
      random: this.deps.random,
      previous: sendTimes(
        this.entries.all().map((own) => mapView(toWindowView(own), scale.toVirtual)),
        vNow,
      ),
    }).times;
    await this.deps.outbox.resend(entry.id, { notBefore: notBefore === undefined ? now : scale.toReal(notBefore) });
  }

  private syncRunLock(askedFor: 'command' | 'observed' = 'observed'): void {
    const needed = needsRunner(this.record);
    if (needed && !this.runLock) {
      const lock = new AbortController();
      this.runLock = lock;
      this.runLockAskedFor = askedFor;
      this.changed();
      this.deps.locks.holdRun(this.id, lock.signal, () => {
        if (lock.signal.aborted) return;
        this.runner = createRunner(this.host(), this.deps);
        // Taking over from a tab that closed mid-request: the outbox recovers its message in flight as "not sure"
        // (the row is listed for the person), instead of the row staying "Sending" while this tab waits for it.
        this.deps.outbox.kick();
        this.changed();
      });
    } else if (!needed && this.runLock) {
      this.runner?.stop();
      this.runner = null;
      this.runLock.abort();
      this.runLock = null;
      this.changed();
    }
  }

  /**
   * Which tab sends, from this tab's own lock request alone. (Asking the lock manager who holds the lock raced the
   * other tab's request: a tab that asked just before the other was granted said "none" and kept saying it.)
   */
  private runnerPlace(): RunnerPlace {
    if (this.runner) return 'here';
    if (!this.runLock) return 'none';
    return this.runLockAskedFor === 'command' ? 'here' : 'elsewhere';
  }

  private host(): RunnerHost {
    return {
      id: this.id,
      record: () => this.record,
      checks: () => this.data.checks,
      check: (row) => this.data.check(row),
      compiled: () => this.data.compiled,
      files: () => this.files,
      listRow: (row) => this.data.listRow(row),
      entries: this.entries,
      written: (record) => {
        this.record = record;
        this.changed();
        this.syncRunLock();
      },
      buildFailed: (row, code) => {
        this.failures.set(row, code);
        this.changed();
      },
      buildFailures: () => this.failures,
    };
  }

  /** Resolves when the runner (if this tab has it) has nothing left to do right now (tests). */
  async idle(): Promise<void> {
    await this.writes;
    await this.entries.settled();
    await this.runner?.idle();
  }

  check(row: number): RowCheck | undefined {
    return this.data.check(row);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.entries.dispose();
    this.runner?.stop();
    this.runLock?.abort();
    this.data.close();
    this.listeners.clear();
  }
}
