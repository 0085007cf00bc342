import type { Ref } from 'preact';
import type { Translate } from '../../i18n/translate.ts';
import { looksLikeList } from '../address-split.ts';
import type { RecipientDraft } from '../draft.ts';
import type { DraftAction } from '../draft-actions.ts';
import {
  type DuplicateInfo,
  type RecipientField as Field,
  nameDisguisesAddress,
  type RecipientToken,
} from '../recipients.ts';

export interface RecipientFieldProps {
  t: Translate;
  field: Field;
  value: RecipientDraft;
  tokens: readonly RecipientToken[];
  duplicates: ReadonlyMap<string, DuplicateInfo>;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
  announce: (text: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

function tokenLabel(token: RecipientToken): string {
  return token.parsed.ok ? token.parsed.mailbox.address : token.text;
}

/** One token; its problems (invalid, duplicate, disguised name) are tied to it with aria-describedby. */
function Token(props: {
  t: Translate;
  id: string;
  token: RecipientToken;
  duplicate: DuplicateInfo | undefined;
  readOnly: boolean;
  onRemove: () => void;
}) {
  const { t, id, token, duplicate, readOnly, onRemove } = props;
  const notes: string[] = [];
  let tone: 'ok' | 'warn' | 'error' = 'ok';
  if (!token.parsed.ok && token.parsed.problem === 'pending') {
    // Not checked yet (the address grammar loads just after first paint): no verdict either way.
  } else if (!token.parsed.ok) {
    tone = 'error';
    notes.push(
      t(`mail.address.${token.parsed.problem}`) === `mail.address.${token.parsed.problem}`
        ? t('compose.recipient.invalid')
        : t(`mail.address.${token.parsed.problem}`),
    );
  } else if (nameDisguisesAddress(token.parsed.mailbox)) {
    tone = 'warn';
    notes.push(t('compose.recipient.disguised', { address: token.parsed.mailbox.address }));
  }
  if (duplicate) {
    if (tone === 'ok') tone = 'warn';
    notes.push(t('compose.recipient.duplicate', { field: t(`compose.${duplicate.firstField}`) }));
  }
  const noteId = `${id}-note`;
  return (
    <li class={`token token-${tone}`}>
      {/* A token with a problem takes focus, so keyboard users reach its reason (aria-describedby). */}
      <span
        class="token-text"
        tabIndex={notes.length ? 0 : undefined}
        aria-describedby={notes.length ? noteId : undefined}
      >
        {tone !== 'ok' && (
          <span class="token-mark" aria-hidden="true">
            {tone === 'error' ? '✕' : '!'}
          </span>
        )}
        {token.parsed.ok ? (
          <>
            {token.parsed.mailbox.name && <bdi class="token-name">{token.parsed.mailbox.name}</bdi>}
            <bdi class="token-address">{token.parsed.mailbox.address}</bdi>
          </>
        ) : (
          <bdi class="token-address">{token.text}</bdi>
        )}
      </span>
      {notes.length > 0 && (
        <span class="token-note" id={noteId} role="tooltip">
          {notes.join(' ')}
        </span>
      )}
      {!readOnly && (
        <button
          type="button"
          class="token-remove"
          aria-label={t('compose.recipient.remove', { address: tokenLabel(token) })}
          onClick={onRemove}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </li>
  );
}

/**
 * A token field: comma, semicolon and Enter commit an address; a pasted list becomes tokens at once; Backspace in
 * the empty input removes the last token. Invalid addresses stay, marked, so nothing typed disappears.
 */
export function RecipientField(props: RecipientFieldProps) {
  const { t, field, value, tokens, duplicates, readOnly, dispatch, announce, inputRef } = props;
  const inputId = `recipient-${field}`;
  const label = t(`compose.${field}`);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Enter must never submit the form from here: it commits what was typed.
      event.preventDefault();
      dispatch({ type: 'commit-recipient', field });
    } else if (event.key === 'Backspace' && value.typing === '' && tokens.length > 0) {
      event.preventDefault();
      const last = tokens.at(-1);
      dispatch({ type: 'remove-last-recipient', field });
      if (last) announce(t('compose.recipient.removed', { address: tokenLabel(last) }));
    }
  };

  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    // Single-line inputs drop line breaks from pasted text, so a pasted column must be split before the browser
    // flattens it into one long string.
    if (!looksLikeList(text)) return;
    event.preventDefault();
    dispatch({ type: 'commit-recipient', field, extra: text });
  };

  return (
    <div class="recipient-field">
      <label class="field-label" for={inputId}>
        {label}
      </label>
      <div class="token-box">
        {tokens.length > 0 && (
          <ul class="tokens" aria-label={label}>
            {tokens.map((token, index) => (
              <Token
                // The same address may appear twice on purpose, so the index is part of the key.
                key={`${index}:${token.text}`}
                t={t}
                id={`${inputId}-${index}`}
                token={token}
                duplicate={duplicates.get(`${field}:${index}`)}
                readOnly={readOnly}
                onRemove={() => {
                  dispatch({ type: 'remove-recipient', field, index });
                  announce(t('compose.recipient.removed', { address: tokenLabel(token) }));
                }}
              />
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={inputId}
          class="token-input"
          type="text"
          inputMode="email"
          autoComplete="off"
          spellcheck={false}
          readOnly={readOnly}
          value={value.typing}
          aria-describedby="recipients-hint"
          onInput={(event) => {
            const text = event.currentTarget.value;
            // Splitting in the middle of an IME composition would break Japanese input; wait for it to end.
            if ((event as InputEvent).isComposing) dispatch({ type: 'set-recipient-typing', field, text });
            else dispatch({ type: 'type-recipient', field, text });
          }}
          onCompositionEnd={(event) => dispatch({ type: 'type-recipient', field, text: event.currentTarget.value })}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => dispatch({ type: 'commit-recipient', field })}
        />
      </div>
    </div>
  );
}
