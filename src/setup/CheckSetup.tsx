import type { ComponentChildren } from 'preact';
import type { LoadedConfig } from '../config.ts';
import { CopyButton, problemText, type Translate } from './SetupScreen.tsx';

export type ScriptStatus = 'loading' | 'ready' | 'failed';

export interface CheckSetupProps {
  t: Translate;
  loaded: LoadedConfig;
  origin: string;
  scripts: { gis: ScriptStatus; gapi: ScriptStatus };
  /** The last authorization error code (e.g. `popup_failed_to_open`) and the hint the app showed with it. */
  lastAuthError: { code: string; hint: string } | null;
}

const statusMark: Record<ScriptStatus, string> = { loading: '…', ready: '✓', failed: '✕' };

/** One value the page sees, and where it belongs in the Google Cloud console. */
function Row({ label, where, children }: { label: string; where?: string; children: ComponentChildren }) {
  return (
    <div class="check-row">
      <dt>{label}</dt>
      <dd>
        <div class="check-value">{children}</div>
        {where && <p class="check-where">{where}</p>}
      </dd>
    </div>
  );
}

function Script({ t, name, status }: { t: Translate; name: string; status: ScriptStatus }) {
  return (
    <li class={`check-status check-status--${status}`}>
      <span class="check-mark" aria-hidden="true">
        {statusMark[status]}
      </span>{' '}
      {name}: {t(`check.script.${status}`)}
    </li>
  );
}

/** "Check setup": everything a person needs when the Google console and this page disagree. */
export function CheckSetup({ t, loaded, origin, scripts, lastAuthError }: CheckSetupProps) {
  const { config, clientIdSource, problems } = loaded;
  const source = t(clientIdSource === 'config.json' ? 'check.client-id.source.config' : 'check.client-id.source.build');
  return (
    <details class="check-setup">
      <summary>{t('check.title')}</summary>
      <p class="check-intro">{t('check.intro')}</p>
      <dl class="check-list">
        <Row label={t('check.mode')}>{config.offlineGoogleOrigin ? t('check.mode.demo') : t('check.mode.google')}</Row>
        <Row label={t('check.origin')} where={t('check.origin.where')}>
          <code>{origin}</code> <CopyButton t={t} text={origin} label={t('check.origin')} />
          <span class="check-hint">{t('check.origin.hint')}</span>
        </Row>
        <Row label={t('check.client-id')} where={t('check.client-id.where')}>
          {config.clientId ? (
            <>
              <code>{config.clientId}</code> <span class="muted">{source}</span>
            </>
          ) : (
            t('check.client-id.none')
          )}
        </Row>
        <Row label={t('check.scripts')} where={t('check.scripts.where')}>
          <ul class="check-scripts">
            <Script t={t} name={t('check.script.gis')} status={scripts.gis} />
            <Script t={t} name={t('check.script.gapi')} status={scripts.gapi} />
          </ul>
        </Row>
        <Row label={t('check.last-error')} where={lastAuthError ? t('check.last-error.where') : undefined}>
          {lastAuthError ? (
            <>
              <code>{lastAuthError.code}</code> {lastAuthError.hint}
            </>
          ) : (
            t('check.last-error.none')
          )}
        </Row>
      </dl>
      {problems.length > 0 && (
        <ul class="setup-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem.kind}>{problemText(t, problem)}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
