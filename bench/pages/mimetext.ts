import { createMimeMessage } from 'mimetext/browser';
import { type BenchMessage, installBench } from './harness.ts';

interface WithToBase64 {
  toBase64(): string;
}

/**
 * mimetext 3 as its README shows it. It wants attachments as base64 text, so the timing includes encoding the file
 * with the fastest encoder the browser has (native `toBase64`): a developer using it must do that too.
 */
function build(m: BenchMessage): string {
  const msg = createMimeMessage();
  msg.setSender({ name: m.from.name, addr: m.from.address });
  msg.setTo({ name: m.to.name, addr: m.to.address });
  msg.setSubject(m.subject);
  msg.addMessage({ contentType: 'text/plain', data: m.text });
  if (m.attachment) {
    msg.addAttachment({
      filename: m.attachment.filename,
      contentType: m.attachment.contentType,
      data: (m.attachment.data as Uint8Array & WithToBase64).toBase64(),
    });
  }
  return msg.asRaw();
}

installBench('mimetext', { input: (m) => m, build });
