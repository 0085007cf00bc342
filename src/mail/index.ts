/**
 * Message building: a draft in, RFC 5322 / MIME bytes out. Pure (no DOM, no Preact, no gapi): runs in Node, in a
 * worker and in the page. Large messages go through `buildMessageOffThread` (bytes) or `buildMessageBlobOffThread`
 * (Blobs in, a Blob out) in `build-off-thread.ts`.
 */
export type { AddressProblem, AddressProblemCode } from './address.ts';
export { checkAddress, mailboxToText, parseAddressList } from './address.ts';
export { encodeBase64, encodeBase64Url, hasNativeBase64 } from './base64.ts';
export {
  type BlobAttachmentInput,
  type BlobLike,
  type BlobMessageDraft,
  checkBlobSizeLimits,
  measureBlobDraft,
} from './blob-draft.ts';
export { buildMessage, checkSizeLimits, formatDate, measureMessage, toGmailRaw } from './build.ts';
export { buildMessageBlobOffThread, buildMessageOffThread, prewarmMessageWorker } from './build-off-thread.ts';
export { encodeWord, encodeWords } from './encoded-word.ts';
export {
  AttachmentTooLargeError,
  HeaderInjectionError,
  InvalidAddressError,
  InvalidHeaderValueError,
  MailError,
  type MailErrorCode,
  type MailErrorRecord,
  MessageTooLargeError,
  mailErrorFromRecord,
  NoRecipientError,
} from './errors.ts';
export { formatMailbox } from './header-values.ts';
export { domainToAscii, punycodeEncode } from './punycode.ts';
export {
  ATTACHMENT_SIZE_LIMIT,
  type AttachmentInput,
  type BuildOptions,
  type ListUnsubscribe,
  type Mailbox,
  MESSAGE_SIZE_LIMIT,
  type MessageDraft,
} from './types.ts';
