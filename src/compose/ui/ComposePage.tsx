import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Language } from '../../i18n/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { SentLog } from '../../outbox/ui/SentLog.tsx';
import { type Notice, Notices } from '../../ui/Notices.tsx';
import { attachmentBudget } from '../attachments.ts';
import { readBodyMode, saveBodyMode } from '../body-mode.ts';
import type { DraftAttachment } from '../draft.ts';
import { commitAllTyping } from '../draft-actions.ts';
import type { DraftStore } from '../draft-store.ts';
import type { SendFailure } from '../failure.ts';
import {
  countRecipients,
  findDuplicates,
  gmailRecipientLimit,
  parseTokens,
  type RecipientParser,
} from '../recipients.ts';
import { sendBlockers } from '../send-readiness.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { BodyArea, useRichChunk } from './BodyArea.tsx';
import { ExtrasPlaceholder } from './ExtrasPlaceholder.tsx';
import type { ComposeLater } from './later.ts';
import { RecipientField } from './RecipientField.tsx';
import { restoredNotice } from './restored-notice.tsx';
import { SendBar } from './SendBar.tsx';
import { failureNotice } from './SendNotice.tsx';
import { useDraft } from './use-draft.ts';
import { useFileDrop } from './use-file-drop.ts';
import { type ComposeSendServices, useSend } from './use-send.ts';

export interface ComposePageProps {
  t: Translate;
  language: Language;
  /** The after-first-paint chunk (address grammar, outbox notices); null for the few ms until it arrives. */
  later: ComposeLater | null;
  store: DraftStore | null;
  services: ComposeSendServices | null;
  /** Notices owned by the page around the form (storage problems), shown in the same surface. */
  outerNotices: readonly Notice[];
  /** The authorization problem, if any; its action button runs `resumeSend` (when a send was waiting on it). */
  authProblem: (resumeSend: (() => void) | undefined) => ComponentChildren;
  onHoldSeconds: (seconds: number) => void;
  /** Once the sent log shows what is stored, so what the page puts below it appears without moving anything. */
  onSentLoaded?: () => void;
  children?: ComponentChildren;
}

// Until the address grammar has loaded (a few ms after first paint), tokens are shown as typed, unjudged.
const notYetChecked: RecipientParser = () => ({ ok: false, problem: 'pending' });

function filesToAttachments(files: readonly File[]): DraftAttachment[] {
  return files.map((file) => ({
    id: crypto.randomUUID(),
    name: file.name,
    type: file.type,
    size: file.size,
    blob: file,
  }));
}

