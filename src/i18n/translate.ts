/**
 * The tiny lookup behind every string on the page: `t(key, params)`. Tables hold each sentence in every language
 * side by side (src/text), so a missing translation is a type error; English stays the fallback for a sentence left
 * empty, and the key itself the last resort (visible, never a blank).
 */
import type { Language } from './language.ts';

/** One sentence in every language the page speaks. */
export type Sentence = Readonly<Record<Language, string>>;
export type TextTable = Readonly<Record<string, Sentence>>;
export type TranslationParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: TranslationParams) => string;

/** Merges several feature tables into one; later tables win on a shared key. */
export function mergeTables(...tables: readonly TextTable[]): TextTable {
  return Object.assign({}, ...tables) as TextTable;
}

/**
 * Replaces `{name}` placeholders; an unknown placeholder stays as written so the gap is visible. `{name|one|other}`
 * is English's singular and plural: "one" when the value is 1 ("1 row is", "2 rows are"); Japanese needs none.
 */
export function interpolate(template: string, params: TranslationParams | undefined): string {
  if (!params) return template;
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!Object.hasOwn(params, name)) return whole;
      if (other === undefined) return String(params[name]);
      return String(params[name]) === '1' ? (one ?? '') : other;
    },
  );
}

/** A translator for one language. */
export function createTranslator(table: TextTable, language: Language): Translate {
  return (key, params) => {
    // Own keys only: a key such as `constructor` must not find Object.prototype's function.
    const sentence = Object.hasOwn(table, key) ? table[key] : undefined;
    const template = sentence?.[language] || sentence?.en || key;
    return interpolate(template, params);
  };
}
