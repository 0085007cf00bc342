import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime } from '../../../src/i18n/format.ts';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 bytes'],
    [999, 'en', '999 bytes'],
    [1, 'ja', '1 バイト'],
    [1024, 'en', '1 kB'],
    [1536, 'en', '1.5 kB'],
    [25 * 1024 * 1024, 'en', '25 MB'],
    [12.5 * 1024 * 1024, 'ja', '12.5 MB'],
    [150 * 1024, 'en', '150 kB'],
  ] as const)('%d bytes in %s', (bytes, language, expected) => {
    expect(formatBytes(bytes, language).replace(/\u00a0/g, ' ')).toMatch(
      new RegExp(`^${expected.replace('.', '\\.')}`),
    );
  });
  it('never shows a negative size', () => {
    expect(formatBytes(-5, 'en')).toMatch(/^0/);
  });
});

describe('formatDateTime', () => {
  const at = Date.UTC(2026, 10, 25, 3, 4);
  it('writes Japanese dates the Japanese way', () => {
    expect(formatDateTime(at, 'ja')).toMatch(/2026\/11\/2[56]/);
  });
  it('writes English dates with a month name', () => {
    expect(formatDateTime(at, 'en')).toMatch(/Nov 2[56], 2026/);
  });
});