/** Ticks while a countdown is on screen (the undo window, a wait Gmail asked for). */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The compose form, the notice of the message it handed to the outbox, the outbox's other messages, the sent log. */
export function ComposePage(props: ComposePageProps) {
  const { t, language, store, services, outerNotices, authProblem, onHoldSeconds, children } = props;
  const later = props.later;
  const parse = later?.parseRecipient ?? notYetChecked;
  const outbox = services?.outbox ?? null;
  const draftState = useDraft(store, {
    isQueued: outbox ? async (id) => (await outbox.payload(id)) !== undefined : undefined,
    newMode: readBodyMode,
  });
  const rich = useRichChunk(true);
  const { draft, dispatch, restored, interrupted, dismissRestored, discard, clearAfterSend } = draftState;
  const [sendWaitsOnAuth, setSendWaitsOnAuth] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const toInput = useRef<HTMLInputElement>(null);
  const announce = (text: string) => setAnnouncement(text);

  const sending = useSend({
    services,
    parse,
    draft,
    dispatch,
    clearDraft: clearAfterSend,
    flushDraft: draftState.flush,
    announce,
    undoneText: t('outbox.undone'),
    replaceQuestion: t('outbox.edit.replace'),
    focusForm: () => toInput.current?.focus(),
    actOnEntry: later?.actOnEntry,
    describeReturned: (entry): SendFailure =>
      later
        ? later.returnedFailure(t, language, entry)
        : { messageKey: 'compose.error.unexpected', params: { detail: entry.state }, action: 'retry' },
  });
  const { local, tracked, busy, snapshot } = sending;
  const onSentLoaded = props.onSentLoaded;
  useEffect(() => {
    if (snapshot.loaded) onSentLoaded?.();
  }, [snapshot.loaded, onSentLoaded]);

  const tokens = useMemo(() => parseTokens(draft, parse), [draft, parse]);
  const duplicates = useMemo(() => findDuplicates(tokens), [tokens]);
  const recipientCount = countRecipients(tokens);
  const budget = attachmentBudget(draft.attachments.map((attachment) => attachment.size));
  const hardBlockers = budget.over ? (['attachments-too-large'] as const) : [];
  const counting = snapshot.attention.some((entry) => entry.state === 'held' || (entry.notBefore ?? 0) > Date.now());
  const now = useNow(counting);

  const addFiles = (files: readonly File[]) => {
    if (busy || files.length === 0) return;
    dispatch({ type: 'add-attachments', attachments: filesToAttachments(files) });
    if (files.some((file) => file.size >= 256 * 1024)) services?.prewarm();
    announce(t('compose.attached', { count: files.length }));
  };
  const fileDrop = useFileDrop(addFiles);

  const focusRecipients = () => {
    const invalid = document.querySelector<HTMLElement>('.token-error .token-text');
    (invalid ?? toInput.current)?.focus();
  };

  const send = () => {
    if (busy || !services) return;
    const committed = commitAllTyping(draft);
    if (committed !== draft) dispatch({ type: 'replace', draft: committed });
    const blockers = sendBlockers(parseTokens(committed, parse), budget);
    if (blockers.includes('attachments-too-large')) return;
    if (blockers.length > 0) {
      sending.fail({ messageKey: `compose.blocker.${blockers[0]}`, action: 'focus-recipients' });
      focusRecipients();
      return;
    }
    setDismissed(new Set());
    setSendWaitsOnAuth(false);
    sending.send(committed);
  };

  // A send that stopped at authorization (popup closed, access denied) is resumed by the auth notice's button.
  useEffect(() => {
    if (local.kind !== 'idle' || tracked) setSendWaitsOnAuth(false);
  }, [local, tracked]);
  const lastLocal = useRef(local.kind);
  useEffect(() => {
    if (lastLocal.current === 'authorizing' && local.kind === 'idle') setSendWaitsOnAuth(true);
    lastLocal.current = local.kind;
  }, [local]);

  const notices: Notice[] = [];
  const auth = authProblem(sendWaitsOnAuth ? send : undefined);
  if (auth) notices.push({ id: 'auth', tone: 'error', body: auth });
  notices.push(...outerNotices);
  if (restored)
    notices.push(
      restoredNotice(t, interrupted ? 'outbox.hold-interrupted' : 'draft.restored', {
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
  if (local.kind === 'authorizing')
    notices.push({
      id: 'send',
      tone: 'info',
      body: t('compose.authorizing'),
      actions: (
        <button type="button" class="secondary" onClick={sending.cancelAuthorizing}>
          {t('outbox.action.cancel')}
        </button>
      ),
    });
  if (local.kind === 'failed')
    notices.push(
      failureNotice(t, local.failure, {
        onRetry: send,
        onFocusRecipients: focusRecipients,
        onDismiss: sending.reset,
      }),
    );
  if (tracked && services && later)
    notices.push(
      later.entryNotice({
        id: 'entry',
        t,
        language,
        entry: tracked,
        view: later.describeEntry(tracked, now, snapshot.live.get(tracked.id)),
        links: services.links,
        onAction: sending.act,
      }),
    );

  const others = snapshot.attention.filter(
    (entry) => entry.id !== tracked?.id && entry.id !== sending.returnedId && entry.state !== 'held',
  );

  return (
    <>
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
        <BodyArea
          t={t}
          language={language}
          draft={draft}
          dispatch={dispatch}
          readOnly={busy}
          editor={rich?.editor ?? null}
          onProblem={announce}
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
        {rich ? (
          <rich.ComposeExtras
            t={t}
            language={language}
            editor={rich.editor}
            draft={draft}
            dispatch={dispatch}
            readOnly={busy}
            account={services?.account ?? null}
            onModeChange={saveBodyMode}
            onProblem={announce}
            replaceQuestion={t('outbox.edit.replace')}
          />
        ) : (
          <ExtrasPlaceholder t={t} mode={draft.mode} />
        )}
        {fileDrop.dragging && (
          <div class="drop-overlay" aria-hidden="true">
            {t('compose.drop')}
          </div>
        )}
        <Notices
          t={t}
          notices={notices.filter(
            (notice) => !dismissed.has(notice.id) || notice.id === 'send' || notice.id === 'entry',
          )}
          announcement={announcement}
          onDismiss={(id) => {
            if (id === 'send') sending.reset();
            else setDismissed(new Set([...dismissed, id]));
          }}
        />
        <SendBar
          t={t}
          busy={busy}
          holdSeconds={services?.holdSeconds ?? null}
          onHoldSeconds={onHoldSeconds}
          hardBlockers={hardBlockers}
        />
        {children}
      </form>
      {services && later && (
        <later.OutboxPanel
          t={t}
          language={language}
          entries={others}
          live={snapshot.live}
          now={now}
          links={services.links}
          onAction={sending.act}
        />
      )}
      {/* Painted with the form (entries come with the outbox), so nothing below the form pops in. */}
      <SentLog
        t={t}
        count={snapshot.sent.length}
        list={
          services &&
          later && <later.SentEntries t={t} language={language} entries={snapshot.sent} links={services.links} />
        }
        onClear={() => void services?.outbox.clearSentLog()}
      />
    </>
  );
}
