import { wrappedBase64Length, writeWrappedBase64 } from '../../src/mail/base64.ts';
import { buildMessage } from '../../src/mail/index.ts';
import { installBench } from './harness.ts';
import { toDraft } from './ours-draft.ts';

/**
 * Our builder called directly on the main thread (what the app does for small messages); in the same run, native
 * `toBase64` over the same bytes (the floor) and our MIME base64 writer alone (what `buildMessage` runs for them).
 */
installBench('ours (main thread)', {
  input: toDraft,
  build: (draft) => buildMessage(draft),
  floor: {
    encode: (source, out) => writeWrappedBase64(source, out, 0),
    outputLength: wrappedBase64Length,
  },
});
