import * as emailjs from 'emailjs-mime-builder';
import { type BenchMessage, installBench } from './harness.ts';

// A Babel-compiled CommonJS module (`exports.default`): depending on the bundler's interop the class sits at
// `default` or at `default.default`.
const interop = emailjs as unknown as { default: typeof emailjs.default | { default: typeof emailjs.default } };
const MimeBuilder = 'default' in interop.default ? interop.default.default : interop.default;

/** emailjs-mime-builder 2 as its README shows it; Bcc kept in the header as Gmail needs (none here). */
function build(m: BenchMessage): string {
  const root = new MimeBuilder('multipart/mixed', { includeBccInHeader: true });
  root.addHeader({
    from: `${m.from.name} <${m.from.address}>`,
    to: `${m.to.name} <${m.to.address}>`,
    subject: m.subject,
  });
  root.createChild('text/plain').setContent(m.text);
  if (m.attachment) {
    root
      .createChild(m.attachment.contentType, { filename: m.attachment.filename })
      .setHeader('Content-Disposition', 'attachment')
      .setContent(m.attachment.data);
  }
  return root.build();
}

installBench('emailjs-mime-builder', { input: (m) => m, build });
