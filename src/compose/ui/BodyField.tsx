import { useLayoutEffect, useRef } from 'preact/hooks';

// `field-sizing: content` (CSS) grows the textarea natively where supported; elsewhere we size it from
// scrollHeight. Setting `style.height` through the CSSOM is allowed by our CSP (style-src governs markup).
const nativeSizing = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

/** The plain-text body: a textarea that grows with its content (in rich mode, until the editor takes over). */
export function BodyField(props: {
  label: string;
  value: string;
  readOnly: boolean;
  onInput: (text: string) => void;
  /** The first focus, click or key: the rich editor may take over. */
  onActivate?: () => void;
  /** An IME composition started (true) or ended (false). */
  onComposing?: (active: boolean) => void;
  /** What the textarea holds right now, keystrokes not yet rendered included (the rich editor's handover). */
  liveText?: { current: (() => string) | null };
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  if (props.liveText) props.liveText.current = () => area.current?.value ?? props.value;
  useLayoutEffect(() => {
    const element = area.current;
    if (nativeSizing || !element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [props.value]);
  return (
    <div class="body-field">
      <label class="field-label" for="body">
        {props.label}
      </label>
      <textarea
        ref={area}
        id="body"
        name="body"
        rows={10}
        value={props.value}
        readOnly={props.readOnly}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onFocus={props.onActivate}
        onCompositionStart={() => props.onComposing?.(true)}
        onCompositionEnd={() => props.onComposing?.(false)}
      />
    </div>
  );
}
