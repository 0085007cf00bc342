import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuthState } from '../auth/index.ts';
import type { SentEntry } from '../compose/sent-log.ts';
import type { StorageProblem } from '../compose/storage-backend.ts';
import { ComposePage } from '../compose/ui/ComposePage.tsx';
import { SentLog } from '../compose/ui/SentLog.tsx';
import { buildTimeConfig, type LoadedConfig, loadConfig } from '../config.ts';
import type { Language } from '../i18n/language.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { usePwaNotices } from '../pwa/use-pwa.tsx';
import type { ScriptStatus } from '../setup/CheckSetup.tsx';
import { addText, loadLaterText } from '../text/catalog.ts';
import type { Notice } from '../ui/Notices.tsx';
import type { AfterPaint } from './after-paint.ts';
import { Header } from './Header.tsx';
import { useLazyModule } from './use-lazy.ts';
import { useSession } from './use-session.ts';

// The setup screen and the "Check setup" panel are not part of composing: they arrive after first paint.
const loadSetup = () =>
  Promise.all([import('../setup/SetupScreen.tsx'), import('../setup/CheckSetup.tsx')]).then(([screen, check]) => ({
    SetupScreen: screen.SetupScreen,
    CheckSetup: check.CheckSetup,
  }));
const loadAfterPaint = (): Promise<AfterPaint> =>
  // With the text tables, so nothing this chunk shows appears first as a raw key and then grows (layout shift).
  Promise.all([import('./after-paint.ts'), loadLaterText()]).then(([later]) => {
    // The auth text arrives with the account area that shows it, so neither appears without the other.
    addText(later.authText);
    return later;
  });

function initialConfig(): LoadedConfig | null {
  const config = buildTimeConfig();
  // With a client ID from the build the form can show at once; config.json may still override it.
  return config.clientId ? { config, clientIdSource: 'build', problems: [] } : null;
}

function scriptStatuses(state: AuthState | null): { gis: ScriptStatus; gapi: ScriptStatus } {
  if (state?.status === 'loading' || state?.status === 'load-failed') return state.scripts;
  return state ? { gis: 'ready', gapi: 'ready' } : { gis: 'loading', gapi: 'loading' };
}

function accountEmail(state: AuthState | null): string | null {
  if (state?.status === 'ready' || state?.status === 'renewing' || state?.status === 'failed') return state.email;
  return null;
}

/**
 * The whole page: configuration, language, account, the compose form, the sent log and "Check setup".
 * `initialLanguage` is the language the prerendered shell was painted in (src/app/shell/mount.ts).
 */
export function App({ initialLanguage }: { initialLanguage?: Language } = {}) {
  const { language, t, choose } = useLanguage(initialLanguage);
  const setup = useLazyModule(loadSetup);
  const later = useLazyModule(loadAfterPaint);
  const [loaded, setLoaded] = useState<LoadedConfig | null>(initialConfig);
  const [configSettled, setConfigSettled] = useState(false);
  const [storageProblem, setStorageProblem] = useState<StorageProblem | null>(null);
  const [sent, setSent] = useState<SentEntry[]>([]);
  const [sentLoaded, setSentLoaded] = useState(false);
  const { session, state } = useSession(loaded?.config ?? null, later);

  useEffect(() => {
    void loadConfig().then((result) => {
      setLoaded(result);
      setConfigSettled(true);
    });
  }, []);

  const stores = useMemo(() => {
    if (!later) return null;
    const backend = later.indexedDbBackend();
    // Storage trouble is reported once for the page, whichever store meets it first.
    let reported = false;
    const onProblem = (problem: StorageProblem) => {
      if (reported) return;
      reported = true;
      setStorageProblem(problem);
    };
    return {
      draftStore: later.createDraftStore({ backend, onProblem, rescue: later.sessionTextSlot() }),
      sentLog: later.createSentLogStore(backend, onProblem),
    };
  }, [later]);

  useEffect(() => {
    void stores?.sentLog.load().then((entries) => {
      setSent(entries);
      setSentLoaded(true);
    });
  }, [stores]);

  // PWA notices (update ready, iOS Home Screen app); Reload writes the draft first so it survives the update.
  const pwaNotices = usePwaNotices(t, async () => {
    stores?.draftStore.rescueNow();
    await stores?.draftStore.flush();
  });

  const email = accountEmail(state);
  const services = useMemo(
    () =>
      later && loaded && session
        ? later.createSendServices({ config: loaded.config, session, t, language, email })
        : null,
    [later, loaded, session, t, language, email],
  );

  if (!loaded?.config.clientId) {
    if (!configSettled || !setup) return <p class="loading">{t('app.loading')}</p>;
    return <setup.SetupScreen t={t} origin={location.origin} problems={loaded?.problems ?? []} />;
  }

  const outerNotices: Notice[] = [];
  if (storageProblem)
    outerNotices.push({
      id: 'storage',
      tone: 'warning',
      body: t(`draft.storage.${storageProblem}`),
      dismissible: true,
    });

  outerNotices.push(...pwaNotices);

  const lastAuthError =
    state?.status === 'failed'
      ? { code: state.reason.raw, hint: t(`auth.${state.reason.code}.body`, { origin: location.origin }) }
      : null;

  return (
    <>
      <a class="skip-link" href="#body">
        {t('app.skip')}
      </a>
      <Header
        t={t}
        language={language}
        onLanguage={choose}
        demoOrigin={loaded.config.offlineGoogleOrigin}
        account={later && session ? <later.AccountStatus session={session} t={t} /> : null}
      />
      <main class="page">
        <ComposePage
          t={t}
          language={language}
          later={later}
          store={stores?.draftStore ?? null}
          services={services}
          outerNotices={outerNotices}
          authProblem={(resumeSend) =>
            state?.status === 'failed' && later && session ? (
              <later.AuthProblem session={session} t={t} onAction={resumeSend} />
            ) : null
          }
          onSent={(entry) => void stores?.sentLog.add(entry).then(setSent)}
        />
        {/* Painted with the form (prerendered, the largest text of the first paint); its entries arrive later. */}
        <SentLog
          t={t}
          language={language}
          entries={sent}
          onClear={() => {
            setSent([]);
            void stores?.sentLog.clear();
          }}
        />
        {/* Once the sent log has its entries, so nothing below the form moves. */}
        {setup && sentLoaded && (
          <setup.CheckSetup
            t={t}
            loaded={loaded}
            origin={location.origin}
            scripts={scriptStatuses(state)}
            lastAuthError={lastAuthError}
          />
        )}
      </main>
    </>
  );
}
