/**
 * The PWA's notices, built in its own chunk (later.ts) so none of this weighs on the first load: "A new version is
 * ready" with a Reload that first writes the draft, and, in an iOS Home Screen web app, why Connect may not work
 * there and what does.
 */
import type { Translate } from '../i18n/translate.ts';
import type { Notice } from '../ui/Notices.tsx';
import { isIosHomeScreenApp } from './ios.ts';

export interface PwaNoticeState {
  /** Set once a new version waits; applies it. */
  applyUpdate: (() => void) | null;
  reloading: boolean;
  /** Reload pressed: write the draft, then apply the update. */
  onReload(): void;
}

export function pwaNotices(t: Translate, { applyUpdate, reloading, onReload }: PwaNoticeState): Notice[] {
  const notices: Notice[] = [];
  if (applyUpdate)
    notices.push({
      id: 'app-update',
      tone: 'info',
      body: t('app.update.ready'),
      actions: (
        <button type="button" aria-disabled={reloading ? 'true' : undefined} onClick={onReload}>
          {t('app.update.reload')}
        </button>
      ),
      dismissible: true,
    });
  if (isIosHomeScreenApp())
    notices.push({
      id: 'ios-home-screen-app',
      tone: 'warning',
      body: (
        <>
          <p>{t('app.ios-app.body', { address: location.origin + location.pathname })}</p>
          <p>{t('app.ios-app.how')}</p>
        </>
      ),
      dismissible: true,
    });
  return notices;
}
