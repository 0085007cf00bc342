/**
 * The language the page opens in, read from the browser: `?lang`, then the saved choice, then the browser's list
 * (order and reasons in language.ts). Shared by the app and the tiny blocking script that sets `<html lang>`
 * before the first paint (src/app/shell/first-paint-language.ts), so both always agree.
 */
import { type Language, resolveLanguage } from './language.ts';
import { readSavedLanguage } from './saved-language.ts';

export function initialLanguage(): Language {
  return resolveLanguage({
    query: new URLSearchParams(location.search).get('lang'),
    saved: readSavedLanguage(),
    browser: navigator.languages ?? [navigator.language],
  });
}
