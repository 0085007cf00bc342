/** Every benchmark group, in the order `npm run bench` runs and the README shows them. */
import type { BenchGroup } from '../group.ts';
import { app } from './app.ts';
import { builders } from './builders.ts';
import { editor } from './editor.ts';
import { layoutShift } from './layout-shift.ts';
import { lighthouseGroup } from './lighthouse.ts';
import { merge } from './merge.ts';
import { size } from './size.ts';
import { wire } from './wire.ts';
import { worker } from './worker.ts';

export const groups: BenchGroup<unknown>[] = [
  size,
  app,
  builders,
  worker,
  wire,
  editor,
  merge,
  lighthouseGroup,
  layoutShift,
];

/** Parts of issue 17 whose features have not landed: nothing to measure yet. */
export const pending: string[] = [];
