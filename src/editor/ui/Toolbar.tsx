import type { Translate } from '../../i18n/translate.ts';
import { type FormatCommand, type FormatState, modifierKey } from '../editor-session.ts';

type ToolbarAction = FormatCommand | 'link';

interface ToolbarButton {
  action: ToolbarAction;
  /** Text key of the button's name (its aria-label and tooltip). */
  name: string;
  /** What the button shows: a letter or sign, the name is in aria-label. */
  face: string;
  shortcut: string;
  pressed?: keyof FormatState;
}

const mod = modifierKey === 'Meta-' ? '⌘' : 'Ctrl+';

// The shortcuts are Gmail's, so a Gmail user's fingers already know them.
const groups: ToolbarButton[][] = [
  [
    { action: 'bold', name: 'editor.bold', face: 'B', shortcut: `${mod}B`, pressed: 'bold' },
    { action: 'italic', name: 'editor.italic', face: 'I', shortcut: `${mod}I`, pressed: 'italic' },
    { action: 'underline', name: 'editor.underline', face: 'U', shortcut: `${mod}U`, pressed: 'underline' },
    {
      action: 'strikethrough',
      name: 'editor.strikethrough',
      face: 'S',
      shortcut: 'Alt+Shift+5',
      pressed: 'strikethrough',
    },
  ],
  [
    {
      action: 'bulletedList',
      name: 'editor.bulletedList',
      face: '•',
      shortcut: `${mod}Shift+8`,
      pressed: 'bulletedList',
    },
    {
      action: 'numberedList',
      name: 'editor.numberedList',
      face: '1.',
      shortcut: `${mod}Shift+7`,
      pressed: 'numberedList',
    },
    { action: 'quote', name: 'editor.quote', face: '❝', shortcut: `${mod}Shift+9`, pressed: 'quote' },
    { action: 'link', name: 'editor.link', face: '🔗', shortcut: `${mod}K`, pressed: 'link' },
  ],
  [
    { action: 'clearFormatting', name: 'editor.clearFormatting', face: 'T̸', shortcut: `${mod}\\` },
    { action: 'undo', name: 'editor.undo', face: '↶', shortcut: `${mod}Z` },
    { action: 'redo', name: 'editor.redo', face: '↷', shortcut: `${mod}Y` },
  ],
];

export function Toolbar(props: {
  t: Translate;
  /** The editing area's name: two editors on a page (body, signature) get two distinct toolbars. */
  label: string;
  state: FormatState;
  disabled: boolean;
  controls: string;
  onAction: (action: ToolbarAction) => void;
}) {
  const { t, label, state, disabled, controls, onAction } = props;
  return (
    <div class="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar', { label })} aria-controls={controls}>
      {groups.map((group) => (
        <div class="editor-toolbar__group" key={group[0]!.action}>
          {group.map((button) => {
            const name = t(button.name);
            const unavailable =
              disabled || (button.action === 'undo' && !state.canUndo) || (button.action === 'redo' && !state.canRedo);
            return (
              <button
                key={button.action}
                type="button"
                class={`editor-toolbar__button editor-toolbar__button--${button.action}`}
                aria-label={name}
                title={`${name} (${button.shortcut})`}
                aria-pressed={button.pressed ? state[button.pressed] : undefined}
                disabled={unavailable}
                // Keep the selection in the editor: a mousedown on a button would otherwise move focus first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onAction(button.action)}
              >
                <span aria-hidden="true">{button.face}</span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
