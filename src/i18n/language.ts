/**
 * Which language the page speaks. Pure: the caller passes what it read from the URL, storage and the browser,
 * so the order (URL, then saved choice, then browser) is tested without a DOM.
 */

export const supportedLanguages = ['en', 'ja'] as const;
export type Language = (typeof supportedLanguages)[number];

/** Maps a BCP 47 tag such as `ja-JP` or `en-GB` to a supported language, or null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return supportedLanguages.find((language) => language === primary) ?? null;
}

export interface LanguageSources {
  /** The `lang` query parameter, if any. */
  query: string | null;
  /** The choice saved from the language switch, if any. */
  saved: string | null;
  /** `navigator.languages`, most preferred first. */
  browser: readonly string[];
}

/**
 * `?lang` wins (a shared link shows the page in the language it was shared in), then the user's own earlier
 * choice, then the browser's preference list in order; English when nothing matches.
 */
export function resolveLanguage({ query, saved, browser }: LanguageSources): Language {
  return matchLanguage(query) ?? matchLanguage(saved) ?? firstMatch(browser) ?? 'en';
}

function firstMatch(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return null;
}
