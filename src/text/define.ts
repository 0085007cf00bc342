/**
 * The one pattern for user text: a feature's table maps each key to its sentence in English and Japanese, side by
 * side, so a reviewer reads both at once and a missing language does not compile. See README.md in this folder.
 */
import { interpolate, type Sentence } from '../i18n/translate.ts';

export type { Sentence };

export function defineText<const T extends Record<string, Sentence>>(table: T): T {
  return table;
}

/** A sentence of a table in one language, with `{placeholders}` filled: for text needed outside a component. */
export function fillSentence(
  sentence: Sentence,
  language: keyof Sentence,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return interpolate(sentence[language] || sentence.en, params);
}
