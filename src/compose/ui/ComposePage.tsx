import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { AfterPaint } from '../../app/after-paint.ts';
import { type Notice, Notices } from '../../ui/Notices.tsx';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { attachmentBudget } from '../attachments.ts';
import type { Draft, DraftAttachment } from '../draft.ts';
import { commitAllTyping } from '../draft-actions.ts';
import type { DraftStore } from '../draft-store.ts';
import {
  countRecipients,
  distinctAddresses,
  findDuplicates,
  gmailRecipientLimit,
  type RecipientParser,
  type RecipientsByField,
} from '../recipients.ts';
import type { SendFlow, SendServices } from '../send-flow.ts';
import { isSendBusy, type SendPhase } from '../send-phase.ts';
import { sendBlockers } from '../send-readiness.ts';
import type { SentEntry } from '../sent-log.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { BodyField } from './BodyField.tsx';
import { RecipientField } from './RecipientField.tsx';
import { restoredNotice } from './restored-notice.tsx';
import { SendBar } from './SendBar.tsx';
import { useDraft } from './use-draft.ts';
import { useFileDrop } from './use-file-drop.ts';

export interface ComposePageProps {
  t: Translate;
  language: Language;
  /** The after-first-paint chunk (address checking, stores, send flow); null for the few ms until it arrives. */
  later: AfterPaint | null;
  store: DraftStore | null;
  services: SendServices<Draft> | null;
  /** Notices owned by the page around the form (storage problems), shown in the same surface. */
  outerNotices: readonly Notice[];
  /** The authorization problem, if any; its action button runs `resumeSend` (when a send was waiting on it). */
  authProblem: (resumeSend: (() => void) | undefined) => ComponentChildren;
  onSent: (entry: SentEntry) => void;
  children?: ComponentChildren;
}

// Until the address grammar has loaded (a few ms after first paint), tokens are shown as typed, unjudged.
const notYetChecked: RecipientParser = () => ({ ok: false, problem: 'pending' });

function toTokens(draft: Draft, parse: RecipientParser): RecipientsByField {
  return {
    to: draft.to.tokens.map((text) => ({ text, parsed: parse(text) })),
    cc: draft.cc.tokens.map((text) => ({ text, parsed: parse(text) })),
    bcc: draft.bcc.tokens.map((text) => ({ text, parsed: parse(text) })),
  };
}

function filesToAttachments(files: readonly File[]): DraftAttachment[] {
  return files.map((file) => ({
    id: crypto.randomUUID(),
    name: file.name,
    type: file.type,
    size: file.size,
    blob: file,
  }));
}

