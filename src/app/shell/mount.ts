/**
 * Where the app renders: the prerendered shell painted in the page's language (src/app/shell/prerender-plugin.ts).
 * The other language's shell is dropped, and `render()` (not `hydrate()`) takes the painted one over: it reuses
 * every DOM node and, unlike hydration, also corrects attributes that only the browser can know (a Mac's ⌘ in
 * `aria-keyshortcuts`), so nothing is rebuilt and nothing moves. In `vite dev` there is no prerender: `#app` is empty.
 */
import type { Language } from '../../i18n/language.ts';

export function mountPoint(language: Language): HTMLElement {
  const shells = [...document.querySelectorAll<HTMLElement>('[data-shell]')];
  const chosen = shells.find((shell) => shell.dataset.shell === language) ?? shells[0];
  if (!chosen) return document.getElementById('app') ?? document.body;
  for (const shell of shells) if (shell !== chosen) shell.remove();
  // The shell is inert until the app owns it: nothing typed or picked before then could be kept.
  chosen.removeAttribute('inert');
  // From here on the language follows <html lang>, which the app keeps in step with the language switch; without
  // these two attributes neither the stylesheet's shell rule nor `lang` can hide or mislabel the page after a switch.
  chosen.removeAttribute('lang');
  chosen.removeAttribute('data-shell');
  chosen.id = 'app';
  document.documentElement.lang = language;
  return chosen;
}
