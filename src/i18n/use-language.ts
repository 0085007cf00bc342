/**
 * The page's language as Preact state: resolved once at start, switched by the user, mirrored on `<html lang>`.
 * The translator is rebuilt when the later message tables arrive.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { currentText, loadLaterText, onTextChange } from '../text/catalog.ts';
import { type Language, resolveLanguage } from './language.ts';
import { readSavedLanguage, saveLanguage } from './saved-language.ts';
import { createTranslator, type TextTable, type Translate } from './translate.ts';

export function initialLanguage(): Language {
  return resolveLanguage({
    query: new URLSearchParams(location.search).get('lang'),
    saved: readSavedLanguage(),
    browser: navigator.languages ?? [navigator.language],
  });
}

export interface LanguageState {
  language: Language;
  t: Translate;
  choose(language: Language): void;
}

export function useLanguage(): LanguageState {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [table, setTable] = useState<TextTable>(currentText);
  useEffect(() => {
    const unsubscribe = onTextChange(setTable);
    void loadLaterText();
    return unsubscribe;
  }, []);
  const t = useMemo(() => createTranslator(table, language), [table, language]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
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
