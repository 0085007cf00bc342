import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuthState } from '../auth/index.ts';
import { ComposePage } from '../compose/ui/ComposePage.tsx';
import { buildTimeConfig, type LoadedConfig, loadConfig } from '../config.ts';
import { useLanguage } from '../i18n/use-language.ts';
import type { ScriptStatus } from '../setup/CheckSetup.tsx';
import type { StorageProblem } from '../storage/key-value.ts';
import { addText } from '../text/catalog.ts';
import type { Notice } from '../ui/Notices.tsx';
import { accountOf } from './account.ts';
import type { AfterPaint } from './after-paint.ts';
import { Header } from './Header.tsx';
import { useLazyModule } from './use-lazy.ts';
import { useSession } from './use-session.ts';
import { MergeView, useView, ViewSwitch } from './Views.tsx';

// The setup screen and the "Check setup" panel are not part of composing: they arrive after first paint.
const loadSetup = () =>
  Promise.all([import('../setup/SetupScreen.tsx'), import('../setup/CheckSetup.tsx')]).then(([screen, check]) => ({
    SetupScreen: screen.SetupScreen,
    CheckSetup: check.CheckSetup,
  }));
const loadAfterPaint = (): Promise<AfterPaint> =>
  import('./after-paint.ts').then((later) => {
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

/** The whole page: configuration, language, account, the compose form with its outbox, and "Check setup". */
export function App() {
  const { language, t, choose } = useLanguage();
  const setup = useLazyModule(loadSetup);
  const later = useLazyModule(loadAfterPaint);
  const [loaded, setLoaded] = useState<LoadedConfig | null>(initialConfig);
  const [configSettled, setConfigSettled] = useState(false);
  const [storageProblem, setStorageProblem] = useState<StorageProblem | null>(null);
  const [holdSeconds, setHoldSeconds] = useState<number | null>(null);
  const { session, state } = useSession(loaded?.config ?? null, later);
  const view = useView();

  useEffect(() => {
    void loadConfig().then((result) => {
      setLoaded(result);
      setConfigSettled(true);
    });
  }, []);

  useEffect(() => {
    if (later) setHoldSeconds(later.readHoldSeconds());
  }, [later]);

  const draftStore = useMemo(() => {
    if (!later) return null;
    return later.createDraftStore({
      backend: later.indexedDbBackend(),
      onProblem: setStorageProblem,
      rescue: later.sessionTextSlot(),
    });
  }, [later]);

  const outbox = useMemo(
    () => (later && loaded && session ? later.createAppOutbox(loaded.config, session) : null),
    [later, session],
  );
  useEffect(() => () => outbox?.dispose(), [outbox]);

  const email = accountOf(state);
  const services = useMemo(
    () =>
      later && loaded && session && outbox && holdSeconds !== null
        ? later.createComposeServices({ config: loaded.config, session, outbox, language, email, holdSeconds })
        : null,
    [later, loaded, session, outbox, language, email, holdSeconds],
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
        <ViewSwitch t={t} view={view} />
        <div hidden={view !== 'compose'}>
          <ComposePage
            t={t}
            language={language}
            later={later}
            store={draftStore}
            services={services}
            outerNotices={outerNotices}
            authProblem={(resumeSend) =>
              state?.status === 'failed' && later && session ? (
                <later.AuthProblem session={session} t={t} onAction={resumeSend} />
              ) : null
            }
            onHoldSeconds={(seconds) => {
              later?.saveHoldSeconds(seconds);
              setHoldSeconds(seconds);
            }}
          />
        </div>
        <MergeView
          visible={view === 'merge'}
          t={t}
          language={language}
          outbox={outbox}
          session={session}
          config={loaded.config}
        />
        {setup && (
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
