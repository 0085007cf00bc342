/** Sizes and dates in the page's language, through Intl (no hand-written units or month names). */
import type { Language } from './language.ts';

const locales: Record<Language, string> = { en: 'en-US', ja: 'ja-JP' };

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * Human file size in binary steps (1 MB = 1,048,576 bytes), labelled kB/MB as Gmail and Windows do: Gmail's
 * "25 MB" attachment limit is 25 × 1,048,576 bytes, so the meter must read exactly "25 MB" at the limit.
 */
export function formatBytes(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const maximumFractionDigits = unit === 0 || value >= 100 ? 0 : 1;
  return new Intl.NumberFormat(locales[language], {
    style: 'unit',
    unit: units[unit],
    // "10 bytes" / "10 バイト" reads better than the short form "10 byte"; larger units stay short (kB, MB).
    unitDisplay: unit === 0 ? 'long' : 'short',
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
