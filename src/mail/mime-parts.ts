import { wrappedBase64Length } from './base64.ts';
import { InvalidHeaderValueError } from './errors.ts';
import { assertHeaderSafe, foldHeader } from './header.ts';
import { bareId } from './header-values.ts';
import { filenameParamWords, legacyNameWords, mediaType } from './params.ts';
import { encodeQuotedPrintable } from './quoted-printable.ts';
import type { AttachmentInput, MessageDraft } from './types.ts';

/** A piece of the output: ASCII text, bytes already encoded, or bytes still to be written as MIME base64 lines. */
export type Piece = string | Uint8Array | { base64: Uint8Array };

export interface Leaf {
  headers: string;
  body: Exclude<Piece, string>;
}
export interface Multipart {
  subtype: 'mixed' | 'alternative' | 'related';
  children: Part[];
}
export type Part = Leaf | Multipart;

const utf8 = new TextEncoder();

/** RFC 5322 §2.3 / RFC 2046 §4.1.1: a text body's line breaks are CRLF, whatever the textarea gave us. */
function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** A text/* part in quoted-printable or base64, whichever is shorter (QP on a tie: it stays readable). */
function textPart(text: string, subtype: 'plain' | 'html'): Leaf {
  const bytes = utf8.encode(normalizeLineBreaks(text));
  const qp = encodeQuotedPrintable(bytes);
  const useBase64 = wrappedBase64Length(bytes.length) < qp.length;
  return {
    headers:
      foldHeader('Content-Type', [`text/${subtype};`, 'charset=UTF-8']) +
      foldHeader('Content-Transfer-Encoding', [useBase64 ? 'base64' : 'quoted-printable']),
    body: useBase64 ? { base64: bytes } : qp,
  };
}

function filePart(attachment: AttachmentInput, index: number, inline: boolean): Leaf {
  const field = `attachments[${index}]`;
  assertHeaderSafe(attachment.filename, `${field}.filename`);
  const type = mediaType(attachment.contentType, `${field}.contentType`);
  const named = attachment.filename !== '';
  let headers =
    foldHeader('Content-Type', named ? [`${type};`, ...legacyNameWords(attachment.filename)] : [type]) +
    foldHeader('Content-Transfer-Encoding', ['base64']) +
    foldHeader(
      'Content-Disposition',
      named
        ? [inline ? 'inline;' : 'attachment;', ...filenameParamWords(attachment.filename)]
        : [inline ? 'inline' : 'attachment'],
    );
  if (inline) headers += foldHeader('Content-ID', [`<${bareId(attachment.contentId!, `${field}.contentId`)}>`]);
  return { headers, body: { base64: attachment.data } };
}

/**
 * The MIME tree nodemailer builds and every client reads: mixed > alternative > [plain, related > [html, inline
 * images]], then attachments, with each multipart level present only when it has more than one child. Images with a
 * Content-ID are inline only when there is HTML to show them; otherwise they are ordinary attachments.
 */
export function buildTree(draft: MessageDraft): Part {
  const attachments = draft.attachments ?? [];
  const seenIds = new Set<string>();
  const inline: Leaf[] = [];
  const files: Leaf[] = [];
  attachments.forEach((attachment, index) => {
    // A Content-ID is checked even when it will not be written: the draft is wrong either way.
    const id =
      attachment.contentId === undefined ? null : bareId(attachment.contentId, `attachments[${index}].contentId`);
    const isInline = id !== null && draft.html !== undefined;
    if (isInline) {
      // RFC 2392 cid: URLs name one part; two parts with one id would make the HTML ambiguous.
      if (seenIds.has(id)) throw new InvalidHeaderValueError(`attachments[${index}].contentId`, 'duplicate-content-id');
      seenIds.add(id);
    }
    (isInline ? inline : files).push(filePart(attachment, index, isInline));
  });
  const plain = textPart(draft.text, 'plain');
  let body: Part = plain;
  if (draft.html !== undefined) {
    const html = textPart(draft.html, 'html');
    const rich: Part = inline.length > 0 ? { subtype: 'related', children: [html, ...inline] } : html;
    body = { subtype: 'alternative', children: [plain, rich] };
  }
  return files.length > 0 ? { subtype: 'mixed', children: [body, ...files] } : body;
}

/** Boundary of the n-th multipart. `=_` never occurs in base64 or quoted-printable output (RFC 2045 §6.7 rule 1). */
function boundary(seed: string, n: number): string {
  return `=_gs_${seed}_${n}`;
}

/**
 * Flattens the tree into pieces. `rootHeaders` are the message headers that precede the root part's own headers.
 * Each delimiter is CRLF + "--" + boundary (RFC 2046 §5.1.1), so bodies carry no trailing CRLF of their own.
 */
export function serialize(root: Part, rootHeaders: string, seed: string): Piece[] {
  const pieces: Piece[] = [];
  let count = 0;
  const walk = (part: Part, prefix: string) => {
    if ('body' in part) {
      pieces.push(`${prefix}${part.headers}\r\n`, part.body);
      return;
    }
    const mark = boundary(seed, count++);
    const typeWords = [`multipart/${part.subtype};`, `boundary="${mark}"`];
    if (part.subtype === 'related') typeWords.splice(1, 0, 'type="text/html";');
    pieces.push(`${prefix}${foldHeader('Content-Type', typeWords)}\r\n`);
    part.children.forEach((child, index) => {
      pieces.push(index === 0 ? `--${mark}\r\n` : `\r\n--${mark}\r\n`);
      walk(child, '');
    });
    pieces.push(`\r\n--${mark}--`);
  };
  walk(root, rootHeaders);
  // A multipart message ends with a line break after its close delimiter. A single part must not: after a
  // quoted-printable body that CRLF would be a hard line break, i.e. a newline the user never typed.
  if (!('body' in root)) pieces.push('\r\n');
  return pieces;
}
