/** Every campaign kept in this browser, newest first, and "New campaign". */
import { formatCount, formatDateTime } from '../../i18n/format.ts';
import { needsRunner } from '../campaign-controller.ts';
import type { CampaignRecord } from '../campaign-record.ts';
import { createCampaign, deleteCampaign } from '../campaign-registry.ts';
import type { ScreenProps } from './props.ts';
import { ScrollRegion } from './shared.tsx';
import { campaignHref, useCampaignList } from './use-campaign.ts';

export function campaignName(record: CampaignRecord, t: ScreenProps['t']): string {
  if (record.followUp) return t('merge.campaigns.follow-up-of', { name: record.followUp.parentName });
  return record.name || t('merge.campaigns.untitled');
}

export function CampaignList({ t, language }: ScreenProps) {
  const records = useCampaignList();
  const create = async () => {
    const controller = await createCampaign();
    location.hash = campaignHref(controller.id);
  };
  return (
    <div class="campaign-list">
      <p>{t('merge.intro')}</p>
      <p>
        <button type="button" class="primary" onClick={() => void create()}>
          {t('merge.campaigns.new')}
        </button>
      </p>
      <h3>{t('merge.campaigns')}</h3>
      {records === null ? (
        <p class="muted">{t('merge.loading')}</p>
      ) : records.length === 0 ? (
        <p class="muted">{t('merge.campaigns.empty')}</p>
      ) : (
        <ScrollRegion label={t('merge.campaigns')}>
          <table class="merge-table">
            <thead>
              <tr>
                <th scope="col">{t('merge.campaigns.name')}</th>
                <th scope="col">{t('merge.table.row')}</th>
                <th scope="col">{t('merge.campaigns.state')}</th>
                <th scope="col">{t('merge.campaigns.created')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('merge.table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => {
                const name = campaignName(record, t);
                return (
                  <tr key={record.id}>
                    <td>
                      <a href={campaignHref(record.id)}>{name}</a>
                    </td>
                    <td>{formatCount(record.followUp?.threads.length ?? record.list?.rows ?? 0, language)}</td>
                    <td>{t(`merge.state.${record.campaign.state}`)}</td>
                    <td>{formatDateTime(record.createdAt, language)}</td>
                    <td>
                      {!needsRunner(record) && (
                        <button
                          type="button"
                          class="link-button"
                          onClick={() => {
                            if (confirm(t('merge.campaigns.delete.confirm'))) void deleteCampaign(record.id);
                          }}
                        >
                          {t('merge.campaigns.delete', { name })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
