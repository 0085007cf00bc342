/**
 * Build time only (loaded by prerender-plugin.ts through Vite's module runner; never part of the bundle): the app's
 * first frame rendered to HTML once per language, exactly as the browser will first render it (no account yet, no
 * draft, text of the first-paint table only).
 */
import { renderToString } from 'preact-render-to-string';
import { supportedLanguages } from '../../i18n/language.ts';
import { App } from '../App.tsx';

export function renderShells(): { language: (typeof supportedLanguages)[number]; html: string }[] {
  return supportedLanguages.map((language) => ({ language, html: renderToString(<App initialLanguage={language} />) }));
}
