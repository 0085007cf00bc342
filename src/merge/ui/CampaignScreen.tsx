/** One campaign: while a draft, its four steps (list, message, preview and test, send); once started, its progress. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { openCampaign } from '../campaign-registry.ts';
import { campaignName } from './CampaignList.tsx';
import { FollowUpSection } from './FollowUpSection.tsx';
import { ListSection } from './ListSection.tsx';
import { MessageSection } from './MessageSection.tsx';
import { PreviewSection } from './PreviewSection.tsx';
import { ProgressSection } from './ProgressSection.tsx';
import type { ScreenProps } from './props.ts';
import { SendSection } from './SendSection.tsx';
import { useControllerState } from './use-campaign.ts';

export function CampaignScreen(props: ScreenProps & { id: string }) {
  const { t, id } = props;
  const controller = useMemo(() => openCampaign(id), [id]);
  const state = useControllerState(controller);
  const [loaded, setLoaded] = useState(false);
  const [previewRow, setPreviewRow] = useState<number | null>(null);
  useEffect(() => {
    void controller.loaded.then(() => setLoaded(true));
  }, [controller]);
  const back = (
    <p>
      <a href="#merge">{t('merge.campaigns.back')}</a>
    </p>
  );
  const { record } = state;
  if (!record)
    return (
      <>
        {back}
        <p class={loaded ? '' : 'muted'}>{t(loaded ? 'merge.campaigns.missing' : 'merge.loading')}</p>
      </>
    );
  const parts = { ...props, controller, state };
  const editing = record.campaign.state === 'draft' || record.campaign.state === 'testing';
  return (
    <div class="campaign">
      {back}
      <h3 class="campaign-name">{campaignName(record, t)}</h3>
      <p class="campaign-state">{t(`merge.state.${record.campaign.state}`)}</p>
      {editing ? (
        <>
          <ListSection {...parts} />
          <MessageSection {...parts} />
          <PreviewSection {...parts} row={previewRow} onRow={setPreviewRow} />
          <SendSection {...parts} />
        </>
      ) : (
        <>
          <ProgressSection {...parts} />
          <FollowUpSection {...parts} />
        </>
      )}
    </div>
  );
}
