/**
 * Nothing the user or the network supplies is ever run as code or parsed as HTML (issue 9, "XSS"): our own source
 * under src/ must not use any of the sinks below. Preact's text rendering escapes everything; these are the ways
 * around it. The strict CSP (no 'unsafe-eval', no 'unsafe-inline') is the second line; this scan is the first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const sourceRoot = join(root, 'src');

const sinks: Array<[string, RegExp]> = [
  ['eval(', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['Function(...) call', /(?<![\w.]|new\s+)Function\s*\(/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML assignment', /\bouterHTML\s*=/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser text/html', /parseFromString\s*\([^)]*text\/html/],
  ['setTimeout with a string', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URL', /['"`]javascript:/i],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs|html)$/.test(name) ? [path] : [];
  });
}

/** Source without comments, so a comment that names a sink (to explain why it is not used) does not count. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function findSinks(files: Array<{ path: string; text: string }>): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const lines = withoutComments(text).split('\n');
    lines.forEach((line, index) => {
      for (const [name, pattern] of sinks) if (pattern.test(line)) found.push(`${path}:${index + 1} — ${name}`);
    });
  }
  return found;
}

describe('no code or HTML sinks in src/', () => {
  const files = sourceFiles(sourceRoot).map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('scans a real tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((file) => file.path.endsWith('App.tsx'))).toBe(true);
  });

  it('finds every sink in a planted sample (so a clean result means something)', () => {
    const planted = sinks.map(([name]) => name);
    const sample = [
      'eval(code)',
      'const f = new Function("x", body)',
      'Function("return this")()',
      'el.innerHTML = text',
      'el.outerHTML = text',
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
      'el.insertAdjacentHTML("beforeend", x)',
      'document.write(x)',
      'range.createContextualFragment(x)',
      'new DOMParser().parseFromString(x, "text/html")',
      'setTimeout("alert(1)", 0)',
      'a.href = "javascript:alert(1)"',
    ].join('\n');
    const found = findSinks([{ path: 'sample.ts', text: sample }]);
    expect(found.map((entry) => entry.split(' — ')[1])).toEqual(planted);
    // A comment that names a sink is not a use of it.
    expect(findSinks([{ path: 'c.ts', text: '// never use innerHTML here\n/* eval( */' }])).toEqual([]);
  });

  it('src/ uses none of them', () => {
    expect(findSinks(files)).toEqual([]);
  });
});
