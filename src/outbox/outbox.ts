/**
 * The outbox: the one owner of "send this message once". It holds a message for the undo window (in memory, so a
 * page closed then sends nothing), keeps it in IndexedDB from then on, and sends it through one attempt after
 * another, saving the entry before every request (core/machine.ts says what each state means after a crash).
 * Several tabs share it: a lock per entry means one tab works on a message at a time, a broadcast keeps every tab's
 * view current, and an entry found `sending` with its lock free is recovered, never blindly resent.
 *
 * Everything it talks to is injected (store, locks, channel, transport, tokens, network, clock), so every path is
 * unit-tested with plain values, several tabs included.
 */
import type { AttemptOptions, AttemptOutcome, SendStep } from '../gmail/sender.ts';
import type { Timers } from '../gmail/timers.ts';
import type { LiveStatus } from './core/describe.ts';
import type { EntryOrigin, EntrySummary, InFlight, OutboxEntry } from './core/entry.ts';
import { isDue, mayBeDelivered, maySendFrom, type OutboxEvent, transition } from './core/machine.ts';
import type { OutboxPayload, OutboxStore } from './store.ts';
import type { ChangeChannel, EntryLocks } from './tabs.ts';

export interface Transport {
  attempt(message: Blob, options: AttemptOptions): Promise<AttemptOutcome>;
}

/** The token session as the outbox sees it (src/auth fits). */
export interface OutboxTokens {
  accessToken(): string | null;
  /** Google refused this token (401): forget it, unless a newer one has replaced it already. */
  invalidateToken(rejected: string): void;
  /** The grant lacks gmail.send: the next click must show Google's consent screen. */
  requireConsent(): void;
  /** The connected account's address, when known. */
  account(): string | null;
}

export interface NetworkState {
  isOnline(): boolean;
  /** Called when the browser comes back online. */
  onOnline(listener: () => void): () => void;
}

export interface OutboxDeps {
  store: OutboxStore;
  locks: EntryLocks;
  channel: ChangeChannel;
  /** Loaded on first use: the Gmail sender lives in its own chunk. */
  transport: () => Promise<Transport>;
  tokens: OutboxTokens;
  network: NetworkState;
  clock: Timers;
  /** This tab's id: it may send what it wrote even when the account's address is unknown. */
  tabId: string;
  newId?: () => string;
  /** How many sent messages the log keeps (older ones are forgotten). */
  logLimit?: number;
}

export interface HoldRequest {
  messageId: string;
  summary: Omit<EntrySummary, 'size'>;
  origin: EntryOrigin;
  account: string | null;
  threadId?: string;
  /** The undo window; 0 sends at once. */
  holdMs: number;
  /** The message being built; the hold runs meanwhile. */
  message: Promise<Blob>;
  /** The form's snapshot, handed back by Undo and Edit. */
  draft?: unknown;
}

export interface QueueRequest {
  /**
   * A fixed id (a campaign's row): the outbox refuses a second entry with it, so a reload or a second tab that
   * enqueues the same row again sends nothing twice.
   */
  id?: string;
  messageId: string;
  summary: Omit<EntrySummary, 'size'>;
  origin: EntryOrigin;
  account: string | null;
  threadId?: string;
  notBefore?: number;
  message: Blob;
  draft?: unknown;
}

export interface OutboxSnapshot {
  /** What this tab shows outside campaigns: held, queued, sending, and not-sure, failed or cancelled ones not put aside. */
  attention: readonly OutboxEntry[];
  /** The sent log: compose and test sends, newest first. */
  sent: readonly OutboxEntry[];
  /** Progress of the entries this tab is sending. */
  live: ReadonlyMap<string, LiveStatus>;
  /** False until the stored entries were first read: the sent log waits for it rather than saying "nothing yet". */
  loaded: boolean;
}

