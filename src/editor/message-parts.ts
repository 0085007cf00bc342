/**
 * From the rich body (and the sender's signature) to what src/mail's `MessageDraft` takes: `html`, `text`
 * generated from it, and the inline images as attachments with a `contentId` (the builder puts them in
 * multipart/related). The HTML is sanitized once more here, at the boundary, whatever the editor already did.
 */
import type { AttachmentInput } from '../mail/types.ts';
import { fragmentToText } from './html-to-text.ts';
import type { InlineImage, RichBody } from './rich-body.ts';
import { type MailSanitizer, pageMailSanitizer } from './sanitize.ts';
import { pendingStyleAttribute } from './style-attributes.ts';

export interface MessageParts {
  html: string;
  text: string;
  /** Only the pictures the html still references, once each. */
  inlineAttachments: AttachmentInput[];
}

/** Readable plain text for any HTML (sanitized first). */
export function htmlToText(html: string, sanitizer: MailSanitizer = pageMailSanitizer()): string {
  return fragmentToText(sanitizer.toFragment(html));
}

/**
 * Styles a few elements as Gmail does, inline, since the recipient's client has no stylesheet of ours: quotes get
 * Gmail's grey bar (in px: Outlook ignores ex), tables collapse their borders (else Excel's cell borders show
 * doubled). Every property used here is one the sanitizer keeps, so the result sanitizes to itself.
 */
function styleForMail(fragment: DocumentFragment): void {
  const add = (element: Element, declarations: string) => {
    const own = element.getAttribute(pendingStyleAttribute);
    element.setAttribute(pendingStyleAttribute, own ? `${declarations};${own}` : declarations);
  };
  for (const quote of fragment.querySelectorAll('blockquote'))
    add(quote, 'margin:0px 0px 0px 6px;padding-left:8px;border-left:1px solid #cccccc');
  for (const table of fragment.querySelectorAll('table')) add(table, 'border-collapse:collapse');
}

/** The body followed by the signature, the way mail has always marked one: a line of "-- " (RFC 3676 §4.3). */
function withSignature(body: string, signature: string): string {
  return `${body}<div><br></div><div>-- <br>${signature}</div>`;
}

async function toAttachment(image: InlineImage): Promise<AttachmentInput> {
  return {
    filename: image.filename,
    contentType: image.type,
    data: new Uint8Array(await image.blob.arrayBuffer()),
    contentId: image.contentId,
  };
}

function referencedIds(fragment: DocumentFragment): Set<string> {
  const ids = new Set<string>();
  for (const image of fragment.querySelectorAll('img[src]')) {
    const match = /^cid:(.+)$/i.exec(image.getAttribute('src') ?? '');
    if (match) ids.add(decodeURIComponent(match[1]!));
  }
  return ids;
}

/**
 * The message parts for `body` with `signature` (if any) after it. Text: the body's text, then `-- ` on its own
 * line and the signature's text. Images: those referenced by either, deduplicated by Content-ID (a template
 * inserted twice carries the same pictures).
 */
export async function toMessageParts(
  body: RichBody,
  signature: RichBody | null = null,
  sanitizer: MailSanitizer = pageMailSanitizer(),
): Promise<MessageParts> {
  const hasSignature = signature !== null && htmlToText(signature.html, sanitizer).trim() !== '';
  const fragment = sanitizer.toFragment(hasSignature ? withSignature(body.html, signature.html) : body.html);
  const bodyText = htmlToText(body.html, sanitizer);
  const text = hasSignature ? `${bodyText}\n\n-- \n${htmlToText(signature.html, sanitizer)}` : bodyText;
  const ids = referencedIds(fragment);
  styleForMail(fragment);
  const images = new Map<string, InlineImage>();
  for (const image of [...body.inlineImages, ...(hasSignature ? signature.inlineImages : [])])
    if (ids.has(image.contentId) && !images.has(image.contentId)) images.set(image.contentId, image);
  return {
    html: sanitizer.serialize(fragment),
    text,
    inlineAttachments: await Promise.all([...images.values()].map(toAttachment)),
  };
}

export interface PlainTextLoss {
  /** Bold, italic, underline, strike, colours, alignment, headings, quotes' bar, tables' grid. */
  formatting: boolean;
  links: number;
  images: number;
  tables: number;
}

const formattingSelector =
  'b,strong,i,em,u,s,strike,del,sub,sup,code,pre,h1,h2,h3,h4,h5,h6,blockquote,hr,[data-fumi-style]';

/**
 * What switching from rich to plain text would lose, so the page can say so before it happens. Links keep their
 * address in the text (`text <url>`) but stop being links; images and tables are gone (a table's cells stay as
 * text). Lists are not a loss: the text keeps them as `- ` and `1. `.
 */
export function plainTextLoss(body: RichBody, sanitizer: MailSanitizer = pageMailSanitizer()): PlainTextLoss {
  const fragment = sanitizer.toFragment(body.html);
  return {
    formatting: fragment.querySelector(formattingSelector) !== null,
    links: fragment.querySelectorAll('a[href]').length,
    images: fragment.querySelectorAll('img').length,
    tables: fragment.querySelectorAll('table').length,
  };
}

export function losesSomething(loss: PlainTextLoss): boolean {
  return loss.formatting || loss.links > 0 || loss.images > 0 || loss.tables > 0;
}
