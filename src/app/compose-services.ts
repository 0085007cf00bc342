/**
 * Wires the compose page's Send to the real modules: the token session (src/auth), the message builder (src/mail,
 * loaded on first use), the outbox, and Gmail links. The access token passes through here only as a promise the
 * click awaits; it is never stored.
 */
import { TokenRequestError, type TokenSession } from '../auth/index.ts';
import type { SendFailure } from '../compose/failure.ts';
import { newMessageId, type OutgoingMail, toOutgoing } from '../compose/outgoing.ts';
import type { ComposeSendServices } from '../compose/ui/use-send.ts';
import type { AppConfig } from '../config.ts';
import { loadEditor } from '../editor/load.ts';
import { gmailSentFolderLink, gmailWebLink } from '../gmail/web-link.ts';
import type { Language } from '../i18n/language.ts';
import type { Outbox } from '../outbox/outbox.ts';
import { indexedDbBackend } from '../storage/key-value.ts';

export interface ComposeServicesDeps {
  config: AppConfig;
  session: TokenSession;
  outbox: Outbox;
  language: Language;
  /** The connected account's address, for From and for links that open the right Gmail account. */
  email: string | null;
  holdSeconds: number;
}

let mail: typeof import('../mail/index.ts') | null = null;
let mailText: typeof import('../text/mail.ts') | null = null;
let preloaded = false;

/**
 * Fetches the send-time chunks (builder, sender, their wording) once the page is idle, so a Send pressed later
 * works even if the connection has dropped meanwhile: the outbox then keeps the message until the network is back.
 */
function preloadSendModules(): void {
  if (preloaded) return;
  preloaded = true;
  const load = () => {
    Promise.all([
      import('../mail/index.ts').then((loaded) => {
        mail = loaded;
      }),
      import('../text/mail.ts').then((loaded) => {
        mailText = loaded;
      }),
      import('../gmail/sender.ts'),
    ]).catch(() => {
      // Offline already: a later Send retries the import.
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

/**
 * The body as the builder takes it: a rich body becomes html, its text alternative and its pictures (inline parts
 * by cid:); the sending address's signature is added to either kind (the text part after `-- `, RFC 3676 §4.3).
 * The editor's chunk loads only when a message is rich or a signature may exist.
 */
async function withBody(message: OutgoingMail, account: string | null) {
  const { rich, noSignature, ...rest } = message;
  if (!rich && (noSignature || !account)) return rest;
  const editor = await loadEditor();
  const signature =
    account && !noSignature
      ? await editor
          .createSignatureStore(indexedDbBackend())
          .get(account)
          .catch(() => null)
      : null;
  if (!rich) {
    // A plain message stays plain, exactly as typed: only its text gains the signature.
    if (!signature) return rest;
    const signatureText = editor.htmlToText(signature.html).trim();
    return signatureText ? { ...rest, text: `${rest.text}\n\n-- \n${signatureText}` } : rest;
  }
  const parts = await editor.toMessageParts(rich, signature);
  return {
    ...rest,
    html: parts.html,
    text: parts.text,
    attachments: [...parts.inlineAttachments, ...rest.attachments],
  };
}

export function createComposeServices(deps: ComposeServicesDeps): ComposeSendServices {
  const { config, session, outbox, language, email, holdSeconds } = deps;
  const gmailWebRoot = config.google.gmailWebRoot;
  preloadSendModules();
  return {
    account: email,
    holdSeconds,
    // Offline: no popup (it could not load); the outbox waits for the network, then for a click if the token lapsed.
    ensureToken: () => (typeof navigator !== 'undefined' && navigator.onLine === false ? null : session.ensureToken()),
    cancelTokenRequest: () => session.cancel(),
    async build(message) {
      const [loaded, text] = await Promise.all([import('../mail/index.ts'), import('../text/mail.ts')]);
      mail = loaded;
      mailText = text;
      const draft = await withBody(message, email);
      // The files go to the worker as Blobs and the message comes back as one: nothing is copied or read on the
      // page, so the undo countdown and Cancel stay responsive at 25 MiB (bench: main thread during a build).
      return loaded.buildMessageBlobOffThread(draft);
    },
    prewarm() {
      void import('../mail/index.ts').then((loaded) => loaded.prewarmMessageWorker());
    },
    describeTokenError(error): SendFailure | null {
      // Auth failures (popup blocked, access denied…) are shown by the session's own notice with their fix; a
      // closed popup needs no message at all.
      if (error instanceof TokenRequestError) {
        return error.kind === 'not-ready' ? { messageKey: 'compose.error.no-send-service', action: 'retry' } : null;
      }
      return { messageKey: 'compose.error.unexpected', params: { detail: String(error) }, action: 'retry' };
    },
    describeBuildError(error): SendFailure {
      // The builder (loaded by `build`, the only source of these errors) words its own typed errors.
      if (mail && mailText && error instanceof mail.MailError) {
        const action =
          error.code === 'mail.invalid-address' || error.code === 'mail.no-recipient' ? 'focus-recipients' : 'none';
        return { messageKey: error.code, text: mailText.formatMailError(error, language), action, code: error.code };
      }
      if (isUnreachable(error)) return { messageKey: 'compose.error.offline-build', action: 'retry', code: 'offline' };
      return { messageKey: 'compose.error.unexpected', params: { detail: String(error) }, action: 'none' };
    },
    outbox,
    links: {
      message: (id) => gmailWebLink(gmailWebRoot, email, id),
      sentFolder: () => gmailSentFolderLink(gmailWebRoot, email),
    },
    prepare(draft, recipients) {
      const messageId = newMessageId(email, crypto.randomUUID());
      return { ...toOutgoing(draft, recipients, email, messageId), messageId };
    },
  };
}
