/**
 * The PWA's notices for the page's one notification surface (built in notices.tsx, in the PWA's own chunk).
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

  if (!later) return [];
  return later.pwaNotices(t, {
    applyUpdate,
    reloading,
    onReload: () => {
      if (reloading || !applyUpdate) return;
      setReloading(true);
      // Whatever happens to the write, the update still goes: the rescue copy is already in sessionStorage.
      void saveDraft()
        .catch(() => {})
        .then(applyUpdate);
    },
  });
}
