/**
 * The mail-merge view, in the after-paint chunk: the screen (its own chunk, loaded the first time it is shown) and
 * the background start of campaigns that were running, whichever view is shown.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TokenSession } from '../auth/index.ts';
import type { AppConfig } from '../config.ts';
import type { Language } from '../i18n/language.ts';
import type { Translate } from '../i18n/translate.ts';
import type { MergeHost } from '../merge/merge-services.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { accountOf } from './account.ts';

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
