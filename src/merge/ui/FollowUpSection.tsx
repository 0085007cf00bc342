/**
 * A follow-up to chosen rows of a campaign, in the same Gmail threads: every row it was sent to, or the rows the
 * person names ("2-10, 15"). It becomes a campaign of its own (the same list; a new body; each row's subject and
 * thread fixed by the first message), written and sent with the same steps.
 */
import { useState } from 'preact/hooks';
import { formatCount } from '../../i18n/format.ts';
import { newCampaignRecord } from '../campaign-record.ts';
import { createFromRecord, newId } from '../campaign-registry.ts';
import { parseRowRanges } from '../campaign-view.ts';
import { type FollowUpSource, followUpThreads } from '../core/follow-up.ts';
import { toRowEntryView } from '../entry-view.ts';
import { campaignName } from './CampaignList.tsx';
import type { CampaignProps } from './props.ts';
import { campaignHref } from './use-campaign.ts';

export function FollowUpSection(props: CampaignProps) {
  const { t, language, state, host } = props;
  const record = state.record!;
  const [mode, setMode] = useState<'all' | 'choose'>('all');
  const [ranges, setRanges] = useState('');
  const rows = state.rows ?? [];
  // Only a message Gmail gave an id and a thread for can be answered in its thread.
  const sent = rows.filter((row) => row.state === 'sent' && row.entry?.result?.threadId);
  if (sent.length === 0 || record.campaign.state === 'running' || record.campaign.state === 'waiting') return null;
  const chosenRows = mode === 'all' ? sent.map((row) => row.check.row) : parseRowRanges(ranges);
  const invalid = mode === 'choose' && ranges.trim() !== '' && chosenRows === null;
  const byRow = new Map(rows.map((row) => [row.check.row, row]));
  const sources: FollowUpSource[] = [];
  let refused = 0;
  for (const number of chosenRows ?? []) {
    const row = byRow.get(number);
    if (!row?.entry?.result?.threadId) {
      if (row) refused++;
      continue;
    }
    const earlier = record.followUp?.threads.find((thread) => thread.row === number);
    sources.push({
      row: number,
      entry: toRowEntryView(row.entry),
      ...(earlier ? { references: earlier.references } : {}),
    });
  }
  const { threads } = followUpThreads(sources);
  const create = async () => {
    const now = Date.now();
    const followUp = {
      ...newCampaignRecord(newId(), now, host.account() ?? record.account),
      name: record.name,
      list: record.list,
      listVersion: 1,
      settings: record.settings,
      pacing: record.pacing,
      unsubscribe: record.unsubscribe,
      followUp: { parentId: record.id, parentName: campaignName(record, t), threads },
    };
    const controller = await createFromRecord(followUp, record.id);
    location.hash = campaignHref(controller.id);
  };
  return (
    <section class="merge-step" aria-labelledby="follow-up-title">
      <h4 id="follow-up-title">{t('merge.follow-up.title')}</h4>
      <p>{t('merge.follow-up.help')}</p>
      <fieldset>
        <legend class="visually-hidden">{t('merge.follow-up.title')}</legend>
        <div class="field checkbox">
          <input
            type="radio"
            id="follow-up-all"
            name="follow-up-rows"
            checked={mode === 'all'}
            onChange={() => setMode('all')}
          />
          <label for="follow-up-all">{t('merge.follow-up.all', { count: formatCount(sent.length, language) })}</label>
        </div>
        <div class="field checkbox">
          <input
            type="radio"
            id="follow-up-choose"
            name="follow-up-rows"
            checked={mode === 'choose'}
            onChange={() => setMode('choose')}
          />
          <label for="follow-up-choose">{t('merge.follow-up.choose')}</label>
        </div>
      </fieldset>
      {mode === 'choose' && (
        <div class="field">
          <label for="follow-up-ranges">{t('merge.follow-up.rows')}</label>
          <input
            id="follow-up-ranges"
            type="text"
            class="boxed"
            value={ranges}
            aria-invalid={invalid}
            aria-describedby="follow-up-count"
            onInput={(event) => setRanges(event.currentTarget.value)}
          />
        </div>
      )}
      <p id="follow-up-count" role="status" class={invalid ? 'error-text' : 'muted'}>
        {invalid
          ? t('merge.follow-up.rows.invalid')
          : t('merge.follow-up.chosen', {
              count: formatCount(threads.length + refused, language),
              refused: formatCount(refused, language),
            })}
      </p>
      <button type="button" class="primary" disabled={threads.length === 0} onClick={() => void create()}>
        {t('merge.follow-up.start')}
      </button>
    </section>
  );
}
