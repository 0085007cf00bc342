/**
 * One press of Send, from the click to the outbox: checks, the token (inside the click), the message built while
 * the undo window runs, then the outbox owns it. The form follows the entry it handed over: read-only while held
 * (Undo gives it back untouched), cleared once the outbox has it, so the next mail can be written while this one
 * uploads. Every action on an entry that may need Google's popup runs its token request synchronously in its click.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntryAction, LiveStatus } from '../../outbox/core/describe.ts';
import type { OutboxEntry } from '../../outbox/core/entry.ts';
import type { Outbox, OutboxSnapshot } from '../../outbox/outbox.ts';
import type { EntryLinks } from '../../outbox/ui/entry-notice.tsx';
import type { Draft } from '../draft.ts';
import { isEmptyDraft } from '../draft.ts';
import type { DraftAction } from '../draft-actions.ts';
import type { SendFailure } from '../failure.ts';
import type { Outgoing, OutgoingMail } from '../outgoing.ts';
import { parseTokens, type RecipientParser, type RecipientsByField } from '../recipients.ts';
import type { actOnEntry } from './entry-actions.ts';

/** What the compose page needs to send; the app wires it to the session, the builder and the outbox. */
export interface ComposeSendServices {
  /** The connected account (From, and who may send the entry). */
  account: string | null;
  /** The undo window, in seconds (0: none). */
  holdSeconds: number;
  /**
   * Call synchronously in the click: resolves with a token (opening Google's popup at most once), or returns null
   * when the browser is offline (the outbox then waits for the network, and for a token after that).
   */
  ensureToken(): Promise<unknown> | null;
  /** Gives up on a popup that is still open (Cancel while authorizing). */
  cancelTokenRequest(): void;
  build(mail: OutgoingMail): Promise<Blob>;
  /** Starts the builder's worker ahead of a large send (a big file was attached), so Send does not wait for it. */
  prewarm(): void;
  /** A token failure to show, or null when it needs no message (the popup closed, an auth notice explains). */
  describeTokenError(error: unknown): SendFailure | null;
  describeBuildError(error: unknown): SendFailure;
  /** The message and its summary for a checked draft, with a new Message-ID (in the services: off the first load). */
  prepare(draft: Draft, recipients: RecipientsByField): Outgoing & { messageId: string };
  outbox: Outbox;
  links: EntryLinks;
}

/** The form's own state; the message it handed to the outbox is followed apart (`tracked`). */
export type LocalSend = { kind: 'idle' } | { kind: 'authorizing' } | { kind: 'failed'; failure: SendFailure };

const emptySnapshot: OutboxSnapshot = { attention: [], sent: [], live: new Map<string, LiveStatus>(), loaded: false };

export function useOutboxSnapshot(outbox: Outbox | null | undefined): OutboxSnapshot {
  const [snapshot, setSnapshot] = useState<OutboxSnapshot>(() => outbox?.snapshot() ?? emptySnapshot);
  useEffect(() => {
    if (!outbox) return;
    setSnapshot(outbox.snapshot());
    return outbox.subscribe(setSnapshot);
  }, [outbox]);
  return snapshot;
}

export interface SendState {
  local: LocalSend;
  /** The entry the form follows, once handed to the outbox. */
  tracked: OutboxEntry | null;
  /** The form is read-only: authorizing, or held for the undo window. */
  busy: boolean;
  snapshot: OutboxSnapshot;
  /** Send this checked draft (call in the click). */
  send(draft: Draft): void;
  /** An entry action from the notice or the outbox panel (call in the click). */
  act(action: EntryAction, entry: OutboxEntry): void;
  cancelAuthorizing(): void;
  fail(failure: SendFailure): void;
  /** Clears the form's own notice (a failure it showed). */
  reset(): void;
  /** Stops following the message handed to the outbox (its notice goes; the outbox panel still lists it). */
  untrack(): void;
  /** The entry that came back to the form: it leaves the outbox, and is not listed there meanwhile. */
  returnedId: string | null;
}

export interface SendHookOptions {
  /**
   * Words a message the outbox gave back (Gmail refused it, or it was cancelled before it left) as the form's own
   * failure: the message is back in the form, and this says why.
   */
  describeReturned(entry: OutboxEntry): SendFailure;
  /** What an entry's buttons do (entry-actions.ts, in the after-paint chunk; its buttons come with it). */
  actOnEntry: typeof actOnEntry | undefined;
  services: ComposeSendServices | null;
  parse: RecipientParser;
  draft: Draft;
  dispatch: (action: DraftAction) => void;
  /** The outbox has the message: forget the draft and start an empty one. */
  clearDraft(): Promise<void>;
  /** Write the draft now (it carries the outbox marker while held). */
  flushDraft(): void;
  /** Said once, politely (screen readers). */
  announce(text: string): void;
  undoneText: string;
  replaceQuestion: string;
  focusForm(): void;
}

