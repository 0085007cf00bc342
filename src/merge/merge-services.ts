/**
 * The campaign controllers wired to the page: this browser's storage, the app's outbox, Web Locks and a broadcast
 * channel shared with the other tabs, the import worker, and the message builder compose uses (src/mail's worker,
 * loaded on first use). The test-only speed-up is read here, and only in builds against the offline Google.
 */
import { realTimers } from '../gmail/timers.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { broadcastChannel } from '../outbox/tabs.ts';
import type { ControllerDeps } from './campaign-controller.ts';
import { webCampaignLocks } from './campaign-locks.ts';
import { configureCampaigns } from './campaign-registry.ts';
import { indexedDbCampaignStore } from './campaign-store.ts';
import { createImportWorkerClient, type ImportWorkerClient } from './import-off-thread.ts';
import { readTestTimeScale } from './time-scale.ts';

/** What the app gives the mail-merge screen and the background start. */
export interface MergeHost {
  outbox: Outbox;
  /** The connected account's address, read when needed. */
  account(): string | null;
  /** Call synchronously in a click: a token (at most one popup), or null when offline (the outbox waits). */
  ensureToken(): Promise<unknown> | null;
  /** True in builds against the offline Google (demo and tests). */
  offlineGoogle: boolean;
  gmailWebRoot: string;
}

let importer: ImportWorkerClient | null = null;

/** The page's one import worker client (the screen prewarms it). */
export function listImporter(): ImportWorkerClient {
  importer ??= createImportWorkerClient();
  return importer;
}

export function campaignServices(host: MergeHost): ControllerDeps {
  return configureCampaigns({
    store: indexedDbCampaignStore(),
    outbox: host.outbox,
    locks: webCampaignLocks(),
    channel: broadcastChannel('fumi-campaign'),
    importer: listImporter(),
    async build(draft) {
      const mail = await import('../mail/index.ts');
      return mail.buildMessageBlobOffThread(draft);
    },
    clock: realTimers,
    newUuid: () => crypto.randomUUID(),
    random: Math.random,
    account: () => host.account(),
    timeScale: readTestTimeScale(host.offlineGoogle),
  });
}
