import type { ComponentChildren } from 'preact';
import type { Language } from '../i18n/language.ts';
import type { Translate } from '../i18n/translate.ts';
import { useShortcutHelp } from './shell/use-shortcut-help.ts';

const languageNames: Record<Language, string> = { ja: '日本語', en: 'English' };

export interface HeaderProps {
  t: Translate;
  language: Language;
  onLanguage: (language: Language) => void;
  /** Origin of the offline Google in demo builds; null in production. */
  demoOrigin: string | null;
  /** The account area (src/auth/ui/AccountStatus.tsx); until its chunk arrives, a placeholder of the same size. */
  account?: ComponentChildren;
}

/**
 * App name, demo marker, account, language switch and the shortcut list. Part of the prerendered first paint
 * (src/app/shell): every box here has its final size from the first frame, so nothing below it ever moves.
 */
export function Header({ t, language, onLanguage, demoOrigin, account }: HeaderProps) {
  const help = useShortcutHelp();
  return (
    <header class="app-header">
      <div class="brand">
        <img class="app-mark" src="./favicon.svg" alt="" width="28" height="28" />
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
        <div class="account-slot">{account ?? <AccountPlaceholder t={t} />}</div>
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
        <button
          type="button"
          class="help-button"
          aria-label={t('app.shortcuts')}
          title={t('app.shortcuts')}
          aria-keyshortcuts="?"
          onClick={help.open}
        >
          ?
        </button>
      </div>
      {help.Shown && <help.Shown t={t} onClose={help.close} />}
    </header>
  );
}

/** What the account area looks like while Google's scripts load, drawn before its own chunk has arrived. */
function AccountPlaceholder({ t }: { t: Translate }) {
  return (
    <div class="account account--loading">
      <button type="button" class="account-chip" aria-disabled="true">
        {t('auth.connect.loading')}
      </button>
      <span class="account-aside" aria-hidden="true" />
    </div>
  );
}
