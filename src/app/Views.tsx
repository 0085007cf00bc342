/**
 * The page's two views, "New message" and "Mail merge", chosen by a small switch and kept in the address (`#merge`,
 * `#merge/<campaign>`), so reload, Back and Forward work. Part of the first load: it holds only the switch; the
 * mail-merge screen is its own chunk, loaded the first time it is shown, and campaigns that were running go on in
 * the background (their own small chunk) whichever view is shown.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TokenSession } from '../auth/index.ts';
import type { AppConfig } from '../config.ts';
import type { Language } from '../i18n/language.ts';
import type { Translate } from '../i18n/translate.ts';
import type { MergeHost } from '../merge/merge-services.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { accountOf } from './account.ts';
import '../styles/views.css';

export type View = 'compose' | 'merge';

const viewOf = (hash: string): View => (hash.startsWith('#merge') ? 'merge' : 'compose');

export function useView(): View {
  const [view, setView] = useState(() => viewOf(location.hash));
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

type MergeScreen = typeof import('../merge/ui/index.ts');

export interface MergeViewProps {
  visible: boolean;
  t: Translate;
  language: Language;
  outbox: Outbox | null;
  session: TokenSession | null;
  config: AppConfig;
}

/** The mail-merge screen (loaded when first shown) and the background start of running campaigns. */
export function MergeView({ visible, t, language, outbox, session, config }: MergeViewProps) {
  const [screen, setScreen] = useState<MergeScreen | null>(null);
  const host = useMemo<MergeHost | null>(
    () =>
      outbox && session
        ? {
            outbox,
            account: () => accountOf(session.getState()),
            // Offline: no popup (it could not load); the outbox waits for the network.
            ensureToken: () => (navigator.onLine === false ? null : session.ensureToken()),
            offlineGoogle: config.offlineGoogleOrigin !== null,
            gmailWebRoot: config.google.gmailWebRoot,
          }
        : null,
    [outbox, session, config],
  );
  useEffect(() => {
    if (host) void import('../merge/campaign-background.ts').then((later) => later.startCampaignsInBackground(host));
  }, [host]);
  useEffect(() => {
    if (visible && !screen) void import('../merge/ui/index.ts').then((loaded) => setScreen(() => loaded));
  }, [visible, screen]);
  if (!visible && !screen) return null;
  return (
    <div hidden={!visible}>
      {screen && host ? (
        <screen.MergePage t={t} language={language} host={host} />
      ) : (
        <p class="loading">{t('app.loading')}</p>
      )}
    </div>
  );
}
