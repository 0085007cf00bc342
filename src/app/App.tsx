import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuthState } from '../auth/index.ts';
import { ComposePage } from '../compose/ui/ComposePage.tsx';
import { buildTimeConfig, type LoadedConfig } from '../config.ts';
import type { Language } from '../i18n/language.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { usePwaNotices } from '../pwa/use-pwa.ts';
import type { ScriptStatus } from '../setup/CheckSetup.tsx';
import type { StorageProblem } from '../storage/key-value.ts';
import { addText, loadLaterText } from '../text/catalog.ts';
import type { Notice } from '../ui/Notices.tsx';
import { accountOf } from './account.ts';
import type { AfterPaint } from './after-paint.ts';
import { Header } from './Header.tsx';
import { useLazyModule } from './use-lazy.ts';
import { useSession } from './use-session.ts';
import { useView, ViewSwitch } from './Views.tsx';

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

/**
 * The whole page: configuration, language, account, the compose form with its outbox and sent log, and "Check
 * setup". `initialLanguage` is the language the prerendered shell was painted in (src/app/shell/mount.ts).
 */
export function App({ initialLanguage }: { initialLanguage?: Language } = {}) {
  const { language, t, choose } = useLanguage(initialLanguage);
  const setup = useLazyModule(loadSetup);
  const later = useLazyModule(loadAfterPaint);
  const [loaded, setLoaded] = useState<LoadedConfig | null>(initialConfig);
  const [configSettled, setConfigSettled] = useState(false);
  const [storageProblem, setStorageProblem] = useState<StorageProblem | null>(null);
  const [holdSeconds, setHoldSeconds] = useState<number | null>(null);
  const [sentLoaded, setSentLoaded] = useState(false);
  const { session, state } = useSession(loaded?.config ?? null, later);
  const view = useView();

  // config.json comes with the after-paint chunk: the session it configures cannot start before that chunk anyway.
  useEffect(() => {
    if (!later) return;
    void later.loadConfig().then((result) => {
      setLoaded(result);
      setConfigSettled(true);
    });
  }, [later]);

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

  // PWA notices (update ready, iOS Home Screen app); Reload writes the draft first so it survives the update.
  const pwaNotices = usePwaNotices(t, async () => {
    draftStore?.rescueNow();
    await draftStore?.flush();
  });

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
  outerNotices.push(...pwaNotices);

  const lastAuthError =
    state?.status === 'failed'
      ? { code: state.reason.raw, hint: t(`auth.${state.reason.code}.body`, { origin: location.origin }) }
      : null;

  return (
    <>
      <a class="skip-link" href="#recipient-to">
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
              (state?.status === 'failed' || (state && 'notice' in state && state.notice)) && later && session ? (
                <later.AuthProblem session={session} t={t} onAction={resumeSend} />
              ) : null
            }
            onHoldSeconds={(seconds) => {
              later?.saveHoldSeconds(seconds);
              setHoldSeconds(seconds);
            }}
            onSentLoaded={() => setSentLoaded(true)}
          />
        </div>
        {!later && view === 'merge' && <p class="loading">{t('app.loading')}</p>}
        {later && (
          <later.MergeView
            visible={view === 'merge'}
            t={t}
            language={language}
            outbox={outbox}
            session={session}
            config={loaded.config}
          />
        )}
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
      <footer class="app-footer">
        <a href="./privacy.html">{t('app.privacy')}</a>
      </footer>
    </>
  );
}
