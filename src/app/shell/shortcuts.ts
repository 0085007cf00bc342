/**
 * The keyboard shortcuts the page offers, as the "?" list shows them. Each feature that adds a shortcut adds a row
 * here (its sentence in src/text/app.ts), so the list never promises a key that does nothing or misses one.
 */

export const isApplePlatform = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export interface Shortcut {
  /** Keys pressed together, as printed on the keyboard. */
  keys: (apple: boolean) => readonly string[];
  /** A key of src/text/app.ts: what the shortcut does. */
  text: string;
  /** Where it works, when not everywhere (a key of src/text/app.ts). */
  where?: string;
}

export const shortcuts: readonly Shortcut[] = [
  { keys: (apple) => [apple ? '⌘' : 'Ctrl', 'Enter'], text: 'app.shortcuts.send' },
  { keys: () => ['Enter'], text: 'app.shortcuts.finish-address', where: 'app.shortcuts.in-address' },
  { keys: () => [','], text: 'app.shortcuts.finish-address', where: 'app.shortcuts.in-address' },
  { keys: () => [';'], text: 'app.shortcuts.finish-address', where: 'app.shortcuts.in-address' },
  { keys: () => ['Backspace'], text: 'app.shortcuts.remove-address', where: 'app.shortcuts.in-empty-address' },
  { keys: () => ['?'], text: 'app.shortcuts.help', where: 'app.shortcuts.outside-fields' },
  { keys: () => ['Esc'], text: 'app.shortcuts.close' },
];
