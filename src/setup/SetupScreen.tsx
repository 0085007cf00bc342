import { useState } from 'preact/hooks';
import type { ConfigProblem } from '../config.ts';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const googleClientIdGuide = 'https://developers.google.com/identity/oauth2/web/guides/get-google-api-clientid';

export function problemText(t: Translate, problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'config-json-invalid':
      return t('setup.problem.config-json-invalid', { detail: problem.detail });
    case 'client-id-malformed':
      return t('setup.problem.client-id-malformed', { value: problem.value });
    case 'client-secret-present':
      return t('setup.problem.client-secret-present');
  }
}

/** Copies text and says so; clipboard access can be refused (permissions, insecure origin), so fail quietly. */
export function CopyButton({ t, text, label }: { t: Translate; text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={`${t('setup.copy')}: ${label}`}
      onClick={() => {
        navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? t('setup.copied') : t('setup.copy')}
    </button>
  );
}

/** Shown instead of the compose page when no client ID is configured: what is missing and how to fix it. */
export function SetupScreen({ t, origin, problems }: { t: Translate; origin: string; problems: ConfigProblem[] }) {
  const example = `{ "clientId": "1234567890-abc123.apps.googleusercontent.com" }`;
  return (
    <main class="setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.missing-client-id')}</p>
      <p>
        <a href="#setup-guide">{t('setup.guide-link')}</a>
      </p>
      {problems.length > 0 && (
        <ul class="setup-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem.kind}>{problemText(t, problem)}</li>
          ))}
        </ul>
      )}
      <h2 id="setup-guide">{t('setup.steps.title')}</h2>
      <ol>
        <li>{t('setup.step.project')}</li>
        <li>{t('setup.step.api')}</li>
        <li>{t('setup.step.consent')}</li>
        <li>
          {t('setup.step.client')}
          <div class="setup-copy">
            <span id="setup-origin-label">{t('setup.origin.label')}</span> <code>{origin}</code>{' '}
            <CopyButton t={t} text={origin} label={t('setup.origin.label')} />
          </div>
        </li>
        <li>
          {t('setup.step.configure')}
          <figure>
            <figcaption>{t('setup.config-example.label')}</figcaption>
            <pre>{example}</pre>
          </figure>
        </li>
      </ol>
      <p>
        <a href={googleClientIdGuide} rel="noopener noreferrer" target="_blank">
          {t('setup.google-doc-link')}
        </a>
      </p>
    </main>
  );
}
