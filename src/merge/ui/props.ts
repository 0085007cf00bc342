/** What every part of the mail-merge screen receives. */
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { CampaignController, ControllerState } from '../campaign-controller.ts';
import type { MergeHost } from '../merge-services.ts';

export interface ScreenProps {
  t: Translate;
  language: Language;
  host: MergeHost;
}

export interface CampaignProps extends ScreenProps {
  controller: CampaignController;
  state: ControllerState;
}

/**
 * Runs `then` once a token is there, asking for it synchronously inside the click (Google's window opens at most
 * once, and only from a click). Offline, there is no window to open: `then` runs and the outbox waits.
 */
export function withToken(host: MergeHost, then: () => void): void {
  const token = host.ensureToken();
  if (!token) {
    then();
    return;
  }
  // A refusal is shown by the account area's own notice, with its fix.
  token.then(then, () => {});
}
