/**
 * Narrow views of Google's globals, corrected where @types/google.accounts disagrees with what GIS does at run time
 * (see shared/reference/gis-gapi.md §1.3, §1.7).
 */

/** The part of `google.accounts.oauth2` the app uses; tests inject a hand-written fake of exactly this. */
export type GisOAuth2 = Pick<typeof google.accounts.oauth2, 'initTokenClient' | 'hasGrantedAllScopes' | 'revoke'>;

export type GisTokenClient = google.accounts.oauth2.TokenClient;
export type GisTokenClientConfig = google.accounts.oauth2.TokenClientConfig;
export type GisClientConfigError = google.accounts.oauth2.ClientConfigError;

/**
 * The object GIS really passes to `callback`. @types declares every field required and `expires_in` a string;
 * at run time `expires_in` is a number (3599), error responses carry only `error` (+ `error_subtype`,
 * `error_description`), and success adds `authuser`.
 */
export type GisTokenResponse = Partial<Omit<google.accounts.oauth2.TokenResponse, 'expires_in'>> & {
  expires_in?: number | string;
  error_subtype?: string;
  authuser?: string;
};

/** `revoke`'s `done` receives this, although @types declares `done: () => void` (JS reference, §1.7). */
export interface GisRevocationResponse {
  successful: boolean;
  error?: string;
  error_description?: string;
}

/** The globals as they appear on `window` once the scripts have run. */
export interface GoogleGlobals {
  google?: { accounts?: { oauth2?: GisOAuth2 } };
  gapi?: typeof gapi;
}
