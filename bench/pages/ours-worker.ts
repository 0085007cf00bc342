import { buildMessageOffThread } from '../../src/mail/index.ts';
import { type BenchMessage, installBench } from './harness.ts';
import { toDraft } from './ours-draft.ts';

/**
 * What the app does on Send: `buildMessageOffThread` (a module worker from 256 KiB up, including starting the worker
 * and copying the draft to it). The longest main-thread task is the number that matters here.
 */
function build(m: BenchMessage): Promise<Uint8Array> {
  return buildMessageOffThread(toDraft(m));
}

installBench('ours (worker, as the app)', build);
