/** Median, min and max of a sample: what every benchmark row reports. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarize(values: number[]): Summary {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

/** `12.3 (11.9–13.0)` with the given number of decimals. */
export function formatSummary(s: Summary, decimals = 0, unit = ''): string {
  if (Number.isNaN(s.median)) return 'n/a';
  const f = (n: number) => n.toFixed(decimals);
  return s.runs.length > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${unit}`;
}
