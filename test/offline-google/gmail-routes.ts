/**
 * The Gmail API double for users.messages.send: the JSON path and the three upload protocols (uploads guide,
 * https://developers.google.com/workspace/gmail/api/guides/uploads). Transport faults strike first; answer faults
 * only after the request passed authorization, as behind Google's front end.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as errors from './errors.ts';
import { acceptMessage, decodeRaw } from './gmail-send.ts';
import { bearerToken, readBody, readBodyUntilDrop, sendError, sendJson, severMidResponse, sleep } from './http.ts';
import { type OfflineGoogleState, UPLOAD_MAX_SIZE, UPLOAD_SESSION_LIFETIME_MS, type UploadSession } from './state.ts';
import type { FaultRoute, FaultSpec, SentMessage, TestAccount } from './types.ts';
import { SEND_UNITS } from './user-quota.ts';

/** Discovery `scopes` of gmail.users.messages.send. */
export const SEND_SCOPES = [
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  'https://www.googleapis.com/auth/gmail.compose',
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/gmail.send',
];
const SEND_METHOD = 'caribou.api.proto.MailboxService.SendMessage';
const CHUNK_GRANULARITY = 256 * 1024;

export const sendPath = /^\/(upload\/|resumable\/upload\/)?gmail\/v1\/users\/([^/]+)\/messages\/send$/;

export interface Outcome {
  status: number | 'dropped';
}

type Account = Required<TestAccount>;

function authorize(state: OfflineGoogleState, req: IncomingMessage, url: URL): Account | errors.GoogleError {
  const value = bearerToken(req, url);
  if (!value) return errors.missingCredentials();
  const token = state.validToken(value);
  if (!token) return errors.invalidCredentials();
  if (!SEND_SCOPES.some((scope) => token.scopes.has(scope))) return errors.insufficientScopes(SEND_SCOPES, SEND_METHOD);
  return state.findAccount(token.email) ?? errors.invalidCredentials();
}

/** Charges one `messages.send` against the per-user quota when it is enforced; its answer when over. */
function chargeSend(state: OfflineGoogleState, req: IncomingMessage, url: URL, account: Account) {
  if (!state.userQuota) return null;
  const clientId = state.validToken(bearerToken(req, url) ?? '')?.clientId ?? '';
  return state.userQuota.charge(clientId, account.email, SEND_UNITS, state.now());
}

function checkUserId(account: Account, userId: string): errors.GoogleError | null {
  if (userId === 'me' || userId.toLowerCase() === account.email.toLowerCase()) return null;
  return errors.delegationDenied(account.email);
}

/** The answer a status-type fault stands for, or null for faults that change the transport instead. */
function faultError(state: OfflineGoogleState, fault: FaultSpec): errors.GoogleError | null {
  switch (fault.kind) {
    case 'unauthorized':
      return errors.invalidCredentials();
    case 'forbidden':
      return errors.usageLimit(fault.reason);
    case 'tooManyRequests': {
      const iso =
        fault.retryAfterIso === 'auto'
          ? new Date(state.now() + 15 * 60_000).toISOString()
          : (fault.retryAfterIso ?? null);
      return errors.tooManyRequests(iso, fault.retryAfterHeaderSeconds ?? null);
    }
    case 'serverError':
      return errors.serverError(fault.status);
    default:
      return null;
  }
}

/** What happens to the answer once Gmail has accepted (recorded) the message. */
export type AfterAccept = { kind: 'answer' } | { kind: 'drop' } | { kind: 'error'; error: errors.GoogleError };

const answerNormally: AfterAccept = { kind: 'answer' };

function reply(res: ServerResponse, message: SentMessage, after: AfterAccept): Outcome {
  if (after.kind === 'drop') {
    // Gmail accepted and recorded the message; the answer is lost on the way back.
    severMidResponse(res.socket);
    return { status: 'dropped' };
  }
  // Accepted, then a 5xx (a gateway timeout after the backend finished): the message is out, the client is told
  // "server error". Only the record in the outbox says it was sent.
  if (after.kind === 'error') return fail(res, after.error);
  sendJson(res, 200, { id: message.id, threadId: message.threadId, labelIds: message.labelIds });
  return { status: 200 };
}

