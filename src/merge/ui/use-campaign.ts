/** Preact state for a campaign controller and for the list of campaigns. */
import { useEffect, useState } from 'preact/hooks';
import type { CampaignController, ControllerState } from '../campaign-controller.ts';
import type { CampaignRecord } from '../campaign-record.ts';
import { listCampaigns } from '../campaign-registry.ts';

/**
 * The controller's state, re-read at most once a frame: a running campaign changes several times a second, and the
 * screen needs only the latest.
 */
export function useControllerState(controller: CampaignController): ControllerState {
  const [state, setState] = useState(() => controller.state());
  useEffect(() => {
    let frame = 0;
    const update = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setState(controller.state());
      });
    };
    setState(controller.state());
    const unsubscribe = controller.subscribe(update);
    // Row states that wait for a time ("waiting for Gmail") change with the clock alone.
    const tick = setInterval(update, 5_000);
    return () => {
      unsubscribe();
      clearInterval(tick);
      cancelAnimationFrame(frame);
    };
  }, [controller]);
  return state;
}

/** Every campaign of this browser, read again every few seconds while shown (other tabs change them too). */
export function useCampaignList(): CampaignRecord[] | null {
  const [records, setRecords] = useState<CampaignRecord[] | null>(null);
  useEffect(() => {
    let active = true;
    const read = () =>
      void listCampaigns()
        .then((list) => active && setRecords(list))
        .catch(() => active && setRecords([]));
    read();
    const timer = setInterval(read, 3_000);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, []);
  return records;
}

/** The part of the address after `#merge/`: the open campaign's id, or '' for the list. */
export function useMergeRoute(): string {
  const read = () => /^#merge\/(.+)$/.exec(location.hash)?.[1] ?? '';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export const campaignHref = (id: string) => `#merge/${id}`;
