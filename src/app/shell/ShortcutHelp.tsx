/**
 * The keyboard shortcut list ("?"), in a native modal <dialog>: the browser traps focus inside, closes it on Escape
 * and marks the rest of the page inert. Focus goes back to where it was when the list closes. Loaded on first use.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';
import { appText } from '../../text/app.ts';
import { addText } from '../../text/catalog.ts';
import { isApplePlatform, shortcuts } from './shortcuts.ts';

addText(appText);

export function ShortcutHelp({ t, onClose }: { t: Translate; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const apple = isApplePlatform();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement as HTMLElement | null;
    element.showModal();
    return () => {
      if (element.open) element.close();
      returnTo?.focus?.();
    };
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click is a mouse shortcut; Escape (native) and the Close button are the keyboard's way out.
    <dialog
      ref={dialog}
      class="shortcut-help"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialog.current) dialog.current?.close();
      }}
    >
      <div class="shortcut-help__body">
        <h2 id={titleId}>{t('app.shortcuts')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('app.shortcuts.keys')}</th>
              <th scope="col">{t('app.shortcuts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((shortcut) => {
              const keys = shortcut.keys(apple);
              return (
                <tr key={keys.join('+')}>
                  <td>
                    {keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && ' + '}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>
                    {t(shortcut.text)}
                    {shortcut.where && <span class="muted"> ({t(shortcut.where)})</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" class="primary">
            {t('app.shortcuts.close-button')}
          </button>
        </form>
      </div>
    </dialog>
  );
}