function fail(res: ServerResponse, error: errors.GoogleError): Outcome {
  sendError(res, error);
  return { status: error.status };
}

const transportFaults = new Set<FaultSpec['kind']>(['dropBeforeBody', 'delay', 'uploadDrop']);

/** Entry point for every request on a send path. */
export async function handleSend(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  match: RegExpExecArray,
  /** The origin this request reached (the upload session URI stays on it). */
  selfOrigin: string,
): Promise<Outcome> {
  const isUpload = Boolean(match[1]);
  const route: FaultRoute = isUpload ? 'upload' : 'send';
  const uploadType = url.searchParams.get('uploadType');
  const uploadId = url.searchParams.get('upload_id');
  const carriesMedia = isUpload && (uploadId !== null || uploadType === 'media' || uploadType === 'multipart');
  const fault = state.peekFault(route, (spec) => {
    if (spec.kind === 'uploadDrop') return carriesMedia;
    if (spec.kind === 'sessionGone') return uploadId !== null;
    return true;
  });
  // The network fails before anything is checked; answers from behind the front end come after authorization.
  const transport = fault && transportFaults.has(fault.kind) ? fault : null;
  if (transport) state.consumeFault(transport);
  if (transport?.kind === 'dropBeforeBody') {
    // Nothing of the request is kept; the page only sees the connection die.
    severMidResponse(req.socket);
    return { status: 'dropped' };
  }
  if (transport?.kind === 'delay') await sleep(transport.ms);
  const dropPercent = transport?.kind === 'uploadDrop' ? transport.afterPercent : null;
  /** Called once the request passed authorization: uses up the pending answer fault, if any. */
  const answerFault = (): { forced: errors.GoogleError | null; after: AfterAccept; gone: boolean } => {
    if (!fault || transport) return { forced: null, after: answerNormally, gone: false };
    state.consumeFault(fault);
    const after: AfterAccept =
      fault.kind === 'dropAfterAccept'
        ? { kind: 'drop' }
        : fault.kind === 'serverErrorAfterAccept'
          ? { kind: 'error', error: errors.serverError(fault.status) }
          : answerNormally;
    return { forced: faultError(state, fault), after, gone: fault.kind === 'sessionGone' };
  };

  if (uploadId !== null && req.method === 'PUT') {
    // The session URI is the credential for chunks (uploads guide), so there is no token to check first.
    return resumableChunk(state, req, res, uploadId, { ...answerFault(), dropPercent });
  }
  if (req.method !== 'POST') return fail(res, errors.notFound('Method not allowed on this path.'));

  const limit = isUpload ? UPLOAD_MAX_SIZE : state.jsonBodyLimit;
  if (dropPercent !== null) {
    const length = Number(req.headers['content-length'] ?? 0);
    await readBodyUntilDrop(req, Math.floor((length * dropPercent) / 100));
    return { status: 'dropped' };
  }
  const { body, total, overLimit } = await readBody(req, limit);
  if (overLimit) {
    if (isUpload) return fail(res, errors.uploadTooLarge(UPLOAD_MAX_SIZE));
    // The JSON path has no documented limit; Google's front end answers 413 "Request Entity Too Large" as an HTML
    // page (google-api-go-client#374), which gapi surfaces with `result: false`.
    res.writeHead(413, { 'Content-Type': 'text/html; charset=UTF-8' });
    res.end(
      `<!DOCTYPE html><title>Error 413 (Request Entity Too Large)!!1</title><p><b>413.</b> That’s an error.<p>Your client issued a request that was too large (${total} bytes).`,
    );
    return { status: 413 };
  }
  // Google's front end checks the credential before any backend answers (the 401 of an expired token arrives
  // even while Gmail is overloaded), so a bad token never meets an injected 503 and leaves it pending.
  const account = authorize(state, req, url);
  if (!('email' in account)) return fail(res, account);
  // The per-user quota is the front end's too: after the credential (it is per user), before any backend answer,
  // so an accepted request that then meets an injected 5xx has spent its units. One `messages.send` call is the
  // POST (JSON, media, multipart, or the start of a resumable session); its chunks are not calls.
  const overQuota = chargeSend(state, req, url, account);
  if (overQuota) return fail(res, overQuota);
  const { forced, after } = answerFault();
  if (forced) return fail(res, forced);
  const denied = checkUserId(account, decodeURIComponent(match[2] ?? ''));
  if (denied) return fail(res, denied);

  if (!isUpload) return jsonSend(state, res, account, body, after);
  if (uploadType === 'media') return mediaSend(state, req, res, account, body, after);
  if (uploadType === 'multipart') return multipartSend(state, req, res, account, body, after);
  if (uploadType === 'resumable') return resumableStart(state, req, res, url, selfOrigin, account, body);
  return fail(res, errors.badRequest(`Invalid upload protocol: uploadType=${uploadType ?? ''}`));
}

