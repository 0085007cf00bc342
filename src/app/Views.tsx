/**
 * The page's two views, "New message" and "Mail merge", chosen by a small switch and kept in the address (`#merge`,
 * `#merge/<campaign>`), so reload, Back and Forward work. Part of the first load: it holds only the switch; the
 * merge view itself (MergeView.tsx) comes with the after-paint chunk.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../i18n/translate.ts';

export type View = 'compose' | 'merge';

const viewOf = (hash: string): View => (hash.startsWith('#merge') ? 'merge' : 'compose');

export function useView(): View {
  // No `location` when the first frame is prerendered at build time (src/app/shell): that frame is the compose view.
  const [view, setView] = useState(() => (typeof location === 'undefined' ? 'compose' : viewOf(location.hash)));
  useEffect(() => {
    const onHash = () => setView(viewOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return view;
}

export function ViewSwitch({ t, view }: { t: Translate; view: View }) {
  return (
    <nav class="view-switch" aria-label={t('app.views')}>
      <a href="#compose" aria-current={view === 'compose' ? 'page' : undefined}>
        {t('compose.title')}
      </a>
      <a href="#merge" aria-current={view === 'merge' ? 'page' : undefined}>
        {t('app.view.merge')}
      </a>
    </nav>
  );
}
