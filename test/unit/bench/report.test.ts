import { describe, expect, it } from 'vitest';
import { cumulativeLayoutShift, type Shift } from '../../../bench/groups/layout-shift.ts';
import { endMarker, replaceBenchBlock, startMarker } from '../../../bench/readme.ts';
import { type BenchReport, figure, sampled } from '../../../bench/result.ts';

const shift = (startTime: number, value: number, hadRecentInput = false): Shift => ({
  startTime,
  value,
  hadRecentInput,
  sources: [],
});

describe('cumulativeLayoutShift: session windows as Web Vitals defines them', () => {
  const cases: [string, Shift[], number][] = [
    ['no shift', [], 0],
    ['one shift', [shift(100, 0.2)], 0.2],
    ['two shifts under 1 s apart share a window', [shift(100, 0.2), shift(900, 0.1)], 0.3],
    ['a gap of 1 s or more starts a new window; the largest counts', [shift(100, 0.2), shift(1100, 0.1)], 0.2],
    [
      'a window ends after 5 s even without a gap',
      [0, 900, 1800, 2700, 3600, 4500, 5400].map((t) => shift(t, 0.1)),
      0.6,
    ],
    ['shifts right after input do not count', [shift(100, 0.5, true), shift(200, 0.05)], 0.05],
    ['order of entries does not matter', [shift(900, 0.1), shift(100, 0.2)], 0.3],
  ];
  it.each(cases)('%s', (_name, shifts, expected) => {
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(expected, 10);
  });

  it('the conservative count keeps shifts flagged as after input', () => {
    expect(cumulativeLayoutShift([shift(100, 0.5, true), shift(200, 0.05)], { countAfterInput: true })).toBeCloseTo(
      0.55,
      10,
    );
  });
});

describe('figures carry their limit', () => {
  it.each([
    [{ max: 50 }, 49, true],
    [{ max: 50 }, 50, true],
    [{ max: 50 }, 51, false],
    [{ min: 100 }, 99, false],
    [{ min: 100 }, 100, true],
  ])('%o and %d → met %s', (bound, value, met) => {
    const f = figure({ id: 'x', label: 'x', unit: 'ms', value, limit: { ...bound, kind: 'goal', source: 'test' } });
    expect(f.met).toBe(met);
  });

  it('a sample takes its median as the value; no runs means no value and no verdict', () => {
    const limit = { max: 50, kind: 'goal', source: 'test' } as const;
    expect(sampled({ id: 'x', label: 'x', unit: 'ms', limit }, [60, 10, 20])).toMatchObject({ value: 20, met: true });
    expect(sampled({ id: 'x', label: 'x', unit: 'ms', limit }, [])).toMatchObject({ value: null });
    expect(sampled({ id: 'x', label: 'x', unit: 'ms', limit }, []).met).toBeUndefined();
  });
});

describe('README block', () => {
  const report: BenchReport = {
    schema: 2,
    date: '2026-12-01',
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGiB: 24,
      os: 'Debian',
      node: 'v20',
      chromium: '150',
      loadAverage: { start: 1, end: 1 },
      freshMemory: { bytes: 35_000_000, firstWriteMs: 20, againMs: 2 },
    },
    options: [],
    groups: [],
    pending: ['outbox: not landed'],
  };
  const readme = `# Fumi\n\n## Performance\n\nIntro.\n\n${startMarker}\nold table\n${endMarker}\n\n## Development\n`;

  it('replaces only what is between the markers, and says which report it came from', () => {
    const out = replaceBenchBlock(readme, report, 'bench/results/bench-x.json');
    expect(out.startsWith('# Fumi\n\n## Performance\n\nIntro.\n\n')).toBe(true);
    expect(out.endsWith(`${endMarker}\n\n## Development\n`)).toBe(true);
    expect(out).not.toContain('old table');
    expect(out).toContain('Measured 2026-12-01 on Test CPU, 2 cores');
    expect(out).toContain('<!-- from bench/results/bench-x.json -->');
    expect(out).toContain('Not measured yet (issue 17): outbox: not landed.');
    expect(replaceBenchBlock(out, report, 'bench/results/bench-x.json')).toBe(out);
  });

  it('carries the campaign throughput and the editor activation from a saved report, and older reports without them', () => {
    const summary = (runs: number[]) => ({ median: runs[1]!, min: runs[0]!, max: runs[2]!, runs });
    const campaign = {
      windowMs: 120_000,
      rows: 160,
      sendsInWindow: 113,
      rowsPerMinute: 56.5,
      bound: 60,
      ratio: 56.5 / 60,
      quotaRefusals: 0,
      busiestMinute: 59,
      startToFirstSendMs: 369,
      gapsMs: { min: 86, median: 1039, max: 2902 },
    };
    const activation = {
      prefetchedMs: summary([150, 280, 420]),
      coldMs: summary([770, 820, 860]),
      lostAtOnce: { prefetched: 0, cold: 1, alsoLostLater: 1 },
      runs: 6,
      chunkFiles: ['a.js', 'b.css'],
    };
    const chunk = { js: 40_000, css: 3000, ours: 9000, squire: 20_000, dompurify: 11_000 };
    const withBoth: BenchReport = {
      ...report,
      pending: [],
      groups: [
        {
          group: 'editor',
          title: 'Rich editor chunk',
          figures: [],
          data: { ...chunk, activation },
          missing: [],
          seconds: 1,
        },
        {
          group: 'merge',
          title: 'Mail merge',
          figures: [],
          data: { imports: [], render: null, build: null, campaign },
          missing: [],
          seconds: 1,
        },
      ],
    };
    const out = replaceBenchBlock(readme, withBoth, 'x');
    expect(out).toContain('| Rows per minute | 56.5 (113 sends) | quota bound 60 | yes |');
    expect(out).toContain('| Ratio to the bound | 0.942 | ≥ 0.95 (issue 14) | **no** |');
    expect(out).toContain('| Requests refused by the quota (429) | 0 | 0 | yes |');
    expect(out).toContain(
      '| Chunk prefetched while the page was idle (the usual case) | 280 ms (150–420) | ≤ 100 ms: **no** |',
    );
    expect(out).toContain('was **lost** in 1 of 6 runs');
    expect(out).not.toContain('Not measured yet');
    const older: BenchReport = {
      ...withBoth,
      groups: withBoth.groups.map((g) => ({
        ...g,
        data: g.group === 'merge' ? { imports: [], render: null, build: null } : chunk,
      })),
    };
    const plain = replaceBenchBlock(readme, older, 'x');
    expect(plain).not.toContain('Rows per minute');
    expect(plain).not.toContain('First click in the message body');
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceBenchBlock('# Fumi\n', report, 'x')).toThrow(/bench:start/);
  });
});