async function jsonSend(
  state: OfflineGoogleState,
  res: ServerResponse,
  account: Account,
  body: Buffer,
  after: AfterAccept,
): Promise<Outcome> {
  let json: unknown;
  try {
    json = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch (error) {
    return fail(res, errors.badRequest(`Invalid JSON payload received. ${(error as Error).message}`));
  }
  const message = (json ?? {}) as { raw?: unknown; threadId?: unknown };
  if (typeof message.raw !== 'string' || message.raw === '') return fail(res, errors.missingRaw());
  const raw = decodeRaw(message.raw, state.acceptStandardBase64);
  if (!raw) return fail(res, errors.base64DecodingFailed(message.raw));
  const threadId = typeof message.threadId === 'string' ? message.threadId : undefined;
  const result = await acceptMessage(state, account, raw, threadId ? { threadId } : {}, 'json');
  return result.ok ? reply(res, result.message, after) : fail(res, result.error);
}

function mediaTypeError(type: string): errors.GoogleError {
  return errors.badRequest(`Media type '${type}' is not supported. Valid media types: [message/*]`);
}

async function mediaSend(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  account: Account,
  body: Buffer,
  after: AfterAccept,
): Promise<Outcome> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!type.startsWith('message/')) return fail(res, mediaTypeError(type));
  const result = await acceptMessage(state, account, body, {}, 'media');
  return result.ok ? reply(res, result.message, after) : fail(res, result.error);
}

interface Part {
  headers: Record<string, string>;
  body: Buffer;
}

/** multipart/related with "exactly two parts": metadata JSON first, then the message (uploads guide). */
function splitMultipart(body: Buffer, boundary: string): Part[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) return null;
  for (;;) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) return null;
    let chunk = body.subarray(start, next);
    chunk = chunk.subarray(chunk[0] === 13 ? 2 : 1);
    if (chunk.subarray(-2).toString() === '\r\n') chunk = chunk.subarray(0, -2);
    else if (chunk.subarray(-1).toString() === '\n') chunk = chunk.subarray(0, -1);
    const split = /\r?\n\r?\n/.exec(chunk.toString('latin1'));
    const headerText = split ? chunk.subarray(0, split.index).toString('latin1') : '';
    const headers: Record<string, string> = {};
    for (const line of headerText.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: split ? chunk.subarray(split.index + split[0].length) : chunk });
    position = next;
  }
  return parts;
}