export interface Outbox {
  /** Starts: recovers entries left `sending` by a closed tab, then sends what is due. Call once. */
  start(): void;
  dispose(): void;
  /** Holds a message for the undo window, then queues and sends it. Call inside the Send click. */
  hold(request: HoldRequest): { id: string; built: Promise<Blob> };
  /** Undo during the hold: the message never leaves; returns the form's snapshot, or undefined if too late. */
  undo(id: string): unknown;
  /** Ends the hold early. */
  sendNow(id: string): void;
  /** Queues ready messages (mail merge): saved at once, sent when due. Returns the entries it added. */
  enqueue(requests: readonly QueueRequest[]): Promise<OutboxEntry[]>;
  /**
   * The person's decision to send a not-sure or failed message (again): the same bytes, the same Message-ID; not
   * before `notBefore` (a campaign trying a refused row again after the daily limit).
   */
  resend(id: string, options?: { notBefore?: number }): Promise<void>;
  /** A campaign pauses: queued messages do not start (one already sending is left to finish). */
  pause(ids: readonly string[]): Promise<void>;
  /** A campaign gives queued messages their time. */
  reschedule(changes: ReadonlyArray<{ id: string; notBefore: number }>): Promise<void>;
  /** The person found a not-sure message in Gmail's Sent folder. */
  confirmSent(id: string): Promise<void>;
  /** Every entry of one campaign. */
  campaignEntries(campaignId: string): Promise<OutboxEntry[]>;
  /** The entries with these ids that exist, in the order asked: what a campaign re-reads after `onChange`. */
  entries(ids: readonly string[]): Promise<OutboxEntry[]>;
  /** Sent and not-sure messages that left at or after `since`, any origin: what counts against the daily limit. */
  sentSince(since: number): Promise<OutboxEntry[]>;
  /** Called with the ids of entries that changed, in this tab or another. */
  onChange(listener: (ids: readonly string[]) => void): () => void;
  /** Puts a not-sure or failed message aside; it stays on record. */
  acknowledge(id: string): Promise<void>;
  /** Stops a message that has not gone yet. */
  cancel(id: string): Promise<void>;
  /** Forgets an entry that is finished (cancelled, acknowledged). */
  discard(id: string): Promise<void>;
  payload(id: string): Promise<OutboxPayload | undefined>;
  /**
   * A token or the network may be back, or another tab may have closed: recover what a closed tab left `sending`
   * (it becomes "not sure", never resent), unblock what waited, and send what is due.
   */
  kick(): void;
  clearSentLog(): Promise<void>;
  snapshot(): OutboxSnapshot;
  subscribe(listener: (snapshot: OutboxSnapshot) => void): () => void;
  /** Resolves when nothing is being sent or saved (tests). */
  idle(): Promise<void>;
}

const attentionStates = ['queued', 'sending', 'not-sure', 'failed', 'cancelled'] as const;
/** Longest single timer (setTimeout takes 32-bit milliseconds); a later wake is re-armed when it fires. */
const maxTimerMs = 2 ** 31 - 1;

