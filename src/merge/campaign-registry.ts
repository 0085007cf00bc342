/**
 * The page's campaigns: one controller per campaign per tab, shared by the campaign screen and the background start
 * (campaign-background.ts), so a campaign that runs while the compose form is shown is the same object the screen
 * shows when the person switches to it.
 */
import { CampaignController, type ControllerDeps, needsRunner } from './campaign-controller.ts';
import { type CampaignRecord, newCampaignRecord } from './campaign-record.ts';

let configured: ControllerDeps | null = null;
const controllers = new Map<string, CampaignController>();

/** Set once per page, by whichever of the screen and the background start comes first. */
export function configureCampaigns(deps: ControllerDeps): ControllerDeps {
  configured ??= deps;
  return configured;
}

function deps(): ControllerDeps {
  if (!configured) throw new Error('campaigns: not configured');
  return configured;
}

export function openCampaign(id: string): CampaignController {
  let controller = controllers.get(id);
  if (!controller) {
    controller = new CampaignController(id, deps());
    controllers.set(id, controller);
  }
  return controller;
}

export function listCampaigns(): Promise<CampaignRecord[]> {
  return deps().store.list();
}

export async function createCampaign(): Promise<CampaignController> {
  const { store, clock, newUuid, account } = deps();
  const record = newCampaignRecord(newUuid(), clock.now(), account());
  await store.put(record);
  return openCampaign(record.id);
}

/** A campaign made from another (a follow-up): its record, and the other campaign's list file (the same rows). */
export async function createFromRecord(record: CampaignRecord, listOf: string): Promise<CampaignController> {
  const { store } = deps();
  const { source } = await store.files(listOf);
  await store.putFiles(record.id, { source, common: [], pool: [] });
  await store.put(record);
  return openCampaign(record.id);
}

export function newId(): string {
  return deps().newUuid();
}

/** Removes a draft, finished or cancelled campaign from this browser. */
export async function deleteCampaign(id: string): Promise<void> {
  const { store, channel } = deps();
  const record = await store.get(id);
  if (needsRunner(record)) return;
  controllers.get(id)?.dispose();
  controllers.delete(id);
  await store.delete(id);
  channel.post([id]);
}

/** Opens every campaign that should be running, so this tab queues for its run lock (and runs it, if free). */
export async function resumeActiveCampaigns(): Promise<number> {
  const records = await listCampaigns();
  const active = records.filter((record) => needsRunner(record));
  for (const record of active) openCampaign(record.id);
  return active.length;
}

/** Tests: forget every controller (a new "page"). */
export function resetCampaignRegistry(): void {
  for (const controller of controllers.values()) controller.dispose();
  controllers.clear();
  configured = null;
}
