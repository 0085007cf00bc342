/** The mail-merge view: the campaigns of this browser, or one campaign (`#merge/<id>`). */
import { useEffect, useMemo } from 'preact/hooks';
import { campaignServices, listImporter } from '../merge-services.ts';
import { CampaignList } from './CampaignList.tsx';
import { CampaignScreen } from './CampaignScreen.tsx';
import type { ScreenProps } from './props.ts';
import { useMergeRoute } from './use-campaign.ts';

export function MergePage(props: ScreenProps) {
  const { t, host } = props;
  useMemo(() => campaignServices(host), [host]);
  // The import worker starts now, so the first list does not wait for it (its start-up is page work too).
  useEffect(() => listImporter().prewarm(), []);
  const route = useMergeRoute();
  return (
    <section class="merge" aria-labelledby="merge-title">
      <h2 id="merge-title" class="merge-title">
        {t('merge.title')}
      </h2>
      {route ? <CampaignScreen key={route} id={route} {...props} /> : <CampaignList {...props} />}
    </section>
  );
}
