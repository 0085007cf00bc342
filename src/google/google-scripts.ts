import { type LoadScriptOptions, loadScript, ScriptLoadError } from './load-script.ts';
import type { GisOAuth2, GoogleGlobals } from './types.ts';

type Options = Omit<LoadScriptOptions, 'isLoaded'> & { globals?: GoogleGlobals };

function gisFrom(globals: GoogleGlobals): GisOAuth2 | undefined {
  const oauth2 = globals.google?.accounts?.oauth2;
  return typeof oauth2?.initTokenClient === 'function' ? oauth2 : undefined;
}

/**
 * Loads Google Identity Services from `src` and resolves with `google.accounts.oauth2`.
 * Calling it again after a failure is the retry (a fresh tag).
 *
 * @throws {ScriptLoadError} with `script: 'gis'`.
 */
export async function loadGis(src: string, options: Options = {}): Promise<GisOAuth2> {
  const globals = options.globals ?? (globalThis as GoogleGlobals);
  await loadScript('gis', src, { ...options, isLoaded: () => gisFrom(globals) !== undefined });
  const oauth2 = gisFrom(globals);
  if (!oauth2) throw new ScriptLoadError('gis', 'missing-global', src);
  return oauth2;
}

/**
 * Loads the gapi loader (`api.js`) from `src` and resolves with the `gapi` global. The caller then runs
 * `gapi.load('client', …)` and `gapi.client.init(…)` (src/gmail owns that).
 *
 * @throws {ScriptLoadError} with `script: 'gapi'`.
 */
export async function loadGapi(src: string, options: Options = {}): Promise<typeof gapi> {
  const globals = options.globals ?? (globalThis as GoogleGlobals);
  const ready = () => typeof globals.gapi?.load === 'function';
  await loadScript('gapi', src, { ...options, isLoaded: ready });
  if (!globals.gapi || !ready()) throw new ScriptLoadError('gapi', 'missing-global', src);
  return globals.gapi;
}
