/**
 * The size of the JSON request a message makes. Gmail takes "RFC 2822 formatted and base64url encoded" raw
 * (discovery `Message.raw`); padding is optional, so none is sent. The encoder itself is the MIME module's
 * (src/mail/base64.ts), which has the native `toBase64` path and the table fallback.
 */

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
