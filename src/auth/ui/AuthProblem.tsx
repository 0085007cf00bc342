import { useId } from 'preact/hooks';
import type { AuthFailure } from '../auth-failure.ts';
import type { AuthNotice, TokenSession } from '../auth-state.ts';
import { googleConnectionsUrl } from '../revoke.ts';
import { type Translate, useAuthState } from './use-auth-state.ts';

export interface AuthProblemProps {
  session: TokenSession;
  t: Translate;
  /** This page's origin, named in the "allow pop-ups for …" steps. */
  origin?: string;
  /**
   * What the action button does; it runs synchronously in the click (it may open Google's popup). Default:
   * `session.connect()`. The compose page passes its "retry the paused send" here so one click does both.
   */
  onAction?: () => void;
}

// The raw code helps support when the failure is not one the user can fix from our explanation alone.
const showsCode = new Set<AuthFailure['code']>(['unknown', 'interaction-required']);

/**
 * The current authorization failure, named, with its fix and one action; otherwise the current notice (Sign out
 * not confirmed by Google, consent asked again). Renders nothing when there is neither.
 */
export function AuthProblem({ session, t, origin = globalThis.location?.origin ?? '', onAction }: AuthProblemProps) {
  const state = useAuthState(session);
  const titleId = useId();
  if (state.status !== 'failed') {
    const notice = 'notice' in state ? state.notice : undefined;
    return notice ? <Notice notice={notice} session={session} t={t} /> : null;
  }
  const { code, raw, detail } = state.reason;
  return (
    <section class={`auth-problem auth-problem--${code}`} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`auth.${code}.title`)}</h2>
      <p>{t(`auth.${code}.body`, { origin })}</p>
      {code === 'popup-blocked' && (
        <ul>
          <li>{t('auth.popup-blocked.chrome', { origin })}</li>
          <li>{t('auth.popup-blocked.firefox', { origin })}</li>
          <li>{t('auth.popup-blocked.safari', { origin })}</li>
        </ul>
      )}
      {showsCode.has(code) && (
        <p class="auth-problem__code">
          {t('auth.problem.code', { code: raw })}
          {detail && (
            <>
              <br />
              {t('auth.problem.detail', { detail })}
            </>
          )}
        </p>
      )}
      <div class="auth-problem__actions">
        <button type="button" onClick={() => (onAction ? onAction() : session.connect())}>
          {t(`auth.${code}.action`)}
        </button>
        <button type="button" onClick={() => session.dismissFailure()}>
          {t('auth.problem.dismiss')}
        </button>
      </div>
    </section>
  );
}

function Notice({ notice, session, t }: { notice: AuthNotice; session: TokenSession; t: Translate }) {
  const titleId = useId();
  const failed = notice.kind === 'revoke-failed';
  return (
    <section
      class={`auth-problem auth-problem--${notice.kind}`}
      role={failed ? 'alert' : 'status'}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{t(`auth.${notice.kind}.title`)}</h2>
      <p>{t(`auth.${notice.kind}.body`, failed ? { code: notice.error } : {})}</p>
      <div class="auth-problem__actions">
        {failed && (
          <a href={googleConnectionsUrl} target="_blank" rel="noopener noreferrer">
            {t('auth.revoke-failed.action')}
          </a>
        )}
        <button type="button" onClick={() => session.dismissNotice()}>
          {t('auth.problem.dismiss')}
        </button>
      </div>
    </section>
  );
}
