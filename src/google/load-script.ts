/**
 * Loads Google's third-party scripts (GIS and gapi) without blocking the page: `async` tags, a timeout, and a typed
 * failure that names the script, so the UI can say "Google sign-in did not load" and offer a retry instead of a
 * dead button.
 */

/** The two scripts the app needs from Google. */
export type ScriptName = 'gis' | 'gapi';

/**
 * Why a script is not available.
 * - `network`: the tag fired `error` (offline, DNS, an extension or a CSP blocked it).
 * - `timeout`: neither `load` nor `error` within the time limit (captive portal, very slow network).
 * - `missing-global`: the file ran but did not define its global (a content blocker served an empty stub).
 */
export type ScriptLoadFailureReason = 'network' | 'timeout' | 'missing-global';

export class ScriptLoadError extends Error {
  override readonly name = 'ScriptLoadError';
  constructor(
    readonly script: ScriptName,
    readonly reason: ScriptLoadFailureReason,
    readonly src: string,
  ) {
    super(`The ${script} script (${src}) did not load: ${reason}`);
  }
}

export interface LoadScriptOptions {
  /** Give up after this long. Default 20 s: GIS is ~100 KB and a slow 3G link needs several seconds. */
  timeoutMs?: number;
  /** True once the script's global exists. Checked before inserting (already there: no new tag) and after `load`. */
  isLoaded?: () => boolean;
  /** The document to insert into; injected by tests. */
  document?: Document;
}

export const defaultScriptTimeoutMs = 20_000;

/** The attribute that marks our tags, so a retry can find and replace the previous attempt. */
const marker = 'data-google-script';

/**
 * Inserts `<script async src>` for `script` and resolves when it has loaded (and its global exists, when
 * `isLoaded` is given). Calling it again is the retry: any earlier tag for the same script is removed and a fresh
 * one inserted, because a `<script>` element never fetches twice.
 *
 * @throws {ScriptLoadError} (as a rejection) naming the script and the reason.
 */
export function loadScript(script: ScriptName, src: string, options: LoadScriptOptions = {}): Promise<void> {
  const { timeoutMs = defaultScriptTimeoutMs, isLoaded, document: doc = document } = options;
  // A previous attempt that timed out may have finished late: the global is there, nothing more to fetch.
  if (isLoaded?.()) return Promise.resolve();

  for (const stale of doc.querySelectorAll(`script[${marker}="${script}"]`)) stale.remove();
  const tag = doc.createElement('script');
  tag.src = src;
  tag.async = true;
  tag.setAttribute(marker, script);

  return new Promise<void>((resolve, reject) => {
    const settle = (failure: ScriptLoadFailureReason | null) => {
      clearTimeout(timer);
      tag.onload = null;
      tag.onerror = null;
      if (failure === null) {
        resolve();
      } else {
        reject(new ScriptLoadError(script, failure, src));
      }
    };
    const timer = setTimeout(() => settle('timeout'), timeoutMs);
    tag.onload = () => settle(isLoaded && !isLoaded() ? 'missing-global' : null);
    tag.onerror = () => settle('network');
    doc.head.append(tag);
  });
}
