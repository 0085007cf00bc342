/**
 * Every text table of the app. What the first paint needs (the form's labels) is bundled; the auth text comes with
 * the account area (app/after-paint.ts) and the rest (notices, setup, builder and Gmail errors) in its own chunk,
 * both right after first paint, so the first load stays small. A key asked for before its table has arrived falls
 * back to the key itself for those few milliseconds. Features that load later (merge, editor) add their own table
 * with `addText` when their chunk arrives.
 */
import { mergeTables, type TextTable } from '../i18n/translate.ts';
import { firstPaintText } from './first-paint.ts';

let table: TextTable = firstPaintText;
const listeners = new Set<(table: TextTable) => void>();

export function currentText(): TextTable {
  return table;
}

export function onTextChange(listener: (table: TextTable) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds the tables that arrived with a feature's chunk (the account area brings the auth text). */
export function addText(...more: readonly TextTable[]): void {
  table = mergeTables(table, ...more);
  for (const listener of listeners) listener(table);
}

let later: Promise<void> | null = null;

/** Loads the tables not needed for first paint; safe to call many times. */
export function loadLaterText(): Promise<void> {
  later ??= Promise.all([
    import('./compose.ts'),
    import('./outbox.ts'),
    import('./send.ts'),
    import('./mail.ts'),
    import('./setup.ts'),
  ]).then(([compose, outbox, send, mail, setup]) =>
    addText(compose.composeText, outbox.outboxText, send.sendText, mail.mailText, setup.setupText),
  );
  return later;
}
