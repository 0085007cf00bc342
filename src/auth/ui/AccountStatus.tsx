import { useEffect, useId, useRef } from 'preact/hooks';
import type { ScriptName } from '../../google/load-script.ts';
import { useOnline } from '../../pwa/connectivity.ts';
import type { AuthState, TokenSession } from '../auth-state.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { InfoPanel } from './InfoPanel.tsx';
import { type Translate, useAuthState } from './use-auth-state.ts';

/** Waits before each automatic reload of a script that failed while offline, once back online. */
export const onlineRetryDelaysMs = [1000, 4000, 10_000] as const;

export interface AccountStatusProps {
  session: TokenSession;
  t: Translate;
}

/**
 * Who the mail will be sent as, in one compact control of fixed size (so nothing on the page moves when the state
 * changes): Connect (loading until GIS and gapi are ready) with an "about" panel, the account chip and its menu once
 * connected, "Offline", or a retry when a Google script failed to load. Failures themselves are shown by AuthProblem.
 * Every state has the same two slots: the chip, then one small button or nothing.
 */
export function AccountStatus({ session, t }: AccountStatusProps) {
  const state = useAuthState(session);
  const online = useOnline();
  const area = useRef<HTMLElement>(null);
  const signedIn = isSignedIn(state);
  const wasSignedIn = useRef(signedIn);

  // Connecting replaces Connect (the control that opened Google's popup) by the account chip, and Sign out the chip
  // by Connect: focus goes to what now stands in that place instead of falling to the page (issue 18).
  useEffect(() => {
    const changed = wasSignedIn.current !== signedIn;
    wasSignedIn.current = signedIn;
    if (changed && (document.activeElement === document.body || !document.activeElement)) {
      area.current?.querySelector<HTMLElement>('.account-chip')?.focus();
    }
  }, [signedIn]);

  // Back online: load again what failed while offline, so Connect and Send come back without a click. The first try
  // waits a second (`online` fires as soon as an interface is up, often before traffic flows), then each script gets
  // a few more, further apart; one that still fails keeps its Retry button and never loops.
  const spell = useRef<Map<ScriptName, number> | null>(null);
  const failed = state.status === 'load-failed' ? state.failed : [];
  useEffect(() => {
    if (!online) {
      spell.current = new Map();
      return;
    }
    const attempts = spell.current;
    if (!attempts) return;
    const timers = failed
      .filter((script) => (attempts.get(script) ?? 0) < onlineRetryDelaysMs.length)
      .map((script) =>
        setTimeout(
          () => {
            attempts.set(script, (attempts.get(script) ?? 0) + 1);
            session.retryScript(script);
          },
          onlineRetryDelaysMs[attempts.get(script) ?? 0],
        ),
      );
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [online, failed.join()]);

  return (
    <section
      ref={area}
      class={`account account--${state.status}`}
      aria-label={t('auth.region')}
      data-online={online ? undefined : 'false'}
    >
      <Body state={state} session={session} t={t} online={online} />
    </section>
  );
}

function isSignedIn(state: AuthState): boolean {
  if (state.status === 'ready' || state.status === 'renewing') return true;
  return state.status === 'failed' && state.email !== null;
}

function Body({
  state,
  session,
  t,
  online,
}: {
  state: AuthState;
  session: TokenSession;
  t: Translate;
  online: boolean;
}) {
  const aboutId = useId();
  const whyId = useId();
  switch (state.status) {
    case 'loading':
    case 'load-failed':
      if (!online) return <Offline t={t} />;
      return state.status === 'loading' ? (
        <>
          {/* aria-disabled keeps the button focusable and announced while it waits, unlike `disabled`. */}
          <button type="button" class="account-chip" aria-disabled="true" aria-describedby={whyId}>
            {t('auth.connect.loading')}
          </button>
          <InfoPanel t={t} id={aboutId}>
            <p id={whyId}>{t('auth.loading.detail')}</p>
            <p>{t('auth.connect.why')}</p>
          </InfoPanel>
        </>
      ) : (
        <LoadFailed failed={state.failed} session={session} t={t} />
      );
    case 'signed-out':
    case 'authorizing':
      return <SignedOut state={state} session={session} t={t} />;
    case 'failed':
      return state.email ? (
        <SignedIn state={state} email={state.email} session={session} t={t} />
      ) : (
        <SignedOut state={state} session={session} t={t} />
      );
    case 'ready':
    case 'renewing':
      return <SignedIn state={state} email={state.email} session={session} t={t} />;
  }
}

function Offline({ t }: { t: Translate }) {
  const aboutId = useId();
  return (
    <>
      <p class="account-chip account-chip--offline" role="status">
        {t('auth.offline')}
      </p>
      <InfoPanel t={t} id={aboutId}>
        <p>{t('auth.offline.body')}</p>
      </InfoPanel>
    </>
  );
}

function LoadFailed({ failed, session, t }: { failed: readonly ScriptName[]; session: TokenSession; t: Translate }) {
  const aboutId = useId();
  const only = failed.length === 1 ? failed[0] : undefined;
  return (
    <>
      <p class="visually-hidden" role="alert">
        {t('auth.load-failed.title')}
      </p>
      <button
        type="button"
        class="account-chip account-chip--warning"
        aria-describedby={aboutId}
        title={t('auth.load-failed.title')}
        onClick={() => {
          for (const script of failed) session.retryScript(script);
        }}
      >
        {only ? t('auth.load-failed.retry', { script: t(`auth.script.${only}`) }) : t('auth.load-failed.retry-all')}
      </button>
      {/* Each script's own sentence names it and says what to check; the title above is the alert. */}
      <InfoPanel t={t} id={aboutId}>
        {failed.map((script) => (
          <ScriptRetry key={script} script={script} session={session} t={t} />
        ))}
      </InfoPanel>
    </>
  );
}

function ScriptRetry({ script, session, t }: { script: ScriptName; session: TokenSession; t: Translate }) {
  const name = t(`auth.script.${script}`);
  return (
    <p>
      {t('auth.load-failed.body', { script: name })}{' '}
      <button type="button" class="account-popup__action" onClick={() => session.retryScript(script)}>
        {t('auth.load-failed.retry', { script: name })}
      </button>
    </p>
  );
}

function SignedOut({
  state,
  session,
  t,
}: {
  state: AuthState & { hint: string | null };
  session: TokenSession;
  t: Translate;
}) {
  const waiting = state.status === 'authorizing';
  const aboutId = useId();
  const whyId = useId();
  return (
    <>
      <button
        type="button"
        class="account-chip account-chip--connect"
        aria-describedby={whyId}
        aria-disabled={waiting ? 'true' : undefined}
        title={state.hint ? t('auth.connect.as', { email: state.hint }) : undefined}
        // Synchronous on purpose: requestAccessToken must run inside the click or the popup is blocked.
        onClick={() => session.connect()}
      >
        {waiting
          ? t('auth.authorizing.short')
          : state.hint
            ? t('auth.connect.as', { email: state.hint })
            : t('auth.connect')}
      </button>
      <p class="visually-hidden" role="status">
        {waiting && t('auth.authorizing')}
      </p>
      {waiting ? (
        <button type="button" class="account-aside account-aside--text" onClick={() => session.cancel()}>
          {t('auth.cancel')}
        </button>
      ) : (
        <InfoPanel t={t} id={aboutId}>
          <p id={whyId}>{t('auth.connect.why')}</p>
          {state.hint && (
            <p>
              {t('auth.hint.disclosure', { email: state.hint })}{' '}
              <button type="button" class="account-popup__action" onClick={() => session.forgetHint()}>
                {t('auth.hint.forget', { email: state.hint })}
              </button>
            </p>
          )}
        </InfoPanel>
      )}
    </>
  );
}

function SignedIn({
  state,
  email,
  session,
  t,
}: {
  state: AuthState & { hint: string | null };
  email: string | null;
  session: TokenSession;
  t: Translate;
}) {
  const lookup = state.status === 'ready' ? state.emailLookup : 'done';
  const fallback = lookup === 'pending' ? t('auth.ready.looking-up') : t('auth.ready.address-unknown');
  const renewing = state.status === 'renewing';
  const identity = email ? t('auth.ready.sending-as', { email }) : fallback;
  return (
    <AccountMenu
      session={session}
      t={t}
      email={email}
      fallback={fallback}
      hint={state.hint}
      renewing={renewing}
      status={renewing ? `${identity} — ${t('auth.renewing')}` : identity}
    />
  );
}
