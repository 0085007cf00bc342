/**
 * Bundle entry for import-worker.spec.ts: the merge import worker's client as the app will use it, exposed on
 * `globalThis.mergeTest`, and the Long Tasks API's list (wall-clock tasks over 50 ms) for the report.
 */
import { emptySettings } from '../../../src/merge/core/recipients.ts';
import { createImportWorkerClient } from '../../../src/merge/import-off-thread.ts';

const longTasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const mergeTest = { createImportWorkerClient, emptySettings, longTasks };
export type MergeTest = typeof mergeTest;
(globalThis as unknown as { mergeTest: MergeTest }).mergeTest = mergeTest;
