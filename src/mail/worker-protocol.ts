import { buildMessage } from './build.ts';
import { MailError, type MailErrorRecord } from './errors.ts';
import type { MessageDraft } from './types.ts';

/** Page -> worker. `now` is fixed by the page so the Date header is the moment Send was pressed. */
export interface BuildRequest {
  draft: MessageDraft;
  now: number;
  messageIdDomain?: string;
}

/** Worker -> page. Typed builder errors cross as records and are rebuilt as classes on the page side. */
export type BuildResponse =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: MailErrorRecord }
  | { ok: false; unexpected: string };

/** What the worker does with one request: build, and hand the output buffer over (transferred, not copied). */
export function handleBuildRequest(request: BuildRequest): { response: BuildResponse; transfer: ArrayBuffer[] } {
  try {
    const options = {
      now: new Date(request.now),
      ...(request.messageIdDomain ? { messageIdDomain: request.messageIdDomain } : {}),
    };
    const bytes = buildMessage(request.draft, options);
    return { response: { ok: true, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
  } catch (error) {
    if (error instanceof MailError) return { response: { ok: false, error: error.toRecord() }, transfer: [] };
    return { response: { ok: false, unexpected: String(error) }, transfer: [] };
  }
}
