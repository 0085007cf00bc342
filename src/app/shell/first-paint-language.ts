/**
 * Runs as a tiny classic, blocking script in <head>, before the first paint and before any of the app's own code:
 * it sets `<html lang>` to the language the page will speak, and the stylesheet then shows the prerendered shell
 * written in that language and hides the other (base.css, "Prerendered shells"). Built on its own as an IIFE by
 * prerender-plugin.ts. An external file rather than inline code, so the Content Security Policy keeps
 * `script-src 'self'` with no hash to maintain.
 */
import { initialLanguage } from '../../i18n/initial-language.ts';

document.documentElement.lang = initialLanguage();
