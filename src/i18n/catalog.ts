/**
 * Every text table of the app. What the first paint needs (the form's labels) is bundled; the auth text comes with
 * the account area (app/after-paint.ts) and the rest (notices, setup, builder and Gmail errors) in its own chunk,
 * both right after first paint, so the first load stays
 * small. A key asked for before its table has arrived falls back as usual (English, then the key).
 */
import { composeMessages } from './compose-messages.ts';
import type { Language } from './language.ts';
import { type MessageTable, type MessageTables, mergeTables } from './translate.ts';

let tables: MessageTables = mergeTables(composeMessages);
const listeners = new Set<(tables: MessageTables) => void>();

export function currentCatalog(): MessageTables {
  return tables;
}

export function onCatalogChange(listener: (tables: MessageTables) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds tables that arrived with a feature's chunk (the account area brings the auth text). */
export function addMessages(...more: ReadonlyArray<Partial<Record<Language, MessageTable>>>): void {
  tables = mergeTables(tables, ...more);
  for (const listener of listeners) listener(tables);
}

let later: Promise<void> | null = null;

/** Loads the tables not needed for first paint; safe to call many times. */
export function loadLaterMessages(): Promise<void> {
  later ??= Promise.all([
    import('../setup/messages.ts'),
    import('../mail/messages.ts'),
    import('../gmail/messages.ts'),
    import('./compose-notices-messages.ts'),
  ]).then(([setup, mail, gmail, notices]) => {
    tables = mergeTables(
      tables,
      setup.setupMessages,
      mail.mailMessages,
      gmail.gmailMessages,
      notices.composeNoticeMessages,
    );
    for (const listener of listeners) listener(tables);
  });
  return later;
}
