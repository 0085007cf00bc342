/**
 * The common result shape of every benchmark group, and of the JSON report (`bench/results/bench-<date>.json`).
 * A group measures; it never judges a time as a failure. Each number it reports is a `Figure` that carries its
 * own limit (a goal or a byte budget, with where the limit comes from) or its peer (what it is compared with).
 */
import { type Summary, summarize } from './stats.ts';

export type Unit = 'ms' | 'bytes' | 'ratio' | 'score' | 'cls' | 'count' | 'MiB';

export interface Limit {
  /** The figure meets the limit when it is at most `max` / at least `min`. */
  max?: number;
  min?: number;
  /** `budget`: a byte budget that a test enforces in CI. `goal`: a target that is only reported. */
  kind: 'goal' | 'budget';
  /** Where the limit comes from (an issue, a spec, Web Vitals). */
  source: string;
}

export interface Figure {
  /** Stable identifier, e.g. `builders.ours-main.25MiB.wall`: README claims and comparisons key on it. */
  id: string;
  label: string;
  unit: Unit;
  /** The number itself (the median when there were several runs); null when it could not be measured. */
  value: number | null;
  /** Every run, when there were several. */
  summary?: Summary;
  limit?: Limit;
  /** Whether `value` meets `limit` (absent without a limit or a value). */
  met?: boolean;
  /** What the figure is compared with, measured in the same run. */
  peer?: { label: string; value: number | null; unit: Unit };
  note?: string;
}

export interface GroupResult<D = unknown> {
  group: string;
  title: string;
  figures: Figure[];
  /** Group-specific detail for its renderer (rows, per-run breakdowns). Plain JSON. */
  data: D;
  /** What could not be measured, and why. */
  missing: string[];
  /** Wall time the group took, in seconds. */
  seconds: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load averages when the run started and ended: other work on the machine shows here. */
  loadAverage: { start: number; end: number };
  /** Writing one 25 MiB message's worth (35 MB) into fresh memory, then into the same memory again (Node). */
  freshMemory: { bytes: number; firstWriteMs: number; againMs: number };
}

export interface BenchReport {
  /** Bumped when the shape changes incompatibly. */
  schema: 2;
  date: string;
  machine: Machine;
  /** Options the run was started with (e.g. `--only builders --quick`). */
  options: string[];
  groups: GroupResult[];
  /** Groups of the issue that have nothing to measure yet (features not landed). */
  pending: string[];
}

/** A figure with `met` filled in from its limit. */
export function figure(f: Omit<Figure, 'met'>): Figure {
  if (!f.limit || f.value === null) return f;
  const { max, min } = f.limit;
  const met = (max === undefined || f.value <= max) && (min === undefined || f.value >= min);
  return { ...f, met };
}

/** A figure for a sample of runs: the median is the value. */
export function sampled(f: Omit<Figure, 'met' | 'value' | 'summary'>, runs: number[]): Figure {
  const summary = summarize(runs);
  return figure({ ...f, value: runs.length ? summary.median : null, ...(runs.length > 1 ? { summary } : {}) });
}

/** First figure with this id, for renderers and README sentences. */
export function find(result: GroupResult | undefined, id: string): Figure | undefined {
  return result?.figures.find((f) => f.id === id);
}
