/**
 * The PWA's notices for the page's one notification surface: "A new version is ready" with a Reload that first
 * writes the draft to IndexedDB, and, in an iOS Home Screen web app, why Connect may not work there and what does.
 * The service worker is registered only after the page has loaded (its precache downloads must not compete with
 * the first paint), from a chunk of its own (later.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n/translate.ts';
import type { Notice } from '../ui/Notices.tsx';

type Later = typeof import('./later.ts');

/** `saveDraft`: resolves once the draft is written (draft store `rescueNow` + `flush`). */
export function usePwaNotices(t: Translate, saveDraft: () => Promise<void>): Notice[] {
  const [later, setLater] = useState<Later | null>(null);
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    const start = () =>
      void import('./later.ts').then((module) => {
        setLater(module);
        if (import.meta.env.PROD)
          module.registerServiceWorker({ onUpdateReady: (apply) => setApplyUpdate(() => apply) });
      });
    if (document.readyState === 'complete') start();
    else addEventListener('load', start, { once: true });
  }, []);

  const notices: Notice[] = [];
  if (!later) return notices;
  if (applyUpdate)
    notices.push({
      id: 'app-update',
      tone: 'info',
      body: t('app.update.ready'),
      actions: (
        <button
          type="button"
          aria-disabled={reloading ? 'true' : undefined}
          onClick={() => {
            if (reloading) return;
            setReloading(true);
            // Whatever happens to the write, the update still goes: the rescue copy is already in sessionStorage.
            void saveDraft()
              .catch(() => {})
              .then(applyUpdate);
          }}
        >
          {t('app.update.reload')}
        </button>
      ),
      dismissible: true,
    });
  if (later.isIosHomeScreenApp())
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
