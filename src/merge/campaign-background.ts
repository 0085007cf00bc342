/**
 * Started by the app once its outbox exists, whatever the page shows: campaigns that were running when the page
 * closed go on in this tab (or wait for the tab that runs them). "It continues by itself each day while this page
 * is open, or when you come back." It reads the campaign records first and loads the campaign modules only when
 * one of them should be running, so a page that never used mail merge pays one small chunk and one read.
 */

import { indexedDbCampaignStore } from './campaign-store.ts';
import type { CampaignState } from './core/campaign.ts';
import type { MergeHost } from './merge-services.ts';

export type { MergeHost };

const running: ReadonlySet<CampaignState> = new Set(['testing', 'running', 'paused', 'waiting', 'needs-decision']);

export async function startCampaignsInBackground(host: MergeHost): Promise<number> {
  const records = await indexedDbCampaignStore().list();
  if (!records.some((record) => running.has(record.campaign.state))) return 0;
  const [{ campaignServices }, { resumeActiveCampaigns }] = await Promise.all([
    import('./merge-services.ts'),
    import('./campaign-registry.ts'),
  ]);
  campaignServices(host);
  return resumeActiveCampaigns();
}
