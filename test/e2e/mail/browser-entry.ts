/**
 * Bundle entry for builder-in-chromium.spec.ts: the message builder, postal-mime and the raw-byte checks, exposed on
 * `globalThis.mailTest` so the spec can drive them with page.evaluate.
 */
import PostalMime from 'postal-mime';
import { wrappedBase64Length, writeWrappedBase64 } from '../../../src/mail/base64.ts';
import * as mail from '../../../src/mail/index.ts';
import { inspectRaw } from '../../unit/mail/raw-invariants.ts';

const mailTest = { ...mail, PostalMime, writeWrappedBase64, wrappedBase64Length, inspectRaw };
export type MailTest = typeof mailTest;
(globalThis as unknown as { mailTest: MailTest }).mailTest = mailTest;
