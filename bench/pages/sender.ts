/**
 * The real sender (src/gmail) in a page, against the offline Google: Node measures what crosses the network while
 * it sends a message on the JSON path and on the resumable-upload path.
 */
import { offlineGoogle } from '../../src/config.ts';
import { type GapiLike, initGmailClient } from '../../src/gmail/gapi-client.ts';
import type { RequestBytes } from '../../src/gmail/resumable-upload.ts';
import { type AttemptOutcome, createSender, type SendPath } from '../../src/gmail/sender.ts';
import { loadGapi } from '../../src/google/google-scripts.ts';
import { buildMessage } from '../../src/mail/index.ts';
import { benchMessage } from './harness.ts';
import { toDraft } from './ours-draft.ts';

export interface SenderRun {
  outcome: AttemptOutcome['kind'];
  path: SendPath;
  messageBytes: number;
  /** Request bodies as the sender itself reports them (onRequestBytes). */
  reported: RequestBytes[];
}

export interface SenderBench {
  init(googleOrigin: string): Promise<void>;
  /** `forceUpload` sends through the resumable upload even when the JSON path would take the message. */
  send(attachmentBytes: number, token: string, forceUpload: boolean): Promise<SenderRun>;
}

let gapi: GapiLike | null = null;
let origin = '';

const api: SenderBench = {
  async init(googleOrigin) {
    origin = googleOrigin;
    // One origin per Google host on the double (src/config.ts offlineGoogle), as the app sees it.
    const endpoints = offlineGoogle(googleOrigin);
    gapi = (await loadGapi(endpoints.gapiScriptUrl)) as unknown as GapiLike;
    await initGmailClient(gapi, { gmailApiRoot: endpoints.gmailApiRoot });
  },
  async send(attachmentBytes, token, forceUpload) {
    if (!gapi) throw new Error('init() first');
    const message = benchMessage(attachmentBytes);
    message.from = { name: 'Bench', address: 'alice@example.com' };
    const bytes = buildMessage(toDraft(message));
    const reported: RequestBytes[] = [];
    const sender = createSender({
      gapi,
      fetch: (...args) => fetch(...args),
      endpoints: { gmailApiRoot: offlineGoogle(origin).gmailApiRoot },
      onRequestBytes: (info) => reported.push(info),
      ...(forceUpload ? { jsonCapBytes: 0 } : {}),
    });
    const outcome = await sender.attempt(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      token,
      retriesSoFar: 0,
      checkpoint: async () => {},
    });
    return { outcome: outcome.kind, path: sender.pathFor(bytes.length), messageBytes: bytes.length, reported };
  },
};

(globalThis as unknown as { senderBench: SenderBench }).senderBench = api;
