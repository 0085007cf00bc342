import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatBytes } from '../../i18n/format.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { EditorSession, type FormatState } from '../editor-session.ts';
import type { ImageRefusal } from '../inline-images.ts';
import { INLINE_IMAGE_SIZE_LIMIT, type RichBody } from '../rich-body.ts';
import { pageMailSanitizer } from '../sanitize.ts';
import { LinkForm } from './LinkForm.tsx';
import { Toolbar } from './Toolbar.tsx';

export interface RichEditorProps {
  value: RichBody;
  /** Every edit, as canonical data (images as cid: parts): store it as it is. */
  onChange: (value: RichBody) => void;
  readOnly?: boolean;
  /** The accessible name of the editing area ("Message", "Signature"). */
  label: string;
  t: Translate;
  language: Language;
  /** A picture that could not go in, worded for the user; show it in the page's notices. */
  onProblem?: (message: string) => void;
  /** Id of the editing area (for a <label for> or a skip link). */
  id?: string;
  /** Take focus, caret at the end, as it appears (it replaces the textarea the person just clicked or typed in). */
  focusOnMount?: boolean;
}

const initialState: FormatState = {
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  bulletedList: false,
  numberedList: false,
  quote: false,
  link: false,
  canUndo: false,
  canRedo: false,
};

function sameBody(a: RichBody, b: RichBody): boolean {
  return (
    a.html === b.html &&
    a.inlineImages.length === b.inlineImages.length &&
    a.inlineImages.every((image, index) => image === b.inlineImages[index])
  );
}

/** The rich-text body: toolbar, link box and the editing area (Squire, through EditorSession). */
export function RichEditor(props: RichEditorProps) {
  const { t, label, readOnly = false, id = 'rich-body' } = props;
  const area = useRef<HTMLDivElement>(null);
  const session = useRef<EditorSession | null>(null);
  // Every value the editor reported. Such a value coming back through props is our own echo, possibly an older one
  // (a render can arrive after newer keystrokes, in the middle of an IME composition): replacing the content with
  // it would move the caret and break the composition. Only a value from outside (a restored draft, an inserted
  // template) replaces the content.
  const emitted = useRef(new WeakSet<RichBody>());
  const shown = useRef<RichBody | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [state, setState] = useState<FormatState>(initialState);
  const [linkFormFor, setLinkFormFor] = useState<string | null>(null);

  // Before paint, in the same microtask as the render that removed the textarea: a key pressed after that render
  // must find the editor already focused (with useEffect, keys in the frame between went to the page and were lost).
  useLayoutEffect(() => {
    const root = area.current!;
    const refused = (refusal: ImageRefusal) => {
      const key = refusal.reason === 'too-large' ? 'editor.image.too-large' : 'editor.image.unsupported';
      const limit = formatBytes(INLINE_IMAGE_SIZE_LIMIT, latest.current.language);
      latest.current.onProblem?.(latest.current.t(key, { name: refusal.name, limit }));
    };
    const created = new EditorSession({
      root,
      sanitizer: pageMailSanitizer(),
      onChange: (value) => {
        emitted.current.add(value);
        shown.current = value;
        latest.current.onChange(value);
      },
      onRefused: refused,
      onState: setState,
      onLinkShortcut: () => setLinkFormFor(created.currentLink() ?? ''),
    });
    session.current = created;
    created.setValue(latest.current.value);
    shown.current = latest.current.value;
    // Counted as our own: the value effect of this first render runs after paint, when keys may already have been
    // typed, and must not put the mounted value back over them.
    emitted.current.add(latest.current.value);
    if (latest.current.focusOnMount) created.focusAtEnd();
    return () => {
      created.destroy();
      session.current = null;
    };
  }, []);

  useEffect(() => {
    const value = props.value;
    if (!session.current || emitted.current.has(value) || (shown.current && sameBody(shown.current, value))) return;
    shown.current = value;
    session.current.setValue(value);
  }, [props.value]);

  useEffect(() => {
    area.current?.setAttribute('contenteditable', readOnly ? 'false' : 'true');
  }, [readOnly]);

  const onAction = (action: Parameters<Parameters<typeof Toolbar>[0]['onAction']>[0]) => {
    if (action === 'link') setLinkFormFor(session.current?.currentLink() ?? '');
    else session.current?.command(action);
  };

  return (
    <div class="rich-editor">
      <Toolbar t={t} label={label} state={state} disabled={readOnly} controls={id} onAction={onAction} />
      {linkFormFor !== null && (
        <LinkForm
          t={t}
          initial={linkFormFor}
          canRemove={state.link}
          onApply={(href) => {
            setLinkFormFor(null);
            session.current?.makeLink(href);
          }}
          onRemove={() => {
            setLinkFormFor(null);
            session.current?.removeLink();
          }}
          onCancel={() => {
            setLinkFormFor(null);
            session.current?.focus();
          }}
        />
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text area is a contenteditable div by nature. */}
      <div
        ref={area}
        id={id}
        tabIndex={0}
        class="rich-editor__area"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-readonly={readOnly ? 'true' : undefined}
        spellcheck
      />
    </div>
  );
}