export function useSend(options: SendHookOptions): SendState {
  const { services, parse, draft, dispatch } = options;
  const snapshot = useOutboxSnapshot(services?.outbox);
  const [local, setLocal] = useState<LocalSend>({ kind: 'idle' });
  const [trackedId, setTrackedId] = useState<string | null>(null);
  const cleared = useRef<string | null>(null);
  const returned = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;

  const tracked = useMemo(() => {
    if (!trackedId) return null;
    return (
      snapshot.attention.find((entry) => entry.id === trackedId) ??
      snapshot.sent.find((entry) => entry.id === trackedId) ??
      null
    );
  }, [trackedId, snapshot]);

  // The outbox took the message (it left `held`): the form starts over, once.
  useEffect(() => {
    if (!tracked || tracked.state === 'held' || cleared.current === tracked.id) return;
    cleared.current = tracked.id;
    void latest.current.clearDraft();
  }, [tracked]);

  // Refused by Gmail, or cancelled before it left: nothing went, so the message comes back to the form (when the
  // person has not started another) with the reason, and leaves the outbox. "Not sure" never comes back by itself.
  useEffect(() => {
    if (!tracked || !services || (tracked.state !== 'failed' && tracked.state !== 'cancelled')) return;
    if (returned.current === tracked.id || !isEmptyDraft(latest.current.draft)) return;
    returned.current = tracked.id;
    const entry = tracked;
    void services.outbox.payload(entry.id).then(async (payload) => {
      const draft = payload?.draft as Draft | undefined;
      if (!draft || !isEmptyDraft(latest.current.draft)) return;
      dispatch({ type: 'replace', draft: { ...draft, outboxId: undefined } });
      setLocal({ kind: 'failed', failure: latest.current.describeReturned(entry) });
      setTrackedId(null);
      await services.outbox.discard(entry.id);
    });
  }, [tracked, services]);

  // A "sent" notice must not make the next mail look sent: it goes when a new mail is started.
  const sentId = tracked?.state === 'sent' ? tracked.id : null;
  const startedAfterSend = useRef(false);
  useEffect(() => {
    startedAfterSend.current = false;
  }, [sentId]);
  useEffect(() => {
    if (!sentId || isEmptyDraft(draft)) return;
    if (startedAfterSend.current) return;
    startedAfterSend.current = true;
    setTrackedId(null);
  }, [draft, sentId]);

  const withToken = (then: () => void) => {
    const token = services?.ensureToken() ?? null;
    if (!token) {
      then();
      return;
    }
    token.then(then, (error: unknown) => {
      const failure = services?.describeTokenError(error) ?? null;
      if (failure) setLocal({ kind: 'failed', failure });
    });
  };

  function send(committed: Draft): void {
    if (!services || local.kind === 'authorizing' || tracked?.state === 'held') return;
    const { outbox, account } = services;
    setLocal({ kind: 'authorizing' });
    // No await before this: the token request must stay inside the click.
    const token = services.ensureToken();
    const { mail, summary, messageId } = services.prepare(committed, parseTokens(committed, parse));
    const built = services.build(mail);
    built.catch(() => undefined);
    const hold = () => {
      const { id } = outbox.hold({
        messageId,
        summary,
        origin: { kind: 'compose' },
        account,
        holdMs: services.holdSeconds * 1000,
        message: built,
        draft: committed,
      });
      dispatch({ type: 'replace', draft: { ...committed, outboxId: id } });
      latest.current.flushDraft();
      setLocal({ kind: 'idle' });
      setTrackedId(id);
      built.catch((error: unknown) => {
        dispatch({ type: 'replace', draft: committed });
        setTrackedId(null);
        setLocal({ kind: 'failed', failure: services.describeBuildError(error) });
      });
    };
    if (!token) {
      hold();
      return;
    }
    token.then(hold, (error: unknown) => {
      const failure = services.describeTokenError(error);
      setLocal(failure ? { kind: 'failed', failure } : { kind: 'idle' });
    });
  }

  function act(action: EntryAction, entry: OutboxEntry): void {
    const { actOnEntry } = latest.current;
    if (!services || !actOnEntry) return;
    const options = latest.current;
    actOnEntry(
      {
        outbox: services.outbox,
        withToken,
        dispatch,
        draft: () => latest.current.draft,
        trackedId,
        track: setTrackedId,
        idle: () => setLocal({ kind: 'idle' }),
        announce: options.announce,
        undoneText: options.undoneText,
        replaceQuestion: options.replaceQuestion,
        focusForm: options.focusForm,
      },
      action,
      entry,
    );
  }

  return {
    local,
    tracked,
    busy: local.kind === 'authorizing' || tracked?.state === 'held',
    snapshot,
    send,
    act,
    cancelAuthorizing() {
      services?.cancelTokenRequest();
      setLocal({ kind: 'idle' });
    },
    fail: (failure) => setLocal({ kind: 'failed', failure }),
    reset: () => setLocal({ kind: 'idle' }),
    untrack: () => setTrackedId(null),
    returnedId: returned.current,
  };
}
