/**
 * One send, from the click to an outcome: token (inside the click), message bytes, transport, result.
 * Plain TypeScript over injected services, so every branch is tested with fakes; the UI renders `SendPhase`.
 *
 * Two promises this module keeps: a second Send while one is under way does nothing, and nothing is ever sent
 * twice by itself. "Reconnect and send" and "Send again" reuse the exact bytes already built (same Message-ID),
 * so even a deliberate resend after an uncertain outcome is recognisable as the same message.
 */
import type { SendFailure, SendPhase } from './send-phase.ts';
import { isSendBusy } from './send-phase.ts';

/** What the transport (src/gmail) reports; a structural copy so this module stays free of gapi. */
export type TransportOutcome =
  | { kind: 'sent'; id: string; threadId?: string }
  | { kind: 'needs-reauth' }
  | { kind: 'uncertain' }
  | {
      kind: 'stopped';
      code: string;
      field?: string;
      resumeAt?: number;
      message?: string;
      sizeBytes?: number;
      limitBytes?: number;
    }
  | { kind: 'cancelled' };

export interface TransportOptions {
  signal: AbortSignal;
  onProgress(sent: number, total: number): void;
  onWait(info: { until: number; attempt: number }): void;
}

export interface SendServices<Source> {
  /** Must be called synchronously inside the click (GIS opens its popup only from a user gesture). */
  ensureToken(): Promise<string>;
  /** Builds the message bytes; may load the builder lazily. Throws typed errors mapped by `describeBuildError`. */
  build(source: Source, signal: AbortSignal): Promise<Uint8Array>;
  transport(bytes: Uint8Array, options: TransportOptions): Promise<TransportOutcome>;
  messageLink(messageId: string): string;
  sentFolderLink(): string;
  /** Gives up on a token popup that is still open (Cancel pressed while authorizing). */
  cancelTokenRequest?(): void;
  /** Maps a token failure to a failure to show, or null when it needs no message (popup closed by the user). */
  describeTokenError(error: unknown): SendFailure | null;
  describeBuildError(error: unknown): SendFailure;
  describeStop(outcome: Extract<TransportOutcome, { kind: 'stopped' }>): SendFailure;
}

export type SendResult =
  | { kind: 'sent'; messageId: string; link: string }
  | { kind: 'not-sent' }
  /** Another send was already under way: this press did nothing. */
  | { kind: 'ignored' };

export interface SendFlow<Source> {
  /** Call synchronously from the click or shortcut handler. */
  start(source: Source): Promise<SendResult>;
  /** "Reconnect and send" / "Send again": same bytes when the source is unchanged. Call inside the click. */
  resend(source: Source): Promise<SendResult>;
  cancel(): void;
  /** Back to idle after the user dismissed a result. */
  reset(): void;
  phase(): SendPhase;
}

export function createSendFlow<Source>(
  services: SendServices<Source>,
  onPhase: (phase: SendPhase) => void,
): SendFlow<Source> {
  let phase: SendPhase = { kind: 'idle' };
  let controller: AbortController | null = null;
  // The bytes of the last attempt and what they were built from, for a resend of exactly the same message.
  let built: { source: Source; bytes: Uint8Array } | null = null;

  const setPhase = (next: SendPhase) => {
    phase = next;
    onPhase(next);
  };

  const fail = (failure: SendFailure | null): SendResult => {
    setPhase(failure ? { kind: 'failed', failure } : { kind: 'idle' });
    return { kind: 'not-sent' };
  };

  async function run(source: Source): Promise<SendResult> {
    if (isSendBusy(phase)) return { kind: 'ignored' };
    const abort = new AbortController();
    controller = abort;
    setPhase({ kind: 'authorizing' });
    // No await before this line: the token request must stay inside the user's click.
    const token = services.ensureToken();
    const reuse = built && built.source === source ? built.bytes : null;
    const bytesPromise = reuse ? Promise.resolve(reuse) : services.build(source, abort.signal);
    // Both run at once: building large attachments overlaps the popup. Handle both rejections to avoid noise.
    bytesPromise.catch(() => undefined);

    try {
      await token;
    } catch (error) {
      controller = null;
      return fail(services.describeTokenError(error));
    }
    if (abort.signal.aborted) return cancelled();

    setPhase({ kind: 'preparing' });
    let bytes: Uint8Array;
    try {
      bytes = await bytesPromise;
    } catch (error) {
      controller = null;
      if (abort.signal.aborted) return cancelled();
      return fail(services.describeBuildError(error));
    }
    built = { source, bytes };
    if (abort.signal.aborted) return cancelled();

    setPhase({ kind: 'uploading', sentBytes: 0, totalBytes: bytes.length });
    let outcome: TransportOutcome;
    try {
      outcome = await services.transport(bytes, {
        signal: abort.signal,
        onProgress: (sentBytes, totalBytes) => setPhase({ kind: 'uploading', sentBytes, totalBytes }),
        onWait: ({ until, attempt }) => setPhase({ kind: 'waiting', until, attempt }),
      });
    } catch (error) {
      // The transport reports failures as outcomes; an exception is a bug, and the mail may have gone.
      controller = null;
      setPhase({ kind: 'uncertain', sentFolderLink: services.sentFolderLink() });
      console.error('send transport threw', error);
      return { kind: 'not-sent' };
    }
    controller = null;

    switch (outcome.kind) {
      case 'sent': {
        built = null;
        const link = services.messageLink(outcome.id);
        setPhase({ kind: 'sent', messageId: outcome.id, link });
        return { kind: 'sent', messageId: outcome.id, link };
      }
      case 'needs-reauth':
        setPhase({ kind: 'needs-reauth' });
        return { kind: 'not-sent' };
      case 'uncertain':
        setPhase({ kind: 'uncertain', sentFolderLink: services.sentFolderLink() });
        return { kind: 'not-sent' };
      case 'cancelled':
        return cancelled();
      case 'stopped':
        return fail(services.describeStop(outcome));
    }
  }

  function cancelled(): SendResult {
    controller = null;
    setPhase({ kind: 'cancelled' });
    return { kind: 'not-sent' };
  }

  return {
    start: (source) => {
      if (!isSendBusy(phase)) built = null;
      return run(source);
    },
    resend: run,
    cancel() {
      if (phase.kind === 'authorizing') services.cancelTokenRequest?.();
      controller?.abort();
    },
    reset() {
      if (!isSendBusy(phase)) setPhase({ kind: 'idle' });
    },
    phase: () => phase,
  };
}
