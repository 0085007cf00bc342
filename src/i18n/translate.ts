/**
 * The tiny lookup behind every string on the page: `t(key, params)`, with English as the fallback for each key
 * that a language has not translated yet, and the key itself as a last resort (visible, never a blank).
 */
import type { Language } from './language.ts';

export type MessageTable = Readonly<Record<string, string>>;
export type MessageTables = Readonly<Record<Language, MessageTable>>;
export type TranslationParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: TranslationParams) => string;

/** Merges several feature tables (`{ en, ja }` each) into one; later tables win on a shared key. */
export function mergeTables(...tables: ReadonlyArray<Partial<Record<Language, MessageTable>>>): MessageTables {
  const merged: Record<Language, Record<string, string>> = { en: {}, ja: {} };
  for (const table of tables) {
    Object.assign(merged.en, table.en);
    Object.assign(merged.ja, table.ja);
  }
  return merged;
}

/** Replaces `{name}` placeholders; an unknown placeholder stays as written so the gap is visible. */
export function interpolate(template: string, params: TranslationParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A translator for one language. */
export function createTranslator(tables: MessageTables, language: Language): Translate {
  const own = tables[language];
  const english = tables.en;
  // Own keys only: a key such as `constructor` must not find Object.prototype's function.
  const lookup = (table: MessageTable, key: string) => (Object.hasOwn(table, key) ? table[key] : undefined);
  return (key, params) => {
    const template = lookup(own, key) ?? lookup(english, key) ?? key;
    return interpolate(template, params);
  };
}
