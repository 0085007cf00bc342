/**
 * Wires the compose page's send flow to the real modules: the token session (src/auth), the message builder
 * (src/mail, loaded on the first Send) and the Gmail sender (src/gmail, loaded on the first Send).
 * The access token passes through here only as a value handed from the session to the sender; it is never stored.
 */
import { TokenRequestError, type TokenSession } from '../auth/index.ts';
import type { Draft } from '../compose/draft.ts';
import { parseRecipient } from '../compose/recipient-parser.ts';
import type { SendServices } from '../compose/send-flow.ts';
import type { SendFailure } from '../compose/send-phase.ts';
import type { AppConfig } from '../config.ts';
import type { GapiLike } from '../gmail/gapi-client.ts';
import type { SendOutcome } from '../gmail/sender.ts';
import { gmailSentFolderLink, gmailWebLink } from '../gmail/web-link.ts';
import { formatBytes, formatDateTime } from '../i18n/format.ts';
import type { Language } from '../i18n/language.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Mailbox, MessageDraft } from '../mail/types.ts';

export interface SendServicesDeps {
  config: AppConfig;
  session: TokenSession;
  t: Translate;
  language: Language;
  /** The connected account's address, for From and for links that open the right Gmail account. */
  email: string | null;
}

function mailboxes(tokens: readonly string[]): Mailbox[] {
  return tokens.flatMap((text) => {
    const parsed = parseRecipient(text);
    return parsed.ok ? [parsed.mailbox] : [];
  });
}

/** The compose draft as the builder's input; attachments are read from their Blobs only now, at send time. */
export async function toMessageDraft(draft: Draft, from: string | null): Promise<MessageDraft> {
  const attachments = await Promise.all(
    draft.attachments.map(async (attachment) => ({
      filename: attachment.name,
      contentType: attachment.type,
      data: new Uint8Array(await attachment.blob.arrayBuffer()),
    })),
  );
  return {
    ...(from ? { from: { address: from } } : {}),
    to: mailboxes(draft.to.tokens),
    cc: mailboxes(draft.cc.tokens),
    bcc: mailboxes(draft.bcc.tokens),
    subject: draft.subject,
    text: draft.body,
    attachments,
  };
}

const retryable = new Set(['server-error', 'offline', 'upload-stalled', 'rate-limited', 'client-not-ready']);
const fieldProblems = new Set(['invalid-header', 'recipient-required']);
const sizeKeys = new Set(['size', 'limit', 'reduceBy', 'sent', 'total']);

let describer: typeof import('../gmail/describe-outcome.ts') | null = null;
let mail: typeof import('../mail/index.ts') | null = null;
let mailText: typeof import('../text/mail.ts') | null = null;
let preloaded = false;

/**
 * Fetches the send-time chunks (builder, sender, their wording) once the page is idle, so a Send pressed later
 * works even if the connection has dropped meanwhile; on the first Send they would otherwise still be missing.
 */
function preloadSendModules(): void {
  if (preloaded) return;
  preloaded = true;
  const load = () => {
    Promise.all([
      import('../mail/index.ts').then((loaded) => {
        mail = loaded;
      }),
      import('../gmail/sender.ts'),
      import('../gmail/describe-outcome.ts').then((loaded) => {
        describer = loaded;
      }),
      import('../text/mail.ts').then((loaded) => {
        mailText = loaded;
      }),
    ]).catch(() => {
      // Offline already: a later Send says so and retries the import.
      preloaded = false;
    });
  };
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => void }).requestIdleCallback;
  if (idle) idle(load);
  else setTimeout(load, 200);
}

/** A chunk that could not be fetched (offline, or a new deploy replaced it) reads as "Gmail could not be reached". */
function isUnreachable(error: unknown): boolean {
  return (
    (typeof navigator !== 'undefined' && navigator.onLine === false) ||
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
      String(error),
    )
  );
}

const offlineStop = { kind: 'stopped', code: 'offline' } as const;

