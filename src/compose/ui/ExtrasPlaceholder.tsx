import type { Translate } from '../../i18n/translate.ts';
import type { BodyMode } from '../draft.ts';

/**
 * The extras bar (format switch, Templates, Signature, Preview) as it will look, disabled, until its chunk
 * arrives: the same markup, classes and labels as ComposeExtras and FormatModeSwitch, so the real bar replaces it
 * without moving anything below the form (issue 16: CLS at most 0.01, and the bar wraps differently at each width
 * and in each language, so no fixed height could reserve it).
 */
export function ExtrasPlaceholder({ t, mode }: { t: Translate; mode: BodyMode }) {
  return (
    <div class="compose-extras" aria-hidden="true">
      <div class="compose-extras__bar">
        <div class="format-mode">
          <fieldset class="format-mode__choice" disabled>
            <button type="button" aria-pressed={mode === 'rich'}>
              {t('editor.mode.rich')}
            </button>
            <button type="button" aria-pressed={mode === 'plain'}>
              {t('editor.mode.plain')}
            </button>
          </fieldset>
        </div>
        {(['templates', 'signature', 'preview'] as const).map((panel) => (
          <button key={panel} type="button" class="secondary" disabled>
            {t(`compose.extras.${panel}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
