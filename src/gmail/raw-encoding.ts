/**
 * base64url for the JSON `raw` field, and the size of the JSON request it makes.
 * Gmail takes "RFC 2822 formatted and base64url encoded" raw (discovery `Message.raw`); padding is optional, so
 * none is sent. Kept here rather than importing the MIME module so the sender stands on its own interface (bytes).
 */

interface WithToBase64 {
  toBase64?: (options: { alphabet: 'base64url'; omitPadding: boolean }) => string;
}

/** base64url without padding. Uses the native `Uint8Array.prototype.toBase64` where it exists (Chromium 140+). */
export function base64UrlEncode(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & WithToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let base64 = '';
  // 3 × 8192 bytes per slice: a multiple of 3 keeps every slice free of padding, and small enough for apply().
  const slice = 3 * 8192;
  for (let start = 0; start < bytes.length; start += slice) {
    base64 += btoa(String.fromCharCode(...bytes.subarray(start, start + slice)));
  }
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Length of the unpadded base64url text for `byteLength` bytes. */
export function base64UrlLength(byteLength: number): number {
  const remainder = byteLength % 3;
  return Math.floor(byteLength / 3) * 4 + (remainder === 0 ? 0 : remainder + 1);
}

/** Bytes of the JSON body `{"raw":"…","threadId":"…"}` gapi sends for a message of `byteLength` bytes. */
export function jsonRequestLength(byteLength: number, threadId?: string): number {
  const envelope = threadId ? JSON.stringify({ raw: '', threadId }).length : JSON.stringify({ raw: '' }).length;
  return envelope + base64UrlLength(byteLength);
}

/** The largest message whose JSON request still fits in `capBytes`. */
export function largestJsonMessage(capBytes: number, threadId?: string): number {
  const room = capBytes - jsonRequestLength(0, threadId);
  return Math.max(0, Math.floor(room / 4) * 3 + Math.max(0, (room % 4) - 1));
}