export function createSendServices({ config, session, t, language, email }: SendServicesDeps): SendServices<Draft> {
  const gmailWebRoot = config.google.gmailWebRoot;
  preloadSendModules();
  return {
    ensureToken: () => session.ensureToken(),
    cancelTokenRequest: () => session.cancel(),
    async build(draft, signal) {
      const [loaded, text, message] = await Promise.all([
        import('../mail/index.ts'),
        import('../text/mail.ts'),
        toMessageDraft(draft, email),
      ]);
      mail = loaded;
      mailText = text;
      // Large messages are encoded in a worker so the page (progress, Cancel) stays responsive.
      return loaded.buildMessageOffThread(message, signal);
    },
    async transport(bytes, options) {
      let modules: [typeof import('../gmail/sender.ts'), typeof import('../gmail/describe-outcome.ts')];
      try {
        modules = await Promise.all([import('../gmail/sender.ts'), import('../gmail/describe-outcome.ts')]);
      } catch (error) {
        if (isUnreachable(error)) return offlineStop;
        throw error;
      }
      const [{ createSender }, describe] = modules;
      describer = describe;
      // gapi's published types predate discovery documents passed as objects; the sender's narrow type is the truth.
      const gapi = (globalThis as unknown as { gapi?: GapiLike }).gapi;
      if (!gapi) return { kind: 'stopped', code: 'client-not-ready' };
      const sender = createSender({
        gapi,
        fetch: (...args) => fetch(...args),
        tokens: session,
        endpoints: { gmailApiRoot: config.google.gmailApiRoot },
        // Known offline before anything leaves: say "not reached, nothing sent", not "not sure".
        isOnline: () => navigator.onLine,
      });
      return sender.send(bytes, options);
    },
    messageLink: (id) => gmailWebLink(gmailWebRoot, email, id),
    sentFolderLink: () => gmailSentFolderLink(gmailWebRoot, email),
    describeTokenError(error) {
      // Auth failures (popup blocked, access denied…) are shown by the session's own notice with their fix; a
      // closed popup needs no message at all.
      if (error instanceof TokenRequestError) {
        return error.kind === 'not-ready' ? { messageKey: 'compose.error.no-send-service', action: 'retry' } : null;
      }
      return { messageKey: 'compose.error.unexpected', params: { detail: String(error) }, action: 'retry' };
    },
    describeBuildError(error) {
      // The builder (loaded by `build`, the only source of these errors) words its own typed errors.
      if (mail && mailText && error instanceof mail.MailError) {
        const action =
          error.code === 'mail.invalid-address' || error.code === 'mail.no-recipient' ? 'focus-recipients' : 'none';
        return { messageKey: error.code, text: mailText.formatMailError(error, language), action, code: error.code };
      }
      if (isUnreachable(error)) return { messageKey: 'gmail.stop.offline', action: 'retry', code: 'offline' };
      return { messageKey: 'compose.error.unexpected', params: { detail: String(error) }, action: 'none' };
    },
    describeStop(outcome): SendFailure {
      // Loaded by `transport`, which is the only source of a stop.
      const described = describer?.describeOutcome(outcome as SendOutcome) ?? { key: 'gmail.stop.unknown', values: {} };
      const params: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(described.values)) {
        if (typeof value === 'number' && sizeKeys.has(key)) params[key] = formatBytes(value, language);
        else if (typeof value === 'number' && key === 'resumeAt') params[key] = formatDateTime(value, language);
        else params[key] = value;
      }
      if (described.fieldKey) params.field = t(described.fieldKey);
      // "Reconnect and send" must show the consent screen: a silent renewal would bring the same grant back.
      if (outcome.code === 'insufficient-scope') session.requireConsent();
      return {
        messageKey: described.key,
        params,
        action: fieldProblems.has(outcome.code)
          ? 'focus-recipients'
          : outcome.code === 'insufficient-scope'
            ? 'reconnect-and-send'
            : retryable.has(outcome.code)
              ? 'retry'
              : 'none',
        code: outcome.code,
      };
    },
  };
}
