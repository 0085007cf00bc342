/**
 * Every text table of the app. What the first paint needs (the page and the account area) is bundled; the rest
 * (setup, builder and Gmail errors) arrives in its own chunk right after first paint, so the first load stays
 * small. A key asked for before its table has arrived falls back as usual (English, then the key).
 */
import { authMessages } from '../auth/messages.ts';
import { composeMessages } from './compose-messages.ts';
import { type MessageTables, mergeTables } from './translate.ts';

let tables: MessageTables = mergeTables(composeMessages, authMessages);
const listeners = new Set<(tables: MessageTables) => void>();

export function currentCatalog(): MessageTables {
  return tables;
}

export function onCatalogChange(listener: (tables: MessageTables) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
