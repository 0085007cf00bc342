import type { AddressProblem } from './address.ts';

/**
 * Base of every error the message builder throws. The core carries codes and data only; the words the user reads
 * come from src/text/mail.ts, so the same error reads naturally in English and Japanese.
 */
export abstract class MailError extends Error {
  abstract readonly code: MailErrorCode;
  /** Plain-data view, safe to post between a worker and the page. */
  abstract toRecord(): MailErrorRecord;
}

export type MailErrorCode =
  | 'mail.header-injection'
  | 'mail.invalid-header-value'
  | 'mail.invalid-address'
  | 'mail.no-recipient'
  | 'mail.attachment-too-large'
  | 'mail.message-too-large';

/**
 * A header input (name, address, subject, filename, id...) holds CR, LF, NUL or another control character. We throw
 * instead of stripping: a line break there is either a paste accident the user must see or a header-injection attempt.
 */
export class HeaderInjectionError extends MailError {
  readonly code = 'mail.header-injection';
  constructor(
    /** Path of the draft field, e.g. `subject`, `to[1].name`, `attachments[0].filename`. */
    readonly field: string,
    /** Code point of the first offending character. */
    readonly codePoint: number,
  ) {
    super(`mail.header-injection: ${field} U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
    this.name = 'HeaderInjectionError';
  }
  toRecord(): MailErrorRecord {
    return { code: this.code, field: this.field, codePoint: this.codePoint };
  }
}

export type InvalidHeaderValueReason = 'bad-id' | 'bad-content-type' | 'duplicate-content-id' | 'bad-date' | 'too-long';

/** A header input without control characters that still cannot be written (an id with spaces, a bad MIME type). */
export class InvalidHeaderValueError extends MailError {
  readonly code = 'mail.invalid-header-value';
  constructor(
    readonly field: string,
    readonly reason: InvalidHeaderValueReason,
  ) {
    super(`mail.invalid-header-value: ${field} (${reason})`);
    this.name = 'InvalidHeaderValueError';
  }
  toRecord(): MailErrorRecord {
    return { code: this.code, field: this.field, reason: this.reason };
  }
}

/** One or more mailboxes of a field (`from`, `to`, `cc`, `bcc`, `replyTo`) are not valid addresses. */
export class InvalidAddressError extends MailError {
  readonly code = 'mail.invalid-address';
  constructor(
    readonly field: string,
    readonly problems: AddressProblem[],
  ) {
    super(`mail.invalid-address: ${field} (${problems.map((problem) => problem.code).join(', ')})`);
    this.name = 'InvalidAddressError';
  }
  toRecord(): MailErrorRecord {
    return { code: this.code, field: this.field, problems: this.problems };
  }
}

/** To, Cc and Bcc are all empty: Gmail answers 400 "Recipient address required", so we stop before sending. */
export class NoRecipientError extends MailError {
  readonly code = 'mail.no-recipient';
  constructor() {
    super('mail.no-recipient');
    this.name = 'NoRecipientError';
  }
  toRecord(): MailErrorRecord {
    return { code: this.code };
  }
}

/** The attachments exceed Gmail's attachment limit: one file (`filename` set) or all of them together. */
export class AttachmentTooLargeError extends MailError {
  readonly code = 'mail.attachment-too-large';
  readonly over: number;
  constructor(
    readonly filename: string | undefined,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`mail.attachment-too-large: ${filename ?? '(all attachments)'} ${size} > ${limit}`);
    this.name = 'AttachmentTooLargeError';
    this.over = size - limit;
  }
  toRecord(): MailErrorRecord {
    return { code: this.code, filename: this.filename, size: this.size, limit: this.limit, over: this.over };
  }
}

/** The encoded message exceeds the 36,700,160 bytes that `users.messages.send` accepts. */
export class MessageTooLargeError extends MailError {
  readonly code = 'mail.message-too-large';
  readonly over: number;
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`mail.message-too-large: ${size} > ${limit}`);
    this.name = 'MessageTooLargeError';
    this.over = size - limit;
  }
  toRecord(): MailErrorRecord {
    return { code: this.code, size: this.size, limit: this.limit, over: this.over };
  }
}

export type MailErrorRecord =
  | { code: 'mail.header-injection'; field: string; codePoint: number }
  | { code: 'mail.invalid-header-value'; field: string; reason: InvalidHeaderValueReason }
  | { code: 'mail.invalid-address'; field: string; problems: AddressProblem[] }
  | { code: 'mail.no-recipient' }
  | { code: 'mail.attachment-too-large'; filename: string | undefined; size: number; limit: number; over: number }
  | { code: 'mail.message-too-large'; size: number; limit: number; over: number };

/** Rebuilds the typed error from its record, e.g. after it crossed the worker boundary. */
export function mailErrorFromRecord(record: MailErrorRecord): MailError {
  switch (record.code) {
    case 'mail.header-injection':
      return new HeaderInjectionError(record.field, record.codePoint);
    case 'mail.invalid-header-value':
      return new InvalidHeaderValueError(record.field, record.reason);
    case 'mail.invalid-address':
      return new InvalidAddressError(record.field, record.problems);
    case 'mail.no-recipient':
      return new NoRecipientError();
    case 'mail.attachment-too-large':
      return new AttachmentTooLargeError(record.filename, record.size, record.limit);
    case 'mail.message-too-large':
      return new MessageTooLargeError(record.size, record.limit);
  }
}
