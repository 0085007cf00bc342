/**
 * Pictures that become inline `cid:` parts: from a pasted or dropped file, or from a `data:` URL inside pasted
 * HTML (what copying an image from some pages and apps produces). Checked for type and size before anything else.
 */
import { dataImageUrl, inlineImageTypes } from './mail-html-policy.ts';
import { INLINE_IMAGE_SIZE_LIMIT, type InlineImage, newContentId } from './rich-body.ts';

export type ImageRefusal = { reason: 'too-large' | 'unsupported'; name: string };

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** An inline image from a file, or why not. */
export function imageFromFile(file: Blob & { name?: string }, contentId = newContentId()): InlineImage | ImageRefusal {
  const type = file.type.toLowerCase();
  const name = file.name || `image.${extensions[type] ?? 'bin'}`;
  if (!inlineImageTypes.has(type)) return { reason: 'unsupported', name };
  if (file.size > INLINE_IMAGE_SIZE_LIMIT) return { reason: 'too-large', name };
  // A pasted screenshot is called "image.png" by every browser; the Content-ID keeps two of them apart.
  return { contentId, filename: name, type, blob: file };
}

/** An inline image from a `data:image/…;base64,` URL, or why not (null when it is not such a URL at all). */
export function imageFromDataUrl(url: string, contentId = newContentId()): InlineImage | ImageRefusal | null {
  const match = dataImageUrl.exec(url.trim());
  if (!match) return null;
  const type = match[1]!.toLowerCase();
  const base64 = match[2]!.replace(/\s+/g, '');
  // 4 base64 characters are 3 bytes: refuse before decoding megabytes.
  if ((base64.length * 3) / 4 > INLINE_IMAGE_SIZE_LIMIT)
    return { reason: 'too-large', name: `image.${extensions[type]}` };
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const binary = atob(base64);
    bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return { reason: 'unsupported', name: `image.${extensions[type]}` };
  }
  return { contentId, filename: `image.${extensions[type]}`, type, blob: new Blob([bytes], { type }) };
}

export function isRefusal(value: InlineImage | ImageRefusal): value is ImageRefusal {
  return 'reason' in value;
}
