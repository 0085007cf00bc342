import { buildMessage } from '../../src/mail/index.ts';
import { type BenchMessage, installBench } from './harness.ts';
import { toDraft } from './ours-draft.ts';

/** Our builder called directly on the main thread (what the app does for small messages). */
function build(m: BenchMessage): Uint8Array {
  return buildMessage(toDraft(m));
}

installBench('ours (main thread)', build);
