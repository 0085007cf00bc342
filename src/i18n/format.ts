/** Sizes and dates in the page's language, through Intl (no hand-written units or month names). */
import type { Language } from './language.ts';

const locales: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * Human file size in decimal units (1 MB = 1,000,000 bytes), the units Gmail's own "25 MB" limit is quoted in
 * and the ones file managers on macOS and phones show.
 */
export function formatBytes(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const maximumFractionDigits = unit === 0 || value >= 100 ? 0 : 1;
  return new Intl.NumberFormat(locales[language], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits,
  }).format(value);
}

/** Date and time of a send, short enough for a list row. */
export function formatDateTime(at: number | Date, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A plain integer with the language's grouping (1,234). */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(count);
}
