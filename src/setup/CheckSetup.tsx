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

/** "Check setup": everything a person needs when the Google console and this page disagree. */
export function CheckSetup({ t, loaded, origin, scripts, lastAuthError }: CheckSetupProps) {
  const { config, clientIdSource, problems } = loaded;
  return (
    <details class="check-setup">
      <summary>{t('check.title')}</summary>
      <dl>
        <dt>{t('check.mode')}</dt>
        <dd>{config.offlineGoogleOrigin ? t('check.mode.demo') : t('check.mode.google')}</dd>
        <dt>{t('check.origin')}</dt>
        <dd>
          <code>{origin}</code> <CopyButton t={t} text={origin} label={t('check.origin')} />
          <br />
          {t('check.origin.hint')}
        </dd>
        <dt>{t('check.client-id')}</dt>
        <dd>
          {config.clientId ? (
            <>
              <code>{config.clientId}</code> (
              {t(clientIdSource === 'config.json' ? 'check.client-id.source.config' : 'check.client-id.source.build')})
            </>
          ) : (
            t('check.client-id.none')
          )}
        </dd>
        <dt>{t('check.scripts')}</dt>
        <dd>
          <ul>
            <li>
              {t('check.script.gis')}: {t(`check.script.${scripts.gis}`)}
            </li>
            <li>
              {t('check.script.gapi')}: {t(`check.script.${scripts.gapi}`)}
            </li>
          </ul>
        </dd>
        <dt>{t('check.last-error')}</dt>
        <dd>
          {lastAuthError ? (
            <>
              <code>{lastAuthError.code}</code> {lastAuthError.hint}
            </>
          ) : (
            t('check.last-error.none')
          )}
        </dd>
      </dl>
      {problems.length > 0 && (
        <ul role="alert">
          {problems.map((problem) => (
            <li key={problem.kind}>{problemText(t, problem)}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
