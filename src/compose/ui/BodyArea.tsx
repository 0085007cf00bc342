/**
 * The body: the plain textarea of the first paint, and in rich mode the rich editor (its own chunk). The editor
 * takes over on the first click or key in the body, so the page never shifts before the person acts (a layout shift
 * right after input is theirs, not the page's); what was typed meanwhile goes with it, and an IME composition in
 * progress is left to finish first. A restored rich draft shows in the editor at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorModule } from '../../editor/load.ts';
import { loadEditor } from '../../editor/load.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { Draft } from '../draft.ts';
import type { DraftAction } from '../draft-actions.ts';
import { BodyField } from './BodyField.tsx';

export interface RichChunk {
  editor: EditorModule;
  ComposeExtras: typeof import('./ComposeExtras.tsx').ComposeExtras;
}

/** The editor's chunk (and the compose page's panels built on it), fetched when the page is idle. */
export function useRichChunk(wanted: boolean): RichChunk | null {
  const [module, setModule] = useState<RichChunk | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let active = true;
    const load = () =>
      void Promise.all([loadEditor(), import('./ComposeExtras.tsx')]).then(
        ([editor, extras]) => active && setModule({ editor, ComposeExtras: extras.ComposeExtras }),
        () => {
          // Offline before the chunk came: the plain textarea keeps working; the next activation tries again.
        },
      );
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback;
    if (idle) idle(load);
    else setTimeout(load, 300);
    return () => {
      active = false;
    };
  }, [wanted, module]);
  return module;
}

export interface BodyAreaProps {
  t: Translate;
  language: Language;
  draft: Draft;
  dispatch: (action: DraftAction) => void;
  readOnly: boolean;
  editor: EditorModule | null;
  onProblem: (message: string) => void;
}

export function BodyArea({ t, language, draft, dispatch, readOnly, editor, onProblem }: BodyAreaProps) {
  const rich = draft.mode === 'rich';
  const [activated, setActivated] = useState(false);
  const composing = useRef(false);
  const focusEditor = useRef(false);
  const liveText = useRef<(() => string) | null>(null);
  // Rich content (a restored draft, a template) needs the editor now, click or not.
  const needed = rich && (activated || draft.rich !== null);

  useEffect(() => {
    if (!needed || !editor || draft.rich !== null || composing.current) return;
    // The textarea itself, not this render's `draft.body`: a key typed since that render is in the textarea only,
    // and the render that follows this dispatch (a microtask, before the next key) swaps the textarea out.
    dispatch({ type: 'hand-over-to-rich', rich: editor.plainToRich(liveText.current?.() ?? draft.body) });
  }, [needed, editor, draft.rich === null, draft.body]);

  // The editor takes focus itself as it mounts (focusOnMount); after that, a later remount must not steal it.
  useEffect(() => {
    if (editor && draft.rich !== null) focusEditor.current = false;
  }, [editor, draft.rich !== null]);

  if (!needed || !editor || draft.rich === null)
    return (
      <BodyField
        label={t('compose.body')}
        value={draft.body}
        readOnly={readOnly}
        liveText={liveText}
        onInput={(text) => dispatch({ type: 'set-body', text })}
        onActivate={() => {
          if (!rich || readOnly) return;
          focusEditor.current = true;
          setActivated(true);
        }}
        onComposing={(active) => {
          composing.current = active;
          if (!active && rich && activated) setActivated(true);
        }}
      />
    );
  return (
    <div class="body-field body-field--rich">
      <editor.RichEditor
        id="body"
        value={draft.rich}
        onChange={(value) => dispatch({ type: 'set-rich', rich: value })}
        readOnly={readOnly}
        label={t('compose.body')}
        t={t}
        language={language}
        onProblem={onProblem}
        focusOnMount={focusEditor.current}
      />
    </div>
  );
}
