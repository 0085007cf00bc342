import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';
import { checkLinkUrl } from '../link-url.ts';

/** The link box under the toolbar: an address field, checked before anything is changed. */
export function LinkForm(props: {
  t: Translate;
  initial: string;
  canRemove: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const { t, initial, canRemove, onApply, onRemove, onCancel } = props;
  const [address, setAddress] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const apply = () => {
    const check = checkLinkUrl(address);
    if (check.ok) onApply(check.href);
    else setProblem(t(`editor.link.${check.problem}`));
  };
  return (
    // A fieldset, not a <form>: the compose page is already one form, and forms cannot nest.
    <fieldset class="editor-link">
      <legend class="visually-hidden">{t('editor.link')}</legend>
      <label class="editor-link__label" for="editor-link-address">
        {t('editor.link.address')}
      </label>
      <input
        ref={input}
        id="editor-link-address"
        type="text"
        inputMode="url"
        autocomplete="off"
        spellcheck={false}
        value={address}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'editor-link-problem' : undefined}
        onInput={(event) => {
          setAddress(event.currentTarget.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div class="editor-link__actions">
        <button type="button" class="primary" onClick={apply}>
          {t('editor.link.apply')}
        </button>
        {canRemove && (
          <button type="button" onClick={onRemove}>
            {t('editor.link.remove')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('editor.link.cancel')}
        </button>
      </div>
      {problem && (
        <p id="editor-link-problem" class="error-text small" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
