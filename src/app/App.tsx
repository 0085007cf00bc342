import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuthState } from '../auth/index.ts';
import { createDraftStore } from '../compose/draft-store.ts';
import { createSentLogStore, type SentEntry } from '../compose/sent-log.ts';
import { indexedDbBackend, type StorageProblem } from '../compose/storage-backend.ts';
import { ComposePage } from '../compose/ui/ComposePage.tsx';
import { SentLog } from '../compose/ui/SentLog.tsx';
import { buildTimeConfig, type LoadedConfig, loadConfig } from '../config.ts';
import type { Translate } from '../i18n/translate.ts';
import { useLanguage } from '../i18n/use-language.ts';
import type { ScriptStatus } from '../setup/CheckSetup.tsx';
import { AccountArea } from './AccountArea.tsx';
import { Header } from './Header.tsx';
import type { Notice } from './Notices.tsx';
import { createSendServices } from './send-services.ts';
import { useLazyModule } from './use-lazy.ts';
import { useSession } from './use-session.ts';

// The setup screen and the "Check setup" panel are not part of composing: they arrive after first paint.
const loadSetup = () =>
  Promise.all([import('../setup/SetupScreen.tsx'), import('../setup/CheckSetup.tsx')]).then(([screen, check]) => ({
    SetupScreen: screen.SetupScreen,
    CheckSetup: check.CheckSetup,
  }));

function initialConfig(): LoadedConfig | null {
  const config = buildTimeConfig();
  // With a client ID from the build the form can show at once; config.json may still override it.
  return config.clientId ? { config, clientIdSource: 'build', problems: [] } : null;
}

function scriptStatuses(state: AuthState | null): { gis: ScriptStatus; gapi: ScriptStatus } {
  if (state?.status === 'loading' || state?.status === 'load-failed') return state.scripts;
  return state ? { gis: 'ready', gapi: 'ready' } : { gis: 'loading', gapi: 'loading' };
}

function authNotice(t: Translate, state: AuthState | null, retry: () => void, dismiss: () => void): Notice | null {
  if (state?.status !== 'failed') return null;
  const { code, raw, detail } = state.reason;
  return {
    id: 'auth',
    tone: 'error',
    body: (
      <>
        <strong>{t(`auth.${code}.title`)}</strong> {t(`auth.${code}.body`, { origin: location.origin })}
        <small class="error-code">{t('auth.problem.code', { code: raw })}</small>
        {detail && <small class="error-code">{t('auth.problem.detail', { detail })}</small>}
      </>
    ),
    actions: (
      <>
        <button type="button" class="primary" onClick={retry}>
          {t(`auth.${code}.action`)}
        </button>
        <button type="button" class="link-button" onClick={dismiss}>
          {t('auth.problem.dismiss')}
        </button>
      </>
    ),
  };
}

/** The whole page: configuration, language, account, the compose form, the sent log and "Check setup". */
export function App() {
  const { language, t, choose } = useLanguage();
  const setup = useLazyModule(loadSetup);
  const [loaded, setLoaded] = useState<LoadedConfig | null>(initialConfig);
  const [configSettled, setConfigSettled] = useState(false);
  const [storageProblem, setStorageProblem] = useState<StorageProblem | null>(null);
  const [sent, setSent] = useState<SentEntry[]>([]);
  const { session, state } = useSession(loaded?.config ?? null);

  useEffect(() => {
    void loadConfig().then((result) => {
      setLoaded(result);
      setConfigSettled(true);
    });
  }, []);

  const { draftStore, sentLog } = useMemo(() => {
    const backend = indexedDbBackend();
    // Storage trouble is reported once for the page, whichever store meets it first.
    let reported = false;
    const onProblem = (problem: StorageProblem) => {
      if (reported) return;
      reported = true;
      setStorageProblem(problem);
    };
    return { draftStore: createDraftStore({ backend, onProblem }), sentLog: createSentLogStore(backend, onProblem) };
  }, []);

  useEffect(() => {
    void sentLog.load().then(setSent);
  }, [sentLog]);

  const email =
    state?.status === 'ready' || state?.status === 'renewing' || state?.status === 'failed' ? state.email : null;
  const services = useMemo(
    () => (loaded && session ? createSendServices({ config: loaded.config, session, t, language, email }) : null),
    [loaded, session, t, language, email],
  );

  if (!loaded?.config.clientId) {
    if (!configSettled || !setup) return <p class="loading">{t('app.loading')}</p>;
    return <setup.SetupScreen t={t} origin={location.origin} problems={loaded?.problems ?? []} />;
  }

  const outerNotices: Notice[] = [];
  const auth = authNotice(
    t,
    state,
    () => session?.connect(),
    () => session?.dismissFailure(),
  );
  if (auth) outerNotices.push(auth);
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
        account={<AccountArea t={t} state={state} session={session} />}
      />
      <main class="page">
        {services && (
          <ComposePage
            t={t}
            language={language}
            store={draftStore}
            services={services}
            outerNotices={outerNotices}
            onSent={(entry) => void sentLog.add(entry).then(setSent)}
          />
        )}
        <SentLog
          t={t}
          language={language}
          entries={sent}
          onClear={() => {
            setSent([]);
            void sentLog.clear();
          }}
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
