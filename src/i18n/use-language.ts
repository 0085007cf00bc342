/**
 * The page's language as Preact state: resolved once at start, switched by the user, mirrored on `<html lang>`.
 * The translator is rebuilt when the later message tables arrive.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { currentText, loadLaterText, onTextChange } from '../text/catalog.ts';
import { initialLanguage } from './initial-language.ts';
import type { Language } from './language.ts';
import { saveLanguage } from './saved-language.ts';
import { createTranslator, type TextTable, type Translate } from './translate.ts';

export { initialLanguage };

export interface LanguageState {
  language: Language;
  t: Translate;
  choose(language: Language): void;
}

/** `initial`: the language the prerendered shell was painted in (src/app/shell); resolved here when not given. */
export function useLanguage(initial?: Language): LanguageState {
  const [language, setLanguage] = useState<Language>(() => initial ?? initialLanguage());
  const [table, setTable] = useState<TextTable>(currentText);
  useEffect(() => {
    const unsubscribe = onTextChange(setTable);
    void loadLaterText();
    return unsubscribe;
  }, []);
  const t = useMemo(() => createTranslator(table, language), [table, language]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
    document.querySelector('meta[name="description"]')?.setAttribute('content', t('app.description'));
  }, [language, t]);

  const choose = (next: Language) => {
    saveLanguage(next);
    // `?lang` outranks the saved choice, so a stale one in the address bar would undo the switch on reload.
    const url = new URL(location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next);
      history.replaceState(history.state, '', url);
    }
    setLanguage(next);
  };

  return { language, t, choose };
}