async function multipartSend(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  account: Account,
  body: Buffer,
  after: AfterAccept,
): Promise<Outcome> {
  const contentType = req.headers['content-type'] ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\/related/i.test(contentType) || !boundary) {
    return fail(res, errors.badRequest('Invalid multipart request with 0 mime parts.'));
  }
  const parts = splitMultipart(body, boundary);
  if (parts?.length !== 2) {
    return fail(res, errors.badRequest(`Invalid multipart request with ${parts?.length ?? 0} mime parts.`));
  }
  let metadata: { threadId?: string } = {};
  try {
    const text = parts[0]!.body.toString('utf8').trim();
    metadata = text ? (JSON.parse(text) as { threadId?: string }) : {};
  } catch (error) {
    return fail(res, errors.badRequest(`Invalid JSON payload received. ${(error as Error).message}`));
  }
  const media = parts[1]!;
  const type = (media.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!type.startsWith('message/')) return fail(res, mediaTypeError(type));
  // Some generated clients base64 the media part (Content-Transfer-Encoding: base64).
  const raw = /base64/i.test(media.headers['content-transfer-encoding'] ?? '')
    ? Buffer.from(media.body.toString('latin1').replace(/\s+/g, ''), 'base64')
    : media.body;
  if (raw.length > UPLOAD_MAX_SIZE) return fail(res, errors.uploadTooLarge(UPLOAD_MAX_SIZE));
  const threadId = typeof metadata.threadId === 'string' ? metadata.threadId : undefined;
  const result = await acceptMessage(state, account, raw, threadId ? { threadId } : {}, 'multipart');
  return result.ok ? reply(res, result.message, after) : fail(res, result.error);
}

function resumableStart(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  selfOrigin: string,
  account: Account,
  body: Buffer,
): Outcome {
  const declared = req.headers['x-upload-content-length'];
  const declaredLength = declared === undefined ? null : Number(declared);
  if (declaredLength !== null && (!Number.isFinite(declaredLength) || declaredLength < 0)) {
    return fail(res, errors.badRequest('Invalid X-Upload-Content-Length header.'));
  }
  if (declaredLength !== null && declaredLength > UPLOAD_MAX_SIZE)
    return fail(res, errors.uploadTooLarge(UPLOAD_MAX_SIZE));
  const declaredType = String(req.headers['x-upload-content-type'] ?? '');
  if (declaredType && !declaredType.toLowerCase().startsWith('message/'))
    return fail(res, mediaTypeError(declaredType));
  let metadata: { threadId?: string } = {};
  try {
    const text = body.toString('utf8').trim();
    metadata = text ? (JSON.parse(text) as { threadId?: string }) : {};
  } catch (error) {
    return fail(res, errors.badRequest(`Invalid JSON payload received. ${(error as Error).message}`));
  }
  const session: UploadSession = {
    id: `ABPtcP${randomBytes(18).toString('base64url')}`,
    email: account.email,
    declaredLength,
    metadata: typeof metadata.threadId === 'string' ? { threadId: metadata.threadId } : {},
    received: Buffer.alloc(0),
    createdAtMs: state.now(),
    gone: false,
  };
  state.sessions.set(session.id, session);
  const location = new URL(url.pathname, selfOrigin);
  location.searchParams.set('uploadType', 'resumable');
  location.searchParams.set('upload_id', session.id);
  res.writeHead(200, { Location: location.href, 'X-GUploader-UploadID': session.id, 'Content-Length': '0' });
  res.end();
  return { status: 200 };
}

interface ChunkFaults {
  forced: errors.GoogleError | null;
  after: AfterAccept;
  dropPercent: number | null;
  gone: boolean;
}

function incomplete(res: ServerResponse, session: UploadSession): Outcome {
  // 308 "Resume Incomplete"; Google's servers write the persisted range as `bytes=0-N`, none when nothing arrived.
  const headers: Record<string, string> = { 'Content-Length': '0' };
  if (session.received.length > 0) headers.Range = `bytes=0-${session.received.length - 1}`;
  res.writeHead(308, headers);
  res.end();
  return { status: 308 };
}

