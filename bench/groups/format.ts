/** Number formats shared by the group renderers. */
import type { Figure } from '../result.ts';
import { formatSummary, type Summary } from '../stats.ts';

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** `yes` / `**no**` for a limit, as the tables print it. */
export const yes = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'yes' : '**no**');

/** Milliseconds with one decimal under 10 ms, whole above. */
export function ms(s: Summary | null | undefined): string {
  if (!s) return 'n/a';
  return formatSummary(s, s.median < 10 ? 1 : 0, ' ms');
}

/** A figure's value with its runs, in its unit. */
export function value(f: Figure | undefined, decimals = 0): string {
  if (!f || f.value === null) return 'n/a';
  const unit = f.unit === 'ms' ? ' ms' : f.unit === 'ratio' ? '×' : '';
  if (f.summary) return formatSummary(f.summary, decimals, unit);
  return `${f.value.toFixed(decimals)}${unit}`;
}

/** `≤ 50 ms: yes` for a figure with a limit. */
export function against(f: Figure | undefined, decimals = 0): string {
  if (!f?.limit) return '';
  const unit = f.unit === 'ms' ? ' ms' : f.unit === 'ratio' ? '×' : '';
  const bound =
    f.limit.max !== undefined
      ? `≤ ${f.limit.max.toFixed(decimals)}${unit}`
      : `≥ ${f.limit.min!.toFixed(decimals)}${unit}`;
  return `${bound}: ${yes(f.met)}`;
}
