import { installBench } from './harness.ts';

/** The harness alone: its weight is subtracted from each builder page's to give the builder's own. */
installBench('baseline', { input: () => 0, build: () => '' });
