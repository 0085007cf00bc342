import { describe, expect, it } from 'vitest';
import { endMarker, replaceBenchBlock, startMarker } from '../../../bench/readme.ts';
import { type BenchReport, figure, sampled } from '../../../bench/result.ts';

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

  it('refuses a README without the markers', () => {
    expect(() => replaceBenchBlock('# Fumi\n', report, 'x')).toThrow(/bench:start/);
  });
});