function inFlightOf(step: SendStep): { inFlight: InFlight; upload?: OutboxEntry['upload'] } {
  if (step.kind === 'json') return { inFlight: { kind: 'json' } };
  if (step.kind === 'upload-start') return { inFlight: { kind: 'preparing' } };
  return { inFlight: { kind: 'upload' }, upload: step.upload };
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, locks, channel, tokens, network, clock, tabId } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const logLimit = deps.logLimit ?? 20;
  const logKeep = Math.max(logLimit, 200);
  const now = () => clock.now();
  const held = new Map<string, { entry: OutboxEntry; message: Promise<Blob>; draft: unknown; timer: unknown }>();
  const live = new Map<string, LiveStatus>();
  const controllers = new Map<string, AbortController>();
  const listeners = new Set<(snapshot: OutboxSnapshot) => void>();
  const changeListeners = new Set<(ids: readonly string[]) => void>();
  const changed = (ids: readonly string[]) => {
    for (const listener of changeListeners) listener(ids);
  };
  const pending = new Set<Promise<unknown>>();
  const unsubscribers: Array<() => void> = [];
  let snapshot: OutboxSnapshot = { attention: [], sent: [], live, loaded: false };
  let wakeTimer: unknown = null;
  let draining = false;
  let drainAgain = false;
  let refreshQueued = false;
  let disposed = false;

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => {});
    return promise;
  };

  const emit = () => {
    for (const listener of listeners) listener(snapshot);
  };

  async function refreshNow(): Promise<void> {
    const [compose, tests, sent] = await Promise.all([
      store.ofKind('compose', attentionStates),
      store.ofKind('merge-test', attentionStates),
      store.recentSent(logLimit),
    ]);
    const stored = [...compose, ...tests].filter((entry) => !entry.acknowledged && !held.has(entry.id));
    const attention = [...[...held.values()].map((item) => item.entry), ...stored].sort(
      (a, b) => b.createdAt - a.createdAt,
    );
    snapshot = { attention, sent, live, loaded: true };
    emit();
  }

  /** Coalesces refreshes: many changes in a burst cost one read. */
  function refresh(): void {
    if (refreshQueued || disposed) return;
    refreshQueued = true;
    track(
      Promise.resolve()
        .then(() => {
          refreshQueued = false;
          return refreshNow();
        })
        .catch(() => {}),
    );
  }

  async function save(entry: OutboxEntry, durable = false): Promise<OutboxEntry> {
    await store.put(entry, { durable });
    channel.post([entry.id]);
    changed([entry.id]);
    refresh();
    return entry;
  }

  /** Applies an event to an entry under its lock, when the entry is there and the event fits its state. */
  async function update(id: string, event: OutboxEvent, fits: (entry: OutboxEntry) => boolean): Promise<void> {
    await locks.withLock(id, async () => {
      const entry = await store.get(id);
      if (entry && fits(entry)) await save(transition(entry, event, now()));
    });
  }

  const tab = () => ({ id: tabId, account: tokens.account() });

  function eventFor(entry: OutboxEntry, outcome: AttemptOutcome): OutboxEvent {
    switch (outcome.kind) {
      case 'sent':
        return { type: 'sent', result: { gmailId: outcome.id, threadId: outcome.threadId, sentAt: now() } };
      case 'retry':
        return { type: 'retry-later', until: now() + outcome.delayMs, reason: outcome.reason, upload: outcome.upload };
      case 'needs-token':
        tokens.invalidateToken(outcome.rejectedToken);
        return { type: 'blocked', blocker: { kind: 'token', consent: false }, upload: outcome.upload };
      case 'offline':
        return { type: 'blocked', blocker: { kind: 'online' }, upload: outcome.upload };
      case 'uncertain':
        return { type: 'uncertain', problem: { code: outcome.reason } };
      case 'stopped': {
        // The consent decision is made here, not in the text table: Google must show its screen on the next click.
        if (outcome.code === 'insufficient-scope') tokens.requireConsent();
        const { kind: _kind, upload, ...problem } = outcome;
        return { type: 'stopped', problem, upload };
      }
      case 'cancelled':
        return mayBeDelivered(entry) ? { type: 'uncertain', problem: { code: 'lost-answer' } } : { type: 'cancel' };
    }
  }

  /** One attempt at one entry, under its lock. Returns false when another tab holds the entry. */
  async function run(id: string): Promise<boolean> {
    const outcome = await locks.withLock(id, async () => {
      let entry = await store.get(id);
      if (!entry) return;
      if (entry.state === 'sending') entry = await save(transition(entry, { type: 'recover' }, now()), true);
      if (!isDue(entry, now())) return;
      if (!network.isOnline()) {
        await save(transition(entry, { type: 'blocked', blocker: { kind: 'online' } }, now()));
        return;
      }
      const token = tokens.accessToken();
      // A tab that is not connected cannot tell whose the message is yet: what it needs first is the click that
      // connects it. Once connected, only the account it was written as may send it.
      if (!token) {
        // Unless the tab that wrote it is still open: that one has (or will ask for) the token.
        if (entry.ownerTab !== tabId && (await locks.tabAlive(entry.ownerTab))) return;
        await save(transition(entry, { type: 'blocked', blocker: { kind: 'token', consent: false } }, now()));
        return;
      }
      if (!maySendFrom(entry, tab())) return;
      const payload = await store.payload(id);
      entry = await save(transition(entry, { type: 'claim', inFlight: { kind: 'preparing' } }, now()));
      if (!payload) {
        await save(transition(entry, { type: 'stopped', problem: { code: 'payload-missing' } }, now()), true);
        return;
      }
      let transport: Transport;
      try {
        transport = await deps.transport();
      } catch {
        // The sender's chunk could not be fetched: offline, or a new version replaced it. Nothing has left.
        await save(transition(entry, { type: 'blocked', blocker: { kind: 'online' } }, now()));
        return;
      }
      const controller = new AbortController();
      controllers.set(id, controller);
      let result: AttemptOutcome;
      try {
        result = await transport.attempt(payload.message, {
          token,
          threadId: entry.threadId,
          resume: entry.upload,
          retriesSoFar: entry.retries,
          signal: controller.signal,
          checkpoint: async (step) => {
            const { inFlight, upload } = inFlightOf(step);
            const current = entry as OutboxEntry;
            entry = transition(current, { type: 'checkpoint', inFlight, upload }, now());
            // The decisive writes (a whole message, or its last byte, about to leave) go to disk first.
            const decisive = inFlight.kind === 'json' || upload?.finalChunkSent === true;
            await save(entry, decisive);
          },
          onProgress: (sent, total) => {
            live.set(id, { progress: { sent, total } });
            emit();
          },
        });
      } catch (error) {
        // The transport reports failures as outcomes; a throw is a bug, and if a request left the mail may be out.
        console.error('outbox: the transport threw', error);
        result = mayBeDelivered(entry)
          ? { kind: 'uncertain', reason: 'lost-answer' }
          : { kind: 'stopped', code: 'unknown', message: String(error) };
      } finally {
        controllers.delete(id);
        live.delete(id);
      }
      let next: OutboxEntry;
      try {
        next = transition(entry, eventFor(entry, result), now());
      } catch {
        next = transition(entry, { type: 'uncertain', problem: { code: 'lost-answer' } }, now());
      }
      await save(next, true);
      if (next.state === 'sent') {
        await store.dropPayload(id);
        await pruneLog();
      }
      return;
    });
    return outcome !== null;
  }

  async function armWake(): Promise<void> {
    if (wakeTimer !== null) clock.clearTimeout(wakeTimer);
    wakeTimer = null;
    if (disposed) return;
    const next = await store.nextDue();
    if (next === null) return;
    const delay = Math.min(maxTimerMs, Math.max(0, next - now()));
    wakeTimer = clock.setTimeout(() => {
      wakeTimer = null;
      drain();
    }, delay);
  }

  /** Sends what is due, one message at a time (Gmail counts concurrent requests per user against a limit). */
  function drain(): void {
    if (disposed) return;
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    track(
      (async () => {
        try {
          do {
            drainAgain = false;
            const skipped = new Set<string>();
            for (;;) {
              const connected = tokens.accessToken() !== null;
              const due = (await store.due(now(), 50)).filter(
                (entry) => !skipped.has(entry.id) && (!connected || maySendFrom(entry, tab())),
              );
              const next = due[0];
              if (!next || disposed) break;
              const ran = await run(next.id);
              // Held by another tab, or left as it was (not ours, not due): either way, not again in this pass.
              const after = await store.get(next.id);
              if (!ran || (after && isDue(after, now()))) skipped.add(next.id);
            }
          } while (drainAgain && !disposed);
        } finally {
          draining = false;
          await armWake();
        }
      })().catch((error: unknown) => console.error('outbox: drain failed', error)),
    );
  }

  async function recoverIfStillSending(id: string): Promise<void> {
    const current = await store.get(id);
    if (current?.state === 'sending' && !controllers.has(id))
      await save(transition(current, { type: 'recover' }, now()), true);
  }

  async function recoverAbandoned(): Promise<void> {
    for (const entry of await store.inState('sending')) {
      // A lock that is free on a `sending` entry means the tab working on it is gone.
      const taken = await locks.withLock(entry.id, async () => {
        await recoverIfStillSending(entry.id);
        return true;
      });
      if (taken === null) watchInFlight([entry.id]);
    }
  }

  /**
   * Another tab is sending these entries: wait for its lock on each to go (the attempt ended, or its tab closed
   * mid-request), then recover any still left `sending`. Without this, a row whose tab closed while another tab
   * stayed open (and was already running the campaign, so took nothing over) stayed "Sending" forever.
   */
  const watching = new Set<string>();
  const stopWatching = new AbortController();
  function watchInFlight(ids: readonly string[]): void {
    const whenFree = locks.whenFree;
    if (!whenFree) return;
    for (const id of ids) {
      if (watching.has(id) || controllers.has(id) || disposed) continue;
      watching.add(id);
      void (async () => {
        if ((await store.get(id))?.state !== 'sending' || controllers.has(id)) return;
        await whenFree(id, () => recoverIfStillSending(id), stopWatching.signal);
        // A message recovered before its request left is queued again: someone must send it (here, if allowed).
        if (!disposed) {
          await unblock();
          drain();
        }
      })()
        .catch((error: unknown) => console.error('outbox: could not watch an entry in flight', error))
        .finally(() => watching.delete(id));
    }
  }

  async function unblock(): Promise<void> {
    const online = network.isOnline();
    const hasToken = tokens.accessToken() !== null;
    for (const entry of await store.blocked()) {
      // A paused entry is its campaign's to release (with a new time), never the network's or a token's.
      if (!maySendFrom(entry, tab()) || entry.blocked?.kind === 'paused') continue;
      const ready = entry.blocked?.kind === 'online' ? online : hasToken;
      if (!ready) continue;
      await locks.withLock(entry.id, async () => {
        const current = await store.get(entry.id);
        if (current?.state === 'queued' && current.blocked) await save(transition(current, { type: 'unblock' }, now()));
      });
    }
  }

  function release(id: string): void {
    const item = held.get(id);
    if (!item) return;
    clock.clearTimeout(item.timer);
    track(
      (async () => {
        let message: Blob;
        try {
          message = await item.message;
        } catch {
          // The build failed: the form says why (it awaits `built`); nothing was queued.
          held.delete(id);
          refresh();
          return;
        }
        const entry = transition(
          { ...item.entry, summary: { ...item.entry.summary, size: message.size } },
          { type: 'release' },
          now(),
        );
        await store.add(entry, { message, draft: item.draft });
        held.delete(id);
        channel.post([id]);
        changed([id]);
        await refreshNow();
        drain();
      })().catch((error: unknown) => {
        // Storage refused the message (quota, private mode): it stays held in memory, so Undo still works.
        console.error('outbox: could not queue', error);
      }),
    );
  }

  function buildEntry(
    request: Omit<HoldRequest, 'message' | 'holdMs' | 'draft'>,
    state: OutboxEntry['state'],
  ): OutboxEntry {
    const at = now();
    return {
      id: newId(),
      messageId: request.messageId,
      createdAt: at,
      updatedAt: at,
      origin: request.origin,
      account: request.account,
      ownerTab: tabId,
      state,
      retries: 0,
      attempts: 0,
      summary: { ...request.summary, size: 0 },
      ...(request.threadId ? { threadId: request.threadId } : {}),
    };
  }

  function undo(id: string): unknown {
    const item = held.get(id);
    if (!item) return undefined;
    clock.clearTimeout(item.timer);
    held.delete(id);
    snapshot = { ...snapshot, attention: snapshot.attention.filter((entry) => entry.id !== id) };
    emit();
    return item.draft;
  }

  /** The log keeps the newest messages; older lines are forgotten (they hold no message, only its summary). */
  async function pruneLog(): Promise<void> {
    const logged = await store.recentSent(Number.MAX_SAFE_INTEGER);
    const old = logged.slice(logKeep);
    if (old.length > 0) await store.delete(old.map((entry) => entry.id));
  }

  return {
    start() {
      locks.holdTab(tabId);
      unsubscribers.push(
        channel.subscribe((ids) => {
          changed(ids);
          refresh();
          watchInFlight(ids);
          // Another tab may have set an entry aside for a token this tab has.
          track(unblock().then(drain));
        }),
        network.onOnline(() => {
          track(unblock().then(drain));
        }),
      );
      track(
        recoverAbandoned()
          .then(unblock)
          .then(refreshNow)
          .then(drain)
          .catch((error: unknown) => console.error('outbox: start failed', error)),
      );
    },
    dispose() {
      disposed = true;
      stopWatching.abort();
      for (const unsubscribe of unsubscribers) unsubscribe();
      if (wakeTimer !== null) clock.clearTimeout(wakeTimer);
      for (const item of held.values()) clock.clearTimeout(item.timer);
    },
    hold(request) {
      const entry = { ...buildEntry(request, 'held'), notBefore: now() + Math.max(0, request.holdMs) };
      const timer = clock.setTimeout(() => release(entry.id), Math.max(0, request.holdMs));
      held.set(entry.id, { entry, message: request.message, draft: request.draft, timer });
      request.message.catch(() => {
        if (held.has(entry.id)) {
          clock.clearTimeout(held.get(entry.id)?.timer);
          held.delete(entry.id);
          refresh();
        }
      });
      snapshot = { ...snapshot, attention: [entry, ...snapshot.attention] };
      emit();
      if (request.holdMs <= 0) release(entry.id);
      return { id: entry.id, built: request.message };
    },
    undo,
    sendNow(id) {
      release(id);
    },
    async enqueue(requests) {
      const entries: OutboxEntry[] = [];
      for (const request of requests) {
        const entry: OutboxEntry = {
          ...buildEntry(request, 'queued'),
          ...(request.id ? { id: request.id } : {}),
          summary: { ...request.summary, size: request.message.size },
          ...(request.notBefore !== undefined ? { notBefore: request.notBefore, waitReason: 'pacing' } : {}),
        };
        if (await store.add(entry, { message: request.message, draft: request.draft })) entries.push(entry);
      }
      const ids = entries.map((entry) => entry.id);
      if (ids.length > 0) {
        channel.post(ids);
        changed(ids);
      }
      refresh();
      drain();
      return entries;
    },
    async resend(id, options = {}) {
      await update(id, { type: 'resend', notBefore: options.notBefore }, (entry) =>
        ['not-sure', 'failed'].includes(entry.state),
      );
      drain();
    },
    async pause(ids) {
      for (const id of ids) await update(id, { type: 'pause' }, (entry) => entry.state === 'queued');
    },
    async reschedule(changes) {
      for (const { id, notBefore } of changes)
        await update(
          id,
          { type: 'reschedule', notBefore },
          (entry) => entry.state === 'queued' && (!entry.blocked || entry.blocked.kind === 'paused'),
        );
      drain();
    },
    async confirmSent(id) {
      await update(id, { type: 'confirm-sent' }, (entry) => entry.state === 'not-sure');
    },
    campaignEntries: (campaignId) => store.ofCampaign(campaignId),
    async entries(ids) {
      const found = await Promise.all(ids.map((id) => store.get(id)));
      return found.filter((entry): entry is OutboxEntry => entry !== undefined);
    },
    sentSince: (since) => store.sentSince(since),
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    async acknowledge(id) {
      await update(id, { type: 'acknowledge' }, (entry) => ['not-sure', 'failed'].includes(entry.state));
    },
    async cancel(id) {
      if (held.has(id)) {
        undo(id);
        return;
      }
      const controller = controllers.get(id);
      if (controller) {
        controller.abort();
        return;
      }
      await locks.withLock(id, async () => {
        const entry = await store.get(id);
        if (entry && (entry.state === 'queued' || entry.state === 'failed'))
          await save(transition(entry, { type: 'cancel' }, now()));
      });
    },
    async discard(id) {
      await store.delete([id]);
      channel.post([id]);
      changed([id]);
      refresh();
    },
    payload: (id) => store.payload(id),
    kick() {
      // recoverAbandoned only takes entries whose lock is free: a send in flight in a live tab is left alone.
      track(recoverAbandoned().then(unblock).then(drain));
    },
    async clearSentLog() {
      const sent = await store.recentSent(Number.MAX_SAFE_INTEGER);
      await store.delete(sent.map((entry) => entry.id));
      channel.post(sent.map((entry) => entry.id));
      await refreshNow();
    },
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
