/**
 * Beside the form, from the editor's chunk: the rich/plain switch, templates, the signature of the sending address
 * and the preview "as the recipient sees it". One panel open at a time, each a disclosure the keyboard reaches.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EditorModule } from '../../editor/load.ts';
import type { MessageParts } from '../../editor/message-parts.ts';
import type { Template } from '../../editor/template-store.ts';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { indexedDbBackend } from '../../storage/key-value.ts';
import type { Draft, DraftAttachment, RichBody } from '../draft.ts';
import { isEmptyRich } from '../draft.ts';
import type { DraftAction } from '../draft-actions.ts';

type Panel = 'templates' | 'signature' | 'preview' | null;

export interface ComposeExtrasProps {
  t: Translate;
  language: Language;
  editor: EditorModule;
  draft: Draft;
  dispatch: (action: DraftAction) => void;
  readOnly: boolean;
  /** The sending address, whose signature is added to new mail. */
  account: string | null;
  onModeChange: (mode: Draft['mode']) => void;
  onProblem: (message: string) => void;
  replaceQuestion: string;
}

export function richOf(editor: EditorModule, draft: Draft): RichBody {
  return draft.mode === 'rich' && draft.rich ? draft.rich : editor.plainToRich(draft.body);
}

export function ComposeExtras(props: ComposeExtrasProps) {
  const { t, language, editor, draft, dispatch, readOnly, account, onModeChange, onProblem, replaceQuestion } = props;
  const [open, setOpen] = useState<Panel>(null);
  const [parts, setParts] = useState<MessageParts | null>(null);
  const [hasSignature, setHasSignature] = useState(false);
  const backend = useMemo(() => indexedDbBackend(), []);
  const [signatureVersion, setSignatureVersion] = useState(0);
  const signatures = useMemo(() => {
    const store = editor.createSignatureStore(backend);
    // Saving or removing one in the panel changes whether "Add my signature" applies.
    const bump = () => setSignatureVersion((version) => version + 1);
    return {
      ...store,
      set: (address: string, signature: RichBody) => store.set(address, signature).finally(bump),
      remove: (address: string) => store.remove(address).finally(bump),
    };
  }, [editor, backend]);
  const templates = useMemo(() => editor.createTemplateStore(backend), [editor, backend]);

  useEffect(() => {
    if (!account) return setHasSignature(false);
    void signatures
      .get(account)
      .then((signature) => setHasSignature(signature !== null))
      .catch(() => setHasSignature(false));
  }, [account, signatures, signatureVersion]);

  useEffect(() => {
    if (open !== 'preview') return;
    let active = true;
    void (async () => {
      const signature = account && !draft.noSignature ? await signatures.get(account).catch(() => null) : null;
      const next = await editor.toMessageParts(richOf(editor, draft), signature);
      if (active) setParts(next);
    })();
    return () => {
      active = false;
    };
  }, [open, draft, account, signatures, editor]);

  const toggle = (panel: Exclude<Panel, null>) => setOpen(open === panel ? null : panel);
  const insert = (template: Template) => {
    const written = draft.subject.trim() !== '' || draft.body.trim() !== '' || !isEmptyRich(draft.rich);
    if (written && !confirm(replaceQuestion)) return;
    const attachments: DraftAttachment[] = template.attachments.map((file) => ({
      id: crypto.randomUUID(),
      name: file.name,
      type: file.type,
      size: file.blob.size,
      blob: file.blob,
    }));
    dispatch({
      type: 'replace',
      draft: {
        ...draft,
        subject: template.subject,
        mode: 'rich',
        rich: template.body,
        body: '',
        attachments: [...draft.attachments, ...attachments],
      },
    });
    setOpen(null);
  };

  return (
    <div class="compose-extras">
      <div class="compose-extras__bar">
        <editor.FormatModeSwitch
          t={t}
          mode={draft.mode}
          rich={richOf(editor, draft)}
          plain={draft.body}
          disabled={readOnly}
          onPlain={(text) => {
            dispatch({ type: 'set-mode', mode: 'plain', body: text, rich: null });
            onModeChange('plain');
          }}
          onRich={(body) => {
            dispatch({ type: 'set-mode', mode: 'rich', body: '', rich: body });
            onModeChange('rich');
          }}
        />
        {(['templates', 'signature', 'preview'] as const).map((panel) => (
          <button
            key={panel}
            type="button"
            class="secondary"
            aria-expanded={open === panel}
            aria-controls={`compose-extra-${panel}`}
            onClick={() => toggle(panel)}
          >
            {t(`compose.extras.${panel}`)}
          </button>
        ))}
        {hasSignature && (
          <label class="compose-extras__signature">
            <input
              type="checkbox"
              checked={!draft.noSignature}
              disabled={readOnly}
              onChange={(event) => dispatch({ type: 'set-signature', include: event.currentTarget.checked })}
            />{' '}
            {t('compose.extras.add-signature')}
          </label>
        )}
      </div>
      {open === 'templates' && (
        <div id="compose-extra-templates" class="compose-extras__panel">
          <editor.TemplatePanel
            t={t}
            store={templates}
            current={{
              subject: draft.subject,
              body: richOf(editor, draft),
              attachments: draft.attachments.map((file) => ({ name: file.name, type: file.type, blob: file.blob })),
            }}
            onInsert={insert}
          />
        </div>
      )}
      {open === 'signature' && (
        <div id="compose-extra-signature" class="compose-extras__panel">
          {account ? (
            <editor.SignatureSettings
              t={t}
              language={language}
              store={signatures}
              addresses={[account]}
              onProblem={onProblem}
            />
          ) : (
            <p>{t('compose.extras.signature.connect')}</p>
          )}
        </div>
      )}
      {open === 'preview' && (
        <div id="compose-extra-preview" class="compose-extras__panel">
          {parts ? <editor.MailPreview t={t} parts={parts} /> : <p>{t('app.loading')}</p>}
        </div>
      )}
    </div>
  );
}
