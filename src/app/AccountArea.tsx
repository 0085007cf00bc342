import type { AuthState, TokenSession } from '../auth/index.ts';
import type { Translate } from '../i18n/translate.ts';

/** Connect / "Sending as …" / Sign out, rendered from the token session's state. */
export function AccountArea({
  t,
  state,
  session,
}: {
  t: Translate;
  state: AuthState | null;
  session: TokenSession | null;
}) {
  if (!state || !session) return null;
  const connect = (
    <button type="button" class="primary" onClick={() => session.connect()}>
      {state.status !== 'loading' && 'hint' in state && state.hint
        ? t('auth.connect.as', { email: state.hint })
        : t('auth.connect')}
    </button>
  );
  let content = connect;
  switch (state.status) {
    case 'loading':
      content = (
        <button type="button" disabled>
          {t('auth.connect.loading')}
        </button>
      );
      break;
    case 'load-failed':
      content = (
        <span class="account-failed">
          {state.failed.map((script) => (
            <button key={script} type="button" class="secondary" onClick={() => session.retryScript(script)}>
              {t('auth.load-failed.retry', { script: t(`auth.script.${script}`) })}
            </button>
          ))}
        </span>
      );
      break;
    case 'authorizing':
    case 'renewing':
      content = (
        <span class="account-busy">
          <span>{t(state.status === 'authorizing' ? 'auth.authorizing' : 'auth.renewing')}</span>{' '}
          <button type="button" class="link-button" onClick={() => session.cancel()}>
            {t('auth.cancel')}
          </button>
        </span>
      );
      break;
    case 'ready':
      content = (
        <span class="account-ready">
          <span>
            {state.email
              ? t('auth.ready.sending-as', { email: state.email })
              : t(state.emailLookup === 'pending' ? 'auth.ready.looking-up' : 'auth.ready.address-unknown')}
          </span>{' '}
          <button type="button" class="link-button" onClick={() => session.signOut()}>
            {t('auth.sign-out')}
          </button>
        </span>
      );
      break;
  }
  return (
    <section class="account" aria-label={t('auth.region')}>
      {content}
    </section>
  );
}