const sessionResults = new WeakMap<UploadSession, SentMessage>();

async function resumableChunk(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  uploadId: string,
  faults: ChunkFaults,
): Promise<Outcome> {
  const session = state.sessions.get(uploadId);
  if (!session) {
    await readBody(req, 0);
    return fail(res, errors.notFound('No such upload session.'));
  }
  if (faults.gone) session.gone = true;
  if (session.gone || state.now() - session.createdAtMs >= UPLOAD_SESSION_LIFETIME_MS) {
    await readBody(req, 0);
    session.gone = true;
    const gone = errors.notFound('The upload session has expired.');
    return fail(res, { ...gone, status: 410, body: { error: { ...gone.body.error, code: 410, status: 'NOT_FOUND' } } });
  }
  const range = req.headers['content-range'];
  const parsed = range ? /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(range.trim()) : null;
  if (range && !parsed) {
    await readBody(req, 0);
    return fail(res, errors.badRequest(`Invalid Content-Range header: ${range}`));
  }
  const total = parsed?.[3] && parsed[3] !== '*' ? Number(parsed[3]) : null;
  if (faults.dropPercent !== null) {
    const length = Number(req.headers['content-length'] ?? 0);
    const got = await readBodyUntilDrop(req, Math.floor((length * faults.dropPercent) / 100));
    const start = parsed?.[1] ? Number(parsed[1]) : 0;
    if (start <= session.received.length) {
      // What a resumable server persists is in whole 256 KiB units; the torn tail is lost.
      const kept = session.received.subarray(0, start);
      const keepable = Math.floor((kept.length + got.length) / CHUNK_GRANULARITY) * CHUNK_GRANULARITY;
      session.received = Buffer.concat([kept, got]).subarray(0, Math.max(keepable, kept.length));
    }
    return { status: 'dropped' };
  }
  const { body } = await readBody(req, UPLOAD_MAX_SIZE + 1);
  if (faults.forced) return fail(res, faults.forced);

  const done = sessionResults.get(session);
  if (parsed && parsed[1] === undefined) {
    // Status query `bytes */total`: 308 with what was persisted, or the final answer again when complete.
    if (done) return reply(res, done, answerNormally);
    return incomplete(res, session);
  }
  if (done) return reply(res, done, answerNormally);
  const start = parsed?.[1] ? Number(parsed[1]) : 0;
  const end = parsed?.[2] ? Number(parsed[2]) : body.length - 1;
  if (start > session.received.length || end - start + 1 !== body.length) {
    return fail(
      res,
      errors.badRequest(
        `Invalid Content-Range: bytes ${start}-${end} does not follow the ${session.received.length} bytes received.`,
      ),
    );
  }
  const finalLength = total ?? (range ? null : body.length);
  if ((finalLength ?? 0) > UPLOAD_MAX_SIZE || start + body.length > UPLOAD_MAX_SIZE) {
    return fail(res, errors.uploadTooLarge(UPLOAD_MAX_SIZE));
  }
  session.received = Buffer.concat([session.received.subarray(0, start), body]);
  if (finalLength === null || session.received.length < finalLength) {
    // googleapis.dart resumable_media_uploader: only the last chunk may be shorter than a 256 KiB multiple.
    if (body.length % CHUNK_GRANULARITY !== 0) {
      session.received = session.received.subarray(0, start);
      return fail(
        res,
        errors.badRequest(
          `Invalid request. The number of bytes uploaded is required to be a multiple of ${CHUNK_GRANULARITY}, except for the final request. The received request contained ${body.length} bytes.`,
        ),
      );
    }
    return incomplete(res, session);
  }
  const account = state.findAccount(session.email);
  if (!account) return fail(res, errors.invalidCredentials());
  const result = await acceptMessage(state, account, session.received, session.metadata, 'resumable');
  if (!result.ok) return fail(res, result.error);
  sessionResults.set(session, result.message);
  return reply(res, result.message, faults.after);
}
