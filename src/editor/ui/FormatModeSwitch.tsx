import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';
import { htmlToText, losesSomething, type PlainTextLoss, plainTextLoss } from '../message-parts.ts';
import { plainToRich, type RichBody } from '../rich-body.ts';

export type BodyMode = 'rich' | 'plain';

/**
 * Rich text or plain text. Plain to rich loses nothing and happens at once; rich to plain first lists what would
 * go (formatting, links, pictures, tables) and waits for the user to confirm.
 */
export function FormatModeSwitch(props: {
  t: Translate;
  mode: BodyMode;
  rich: RichBody;
  plain: string;
  disabled?: boolean;
  onPlain: (text: string) => void;
  onRich: (body: RichBody) => void;
}) {
  const { t, mode, rich, plain, disabled = false, onPlain, onRich } = props;
  const [pending, setPending] = useState<PlainTextLoss | null>(null);
  const choosePlain = () => {
    const loss = plainTextLoss(rich);
    if (losesSomething(loss)) setPending(loss);
    else onPlain(htmlToText(rich.html));
  };
  return (
    <div class="format-mode">
      <fieldset class="format-mode__choice">
        <legend class="visually-hidden">{t('editor.mode')}</legend>
        <button
          type="button"
          aria-pressed={mode === 'rich'}
          disabled={disabled}
          onClick={() => mode === 'plain' && onRich(plainToRich(plain))}
        >
          {t('editor.mode.rich')}
        </button>
        <button
          type="button"
          aria-pressed={mode === 'plain'}
          disabled={disabled}
          onClick={() => mode === 'rich' && choosePlain()}
        >
          {t('editor.mode.plain')}
        </button>
      </fieldset>
      {pending && (
        <div class="format-mode__confirm" role="alertdialog" aria-labelledby="format-mode-confirm">
          <p id="format-mode-confirm">{t('editor.mode.confirm')}</p>
          <ul>
            {pending.formatting && <li>{t('editor.mode.loses.formatting')}</li>}
            {pending.links > 0 && <li>{t('editor.mode.loses.links', { count: pending.links })}</li>}
            {pending.images > 0 && <li>{t('editor.mode.loses.images', { count: pending.images })}</li>}
            {pending.tables > 0 && <li>{t('editor.mode.loses.tables', { count: pending.tables })}</li>}
          </ul>
          <div class="format-mode__actions">
            <button
              type="button"
              class="primary"
              onClick={() => {
                setPending(null);
                onPlain(htmlToText(rich.html));
              }}
            >
              {t('editor.mode.switch')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('editor.mode.keep')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
