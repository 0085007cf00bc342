/**
 * The pure core (tsconfig.core.json) compiles without the DOM library. This checks both halves: the core as it is
 * passes, and a core file that reaches for `document` would fail, so the check itself cannot silently go soft.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const tsc = join(root, 'node_modules/.bin/tsc');

function typecheck(project: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(tsc, ['-p', project, '--noEmit'], { cwd: root, encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the pure core', () => {
  it('compiles without the DOM library', () => {
    const result = typecheck(join(root, 'tsconfig.core.json'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('would refuse a core module that touches the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fumi-core-'));
    writeFileSync(join(dir, 'probe.ts'), 'export const title = document.title;\nexport const saved = localStorage;\n');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'tsconfig.core.json'),
        include: [join(root, 'types/core-runtime.d.ts'), join(dir, 'probe.ts')],
      }),
    );
    const result = typecheck(join(dir, 'tsconfig.json'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find name 'document'/);
    expect(result.output).toMatch(/Cannot find name 'localStorage'/);
  });
});
