import type { ComponentChildren } from 'preact';
import type { Language } from '../i18n/language.ts';
import type { Translate } from '../i18n/translate.ts';

const languageNames: Record<Language, string> = { ja: '日本語', en: 'English' };

export interface HeaderProps {
  t: Translate;
  language: Language;
  onLanguage: (language: Language) => void;
  /** Origin of the offline Google in demo builds; null in production. */
  demoOrigin: string | null;
  /** The account area (Connect / Sending as … / Sign out). */
  account?: ComponentChildren;
}

/** App name, demo marker, account state and the language switch. */
export function Header({ t, language, onLanguage, demoOrigin, account }: HeaderProps) {
  return (
    <header class="app-header">
      <div class="brand">
        <h1 class="app-name">{t('app.name')}</h1>
        {demoOrigin && (
          <p class="demo-badge">
            <strong>{t('app.demo')}</strong> <span class="demo-detail">{t('app.demo.detail')}</span>{' '}
            <a href={`${demoOrigin.replace(/\/+$/, '')}/mail/`} target="_blank" rel="noopener noreferrer">
              {t('app.demo.outbox')}
            </a>
          </p>
        )}
      </div>
      <div class="header-tools">
        {account}
        <fieldset class="language-switch">
          <legend class="visually-hidden">{t('app.language')}</legend>
          {(['ja', 'en'] as const).map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              aria-pressed={language === option}
              onClick={() => onLanguage(option)}
            >
              {languageNames[option]}
            </button>
          ))}
        </fieldset>
      </div>
    </header>
  );
}
