import { useId, useState } from 'preact/hooks';
import type { ScriptName } from '../../google/load-script.ts';
import type { AuthState, TokenSession } from '../auth-state.ts';
import { type Translate, useAuthState } from './use-auth-state.ts';

export interface AccountStatusProps {
  session: TokenSession;
  t: Translate;
}

/**
 * Who the mail will be sent as, and the one control that changes it: Connect (loading until GIS and gapi are
 * ready), "Sending as …" with Sign out, or a retry for each Google script that failed to load.
 * Failures themselves are shown by AuthProblem.
 */
export function AccountStatus({ session, t }: AccountStatusProps) {
  const state = useAuthState(session);
  return (
    <section class={`account-status account-status--${state.status}`} aria-label={t('auth.region')}>
      <Body state={state} session={session} t={t} />
    </section>
  );
}

function Body({ state, session, t }: { state: AuthState; session: TokenSession; t: Translate }) {
  switch (state.status) {
    case 'loading':
      return (
        <>
          {/* aria-disabled keeps the button focusable and announced while it waits, unlike `disabled`. */}
          <button type="button" aria-disabled="true" aria-describedby="auth-loading-detail">
            {t('auth.connect.loading')}
          </button>
          <p id="auth-loading-detail" role="status">
            {t('auth.loading.detail')}
          </p>
        </>
      );
    case 'load-failed':
      return (
        <div role="alert">
          <p>
            <strong>{t('auth.load-failed.title')}</strong>
          </p>
          {state.failed.map((script) => (
            <ScriptRetry key={script} script={script} session={session} t={t} />
          ))}
        </div>
      );
    case 'signed-out':
    case 'authorizing':
      return <SignedOut state={state} session={session} t={t} />;
    case 'failed':
      return state.email ? (
        <SignedIn email={state.email} hint={state.hint} session={session} t={t} />
      ) : (
        <SignedOut state={state} session={session} t={t} />
      );
    case 'ready':
    case 'renewing':
      return <SignedIn email={state.email} hint={state.hint} session={session} t={t} state={state} />;
  }
}

function ScriptRetry({ script, session, t }: { script: ScriptName; session: TokenSession; t: Translate }) {
  const name = t(`auth.script.${script}`);
  return (
    <p>
      {t('auth.load-failed.body', { script: name })}{' '}
      <button type="button" onClick={() => session.retryScript(script)}>
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
  const whyId = useId();
  return (
    <>
      <button
        type="button"
        aria-describedby={whyId}
        aria-disabled={waiting ? 'true' : undefined}
        // Synchronous on purpose: requestAccessToken must run inside the click or the popup is blocked.
        onClick={() => session.connect()}
      >
        {state.hint ? t('auth.connect.as', { email: state.hint }) : t('auth.connect')}
      </button>
      <p id={whyId}>{t('auth.connect.why')}</p>
      <p role="status">
        {waiting && (
          <>
            {t('auth.authorizing')}{' '}
            <button type="button" onClick={() => session.cancel()}>
              {t('auth.cancel')}
            </button>
          </>
        )}
      </p>
      {state.hint && !waiting && <HintDisclosure hint={state.hint} session={session} t={t} />}
    </>
  );
}

interface SignedInProps {
  email: string | null;
  hint: string | null;
  session: TokenSession;
  t: Translate;
  state?: AuthState;
}

function SignedIn({ email, hint, session, t, state }: SignedInProps) {
  const [forget, setForget] = useState(false);
  const forgetId = useId();
  const lookup = state?.status === 'ready' ? state.emailLookup : 'done';
  const identity = email
    ? t('auth.ready.sending-as', { email })
    : lookup === 'pending'
      ? t('auth.ready.looking-up')
      : t('auth.ready.address-unknown');
  return (
    <>
      <p role="status">
        <span class="account-status__identity">{identity}</span>
        {state?.status === 'renewing' && <> — {t('auth.renewing')}</>}
      </p>
      {hint && <HintDisclosure hint={hint} session={session} t={t} />}
      <div class="account-status__sign-out">
        {hint && (
          <label for={forgetId}>
            <input
              id={forgetId}
              type="checkbox"
              checked={forget}
              onChange={(event) => setForget(event.currentTarget.checked)}
            />{' '}
            {t('auth.sign-out.forget', { email: hint })}
          </label>
        )}
        <button type="button" onClick={() => session.signOut({ forgetHint: forget })}>
          {t('auth.sign-out')}
        </button>
      </div>
    </>
  );
}

function HintDisclosure({ hint, session, t }: { hint: string; session: TokenSession; t: Translate }) {
  return (
    <p class="account-status__hint">
      {t('auth.hint.disclosure', { email: hint })}{' '}
      <button type="button" onClick={() => session.forgetHint()}>
        {t('auth.hint.forget', { email: hint })}
      </button>
    </p>
  );
}
