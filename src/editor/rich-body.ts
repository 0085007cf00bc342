/**
 * The rich body as plain data: what the editor gives the compose page, what the draft store keeps in IndexedDB
 * (Blobs included) and what a signature or a template holds. `html` is canonical: images are `src="cid:…"`, never
 * a blob: URL (those die with the page), so the same string is valid after a reload, in a template and in the mail.
 */

export interface InlineImage {
  /** Content-ID without angle brackets (`img-…@fumi`), referenced from the html as `cid:<contentId>`. */
  contentId: string;
  filename: string;
  /** image/png, image/jpeg, image/gif or image/webp. */
  type: string;
  blob: Blob;
}

export interface RichBody {
  html: string;
  inlineImages: InlineImage[];
}

export function emptyRichBody(): RichBody {
  return { html: '', inlineImages: [] };
}

/** Largest picture accepted by paste or drop: a screenshot fits; a camera original belongs in an attachment. */
export const INLINE_IMAGE_SIZE_LIMIT = 5 * 1024 * 1024;

/** A new Content-ID: random (two mails, or two pastes, never collide) and a valid RFC 5322 msg-id. */
export function newContentId(random: () => string = () => crypto.randomUUID()): string {
  return `img-${random()}@fumi`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text as a rich body, one line per block, nothing lost (for the switch from plain to rich). */
export function plainToRich(text: string): RichBody {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // HTML collapses a space at either end of a block (and all but one of a run): kept as no-break spaces, as a
  // contenteditable writes them, so "typed " handed over mid-word does not become "typedthrough".
  const keepSpaces = (line: string) =>
    escapeText(line).replace(/ {2}/g, ' &nbsp;').replace(/^ /, '&nbsp;').replace(/ $/, '&nbsp;');
  const html = lines.map((line) => `<div>${line ? keepSpaces(line) : '<br>'}</div>`);
  return { html: text ? html.join('') : '', inlineImages: [] };
}

/** True when the body holds no text and no picture (so the compose page need not keep it). */
export function isEmptyRichBody(body: RichBody): boolean {
  if (body.inlineImages.length > 0 && /<img\b/i.test(body.html)) return false;
  const text = body.html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|\u00a0/g, ' ')
    .trim();
  return text === '';
}

/**
 * Reads a stored rich body defensively (storage outlives app versions): a malformed value becomes empty, images
 * without a Blob are dropped. The html is sanitized again when the editor loads it, so it is not trusted here.
 */
export function richBodyFromStored(value: unknown): RichBody {
  if (typeof value !== 'object' || value === null) return emptyRichBody();
  const record = value as Record<string, unknown>;
  const html = typeof record.html === 'string' ? record.html : '';
  const images = Array.isArray(record.inlineImages) ? record.inlineImages : [];
  const inlineImages = images.flatMap((item): InlineImage[] => {
    if (typeof item !== 'object' || item === null) return [];
    const image = item as Record<string, unknown>;
    if (typeof Blob === 'undefined' || !(image.blob instanceof Blob)) return [];
    if (typeof image.contentId !== 'string' || !/^[\w.-]+@[\w.-]+$/.test(image.contentId)) return [];
    return [
      {
        contentId: image.contentId,
        filename: typeof image.filename === 'string' ? image.filename : 'image',
        type: typeof image.type === 'string' ? image.type : image.blob.type,
        blob: image.blob,
      },
    ];
  });
  return { html, inlineImages };
}
