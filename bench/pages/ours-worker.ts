import { buildMessageOffThread } from '../../src/mail/index.ts';
import { installBench } from './harness.ts';
import { toDraft } from './ours-draft.ts';

/**
 * `buildMessageOffThread` with the bytes already in memory: a module worker from 256 KiB up, including starting the
 * worker and copying the draft to it (structured clone). The longest main-thread task is the number that matters.
 */
installBench('ours (worker, bytes in)', { input: toDraft, build: (draft) => buildMessageOffThread(draft) });
