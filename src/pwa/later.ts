/**
 * The service worker's page side, in its own chunk, requested once the page has loaded (use-pwa.ts): registration
 * through workbox-window, "a new version is waiting", and taking the update on request. Also the text of the PWA
 * notices and the iOS Home Screen check, which need nothing earlier.
 */
import { Workbox } from 'workbox-window';
import { appText } from '../text/app.ts';
import { addText } from '../text/catalog.ts';

addText(appText);

export { isIosHomeScreenApp } from './ios.ts';
export { pwaNotices } from './notices.tsx';

const hourMs = 60 * 60 * 1000;

export interface ServiceWorkerHooks {
  /** A new version is installed and waiting; `apply` makes it take over and reloads the page. */
  onUpdateReady(apply: () => void): void;
}

export function registerServiceWorker({ onUpdateReady }: ServiceWorkerHooks): void {
  if (!('serviceWorker' in navigator)) return;
  // Relative to the page, like every other URL of the app: the same build works at / and under /sub-path/.
  const workbox = new Workbox('./sw.js', { scope: './' });
  // Fires for a worker that finished installing while this page runs, and for one already waiting when it opened.
  workbox.addEventListener('waiting', () => {
    onUpdateReady(() => {
      // Reload once the new worker controls the page, so the reload gets the new files.
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    });
  });
  void workbox.register().catch(() => {
    // No service worker (private mode, a host that refuses it): the page works as before, only not offline.
  });
  // A tab left open for days still hears about a new deployment.
  setInterval(() => void workbox.update().catch(() => {}), hourMs);
}
