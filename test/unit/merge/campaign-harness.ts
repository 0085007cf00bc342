/**
 * A world for campaign tests: the outbox world (test/unit/outbox/harness.ts: one store, lock manager and broadcast
 * hub shared by "tabs", the fake Gmail) plus what campaigns share between tabs (their records, Web Locks, a
 * channel), the import worker's real handler run in-process, and src/mail's builder. Time is Vitest's fake clock.
 */
import { vi } from 'vitest';
import { realTimers } from '../../../src/gmail/timers.ts';
import type { BlobMessageDraft } from '../../../src/mail/blob-draft.ts';
import { buildMessage } from '../../../src/mail/build.ts';
import type { AttachmentInput, MessageDraft } from '../../../src/mail/types.ts';
import { CampaignController, type ControllerDeps } from '../../../src/merge/campaign-controller.ts';
import type { ListImporter } from '../../../src/merge/campaign-data.ts';
import { type CampaignLocks, memoryCampaignLocks } from '../../../src/merge/campaign-locks.ts';
import { newCampaignRecord } from '../../../src/merge/campaign-record.ts';
import { memoryCampaignStore } from '../../../src/merge/campaign-store.ts';
import { guessColumns } from '../../../src/merge/core/columns.ts';
import { type ImportedList, importListBytes, importListText } from '../../../src/merge/core/list.ts';
import { analyseRecipients, emptySettings } from '../../../src/merge/core/recipients.ts';
import type { ImportSession } from '../../../src/merge/import-off-thread.ts';
import { memoryChannelHub } from '../../../src/outbox/tabs.ts';
import { world } from '../outbox/harness.ts';

function session(list: ImportedList): ImportSession {
  const columns = guessColumns(list);
  return {
    list,
    columns,
    analysis: analyseRecipients(list, emptySettings(columns)),
    analyse: async (settings) => analyseRecipients(list, settings),
    close() {},
  };
}

export const inProcessImporter: ListImporter = {
  importFile: async (bytes, options) => session(importListBytes(bytes, options)),
  importText: async (text, options) => session(importListText(text, options)),
};

/** src/mail's builder with the Blobs read first, as the message worker does. */
export async function buildBlob(draft: BlobMessageDraft<Blob>): Promise<Blob> {
  const attachments: AttachmentInput[] = [];
  for (const attachment of draft.attachments ?? []) {
    if ('blob' in attachment) {
      const { blob, ...rest } = attachment;
      attachments.push({ ...rest, data: new Uint8Array(await blob.arrayBuffer()) });
    } else attachments.push(attachment);
  }
  const bytes = buildMessage({ ...draft, attachments } as MessageDraft, { now: new Date(Date.now()) });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'message/rfc822' });
}

export function campaignWorld() {
  const outboxWorld = world();
  const store = memoryCampaignStore();
  const locks = memoryCampaignLocks();
  const hub = memoryChannelHub();
  let uuids = 0;

  /** One tab: its outbox and a campaign controller factory wired to the shared world. */
  function tab(
    tabId: string,
    options: {
      account?: string | null;
      timeScale?: number;
      locks?: (shared: CampaignLocks) => CampaignLocks;
      random?: () => number;
    } = {},
  ) {
    const account = options.account === undefined ? 'alice@example.com' : options.account;
    const outboxTab = outboxWorld.tab(tabId, { account });
    const deps: ControllerDeps = {
      store,
      outbox: outboxTab.outbox,
      locks: options.locks ? options.locks(locks) : locks,
      channel: hub.member(),
      importer: inProcessImporter,
      build: buildBlob,
      clock: realTimers,
      newUuid: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}`,
      account: () => account,
      random: options.random ?? (() => 0.5),
      timeScale: options.timeScale ?? 1,
    };
    const controllers: CampaignController[] = [];
    return {
      ...outboxTab,
      deps,
      open(id: string) {
        const controller = new CampaignController(id, deps);
        controllers.push(controller);
        return controller;
      },
      /** The tab closes: its timers, locks and listeners go with it. */
      close() {
        for (const controller of controllers) controller.dispose();
        outboxTab.outbox.dispose();
      },
    };
  }

  async function newDraft(id = 'c1') {
    await store.put(newCampaignRecord(id, Date.now(), 'alice@example.com'));
    return id;
  }

  return { ...outboxWorld, campaigns: store, campaignLocks: locks, tab, newDraft };
}

/**
 * The shared locks as a browser's lock manager answers them: in request order, but each grant a while later (it is
 * a round trip to another process), so a tab can look while another tab's request is still waiting.
 */
export function slowToGrant(ms: number): (shared: CampaignLocks) => CampaignLocks {
  return (shared) => {
    let turn: Promise<void> = Promise.resolve();
    return {
      ...shared,
      holdRun(id, signal, onAcquired) {
        turn = turn.then(() => new Promise((resolve) => setTimeout(resolve, ms)));
        void turn.then(() => shared.holdRun(id, signal, onAcquired));
      },
    };
  };
}

/** Lets every timer and promise run until the world is quiet. */
export async function settle(...things: Array<{ idle(): Promise<void> }>) {
  for (let round = 0; round < 12; round += 1) {
    await vi.runOnlyPendingTimersAsync();
    for (const thing of things) await thing.idle();
  }
}

/** Runs fake time forward in steps, letting the page's promises run between them. */
export async function runFor(ms: number, ...things: Array<{ idle(): Promise<void> }>) {
  const step = Math.max(1_000, Math.ceil(ms / 3_000));
  for (let passed = 0; passed < ms; passed += step) {
    await vi.advanceTimersByTimeAsync(step);
    for (const thing of things) await thing.idle();
  }
}

/** A pasted list of `count` Japanese recipients (tab-separated, as Sheets and Excel put it on the clipboard). */
export function pastedList(count: number): string {
  const lines = ['氏名\tメールアドレス\t会社名'];
  for (let i = 1; i <= count; i++) lines.push(`山田 ${i}\tuser${i}@example.jp\t株式会社${i}`);
  return lines.join('\n');
}

/** The decoded text of a base64url `raw` message as the fake Gmail received it. */
export function rawText(raw: string): string {
  return Buffer.from(raw, 'base64url').toString('utf8');
}