/** The compose form and everything around one send. */
export function ComposePage(props: ComposePageProps) {
  const { t, language, later, store, services, outerNotices, authProblem, onSent, children } = props;
  const { draft, dispatch, restored, dismissRestored, discard, clearAfterSend } = useDraft(store);
  const parse = later?.parseRecipient ?? notYetChecked;
  const [sendWaitsOnAuth, setSendWaitsOnAuth] = useState(false);
  const [phase, setPhase] = useState<SendPhase>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const toInput = useRef<HTMLInputElement>(null);
  const servicesRef = useRef(services);
  servicesRef.current = services;

  const flow: SendFlow<Draft> | null = useMemo(() => {
    if (!later) return null;
    // Delegates through a ref: the services change with the language and the account, the flow must not.
    const current = () => {
      if (!servicesRef.current) throw new Error('send services not ready');
      return servicesRef.current;
    };
    return later.createSendFlow<Draft>(
      {
        ensureToken: () => current().ensureToken(),
        build: (source, signal) => current().build(source, signal),
        transport: (bytes, options) => current().transport(bytes, options),
        messageLink: (id) => current().messageLink(id),
        sentFolderLink: () => current().sentFolderLink(),
        cancelTokenRequest: () => current().cancelTokenRequest?.(),
        describeTokenError: (error) => current().describeTokenError(error),
        describeBuildError: (error) => current().describeBuildError(error),
        describeStop: (outcome) => current().describeStop(outcome),
      },
      setPhase,
    );
  }, [later]);

  const tokens = useMemo(() => toTokens(draft, parse), [draft, parse]);
  const duplicates = useMemo(() => findDuplicates(tokens), [tokens]);
  const recipientCount = countRecipients(tokens);
  const budget = attachmentBudget(draft.attachments.map((attachment) => attachment.size));
  const busy = isSendBusy(phase);
  const hardBlockers = budget.over ? (['attachments-too-large'] as const) : [];

  const announce = (text: string) => setAnnouncement(text);
  const addFiles = (files: readonly File[]) => {
    if (busy || files.length === 0) return;
    dispatch({ type: 'add-attachments', attachments: filesToAttachments(files) });
    announce(t('compose.attached', { count: files.length }));
  };

  const fileDrop = useFileDrop(addFiles);

  const focusRecipients = () => {
    const invalid = document.querySelector<HTMLElement>('.token-error .token-text');
    (invalid ?? toInput.current)?.focus();
  };

  const finish = async (result: Awaited<ReturnType<SendFlow<Draft>['start']>>, sentDraft: Draft) => {
    // A send that ended quietly (no phase to show) stopped at authorization: the auth notice offers to resume it.
    setSendWaitsOnAuth(result.kind === 'not-sent' && flow?.phase().kind === 'idle');
    if (result.kind !== 'sent') return;
    const sentTokens = toTokens(sentDraft, parse);
    onSent({
      at: Date.now(),
      recipients: distinctAddresses(sentTokens),
      subject: sentDraft.subject,
      messageId: result.messageId,
      link: result.link,
    });
    // Only now, with Gmail's confirmation in hand, may the draft go.
    await clearAfterSend();
  };

  const send = () => {
    if (busy || !flow || !servicesRef.current) return;
    const committed = commitAllTyping(draft);
    if (committed !== draft) dispatch({ type: 'replace', draft: committed });
    const blockers = sendBlockers(toTokens(committed, parse), budget);
    if (blockers.includes('attachments-too-large')) return;
    if (blockers.length > 0) {
      setPhase({
        kind: 'failed',
        failure: { messageKey: `compose.blocker.${blockers[0]}`, action: 'focus-recipients' },
      });
      focusRecipients();
      return;
    }
    setDismissed(new Set());
    void flow.start(committed).then((result) => finish(result, committed));
  };

  const resend = () => {
    if (!flow || !servicesRef.current) return;
    void flow.resend(draft).then((result) => finish(result, draft));
  };

  const notices: Notice[] = [];
  const auth = authProblem(sendWaitsOnAuth ? send : undefined);
  if (auth) notices.push({ id: 'auth', tone: 'error', body: auth });
  notices.push(...outerNotices);
  if (restored)
    notices.push(
      restoredNotice(t, {
        onDiscard: () => void discard().then(() => announce(t('draft.discarded'))),
        onDismiss: dismissRestored,
      }),
    );
  if (recipientCount > gmailRecipientLimit)
    notices.push({
      id: 'recipient-limit',
      tone: 'warning',
      body: t('compose.recipients.limit', { count: recipientCount, limit: gmailRecipientLimit }),
    });
  const phaseNotice = later?.sendNotice(t, phase, {
    onResend: resend,
    onFocusRecipients: focusRecipients,
    onDismiss: () => flow?.reset(),
  });
  if (phaseNotice) notices.push(phaseNotice);

  return (
    <form
      class={`compose${fileDrop.dragging ? ' dragging' : ''}`}
      aria-labelledby="compose-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
          event.preventDefault();
          send();
        }
      }}
      {...fileDrop.handlers}
    >
      <h2 id="compose-title" class="compose-title">
        {t('compose.title')}
      </h2>
      <p id="recipients-hint" class="visually-hidden">
        {t('compose.recipients.hint')}
      </p>
      <div class="recipients">
        <div class="recipient-row">
          <RecipientField
            t={t}
            field="to"
            value={draft.to}
            tokens={tokens.to}
            duplicates={duplicates}
            readOnly={busy}
            dispatch={dispatch}
            announce={announce}
            inputRef={toInput}
          />
          {!draft.showCopies && (
            <button type="button" class="link-button copies-button" onClick={() => dispatch({ type: 'show-copies' })}>
              {t('compose.show-copies')}
            </button>
          )}
        </div>
        {draft.showCopies &&
          (['cc', 'bcc'] as const).map((field) => (
            <RecipientField
              key={field}
              t={t}
              field={field}
              value={draft[field]}
              tokens={tokens[field]}
              duplicates={duplicates}
              readOnly={busy}
              dispatch={dispatch}
              announce={announce}
            />
          ))}
      </div>
      <div class="subject-field">
        <label class="field-label" for="subject">
          {t('compose.subject')}
        </label>
        <input
          id="subject"
          type="text"
          value={draft.subject}
          readOnly={busy}
          onInput={(event) => dispatch({ type: 'set-subject', text: event.currentTarget.value })}
        />
      </div>
      <BodyField
        label={t('compose.body')}
        value={draft.body}
        readOnly={busy}
        onInput={(text) => dispatch({ type: 'set-body', text })}
      />
      <AttachmentList
        t={t}
        language={language}
        attachments={draft.attachments}
        budget={budget}
        readOnly={busy}
        onAdd={addFiles}
        onRemove={(attachment) => {
          dispatch({ type: 'remove-attachment', id: attachment.id });
          announce(t('compose.attachment.removed', { name: attachment.name }));
        }}
      />
      {fileDrop.dragging && (
        <div class="drop-overlay" aria-hidden="true">
          {t('compose.drop')}
        </div>
      )}
      <Notices
        t={t}
        notices={notices.filter((notice) => !dismissed.has(notice.id) || notice.id === 'send')}
        announcement={announcement}
        onDismiss={(id) => {
          if (id === 'send') flow?.reset();
          else setDismissed(new Set([...dismissed, id]));
        }}
      />
      <SendBar t={t} language={language} phase={phase} hardBlockers={hardBlockers} onCancel={() => flow?.cancel()} />
      {children}
    </form>
  );
}
