/**
 * The text catalog as a whole (src/text): every sentence in both languages with the same placeholders, Japanese that
 * is Japanese, no key defined twice, and no dead key: each one is used somewhere in src/, as a literal or through a
 * template literal such as `auth.${code}.title`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
// The parser Vite itself builds with (oxc, through rolldown); it reads TSX as the compiler does.
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../src/text/define.ts';

const root = join(import.meta.dirname, '../../..');
const textDir = join(root, 'src/text');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function isSentence(value: unknown): value is Sentence {
  return typeof value === 'object' && value !== null && 'en' in value && 'ja' in value;
}

async function loadTables(): Promise<Map<string, { file: string; sentence: Sentence }>> {
  const keys = new Map<string, { file: string; sentence: Sentence }>();
  for (const path of sourceFiles(textDir)) {
    const module = (await import(path)) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      if (typeof exported !== 'object' || exported === null) continue;
      const entries = Object.entries(exported);
      if (entries.length === 0 || !entries.every(([, value]) => isSentence(value))) continue;
      for (const [key, sentence] of entries) {
        const file = relative(root, path);
        const earlier = keys.get(key);
        if (earlier && earlier.file !== file) throw new Error(`${key} is defined in ${earlier.file} and ${file}`);
        keys.set(key, { file, sentence: sentence as Sentence });
      }
    }
  }
  return keys;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every string literal and every template literal (as a pattern) in the app's code, the tables' own keys aside. */
function usedStrings(): { exact: Set<string>; patterns: RegExp[] } {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as {
      type?: string;
      value?: unknown;
      quasis?: { value: { cooked: string } }[];
      callee?: { name?: string };
    };
    // The tables themselves define keys; they do not use them.
    if (record.type === 'CallExpression' && record.callee?.name === 'defineText') return;
    if (record.type === 'Literal' && typeof record.value === 'string') exact.add(record.value);
    if (record.type === 'TemplateLiteral' && record.quasis) {
      const parts = record.quasis.map((quasi) => escapeRegExp(quasi.value.cooked ?? ''));
      if (parts.length === 1) exact.add(record.quasis[0]?.value.cooked ?? '');
      // A pattern needs a fixed prefix naming a key family (`auth.`), or it would match every key.
      else if (/^[a-z-]+\\\./.test(parts[0] ?? '')) patterns.push(new RegExp(`^${parts.join('.+')}$`));
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  for (const path of sourceFiles(join(root, 'src'))) {
    visit(parseAst(readFileSync(path, 'utf8'), { lang: path.endsWith('x') ? 'tsx' : 'ts' }, path));
  }
  return { exact, patterns };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
// Hiragana, katakana or kanji: a Japanese sentence has at least one.
const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;
// Sentences that are the same in both languages on purpose (names, field labels Gmail itself shows in Latin).
const sameInBothLanguages = new Set([
  'app.name',
  'compose.cc',
  'compose.bcc',
  'compose.send.shortcut',
  'compose.send.shortcut.mac',
  'compose.attachments.total',
  'gmail.field.cc',
  'gmail.field.bcc',
  'gmail.field.from',
  'gmail.field.to',
  'gmail.field.subject',
  'mail.field.cc',
  'mail.field.bcc',
  'mail.field.messageId',
  'mail.field.inReplyTo',
  'mail.field.references',
  'mail.invalid-address.detail',
  'mail.address.problem',
  'merge.row.address',
  'check.script.gis',
  'check.mode.google',
  'setup.config-example.label',
]);

// Top-level await: the tables are loaded before the tests are collected, so each key is a test of its own.
const tables = await loadTables();
const keys = [...tables.keys()];

describe('the text catalog', () => {
  it('has the tables', () => {
    expect(keys.length).toBeGreaterThan(200);
  });

  it.each(keys)('%s: both languages written, same placeholders', (key) => {
    const { sentence } = tables.get(key)!;
    expect(sentence.en.trim(), 'English').not.toBe('');
    expect(sentence.ja.trim(), 'Japanese').not.toBe('');
    expect(placeholders(sentence.ja), 'placeholders').toEqual(placeholders(sentence.en));
    if (!sameInBothLanguages.has(key)) expect(sentence.ja, 'reads as Japanese').toMatch(japanese);
  });

  it('has no dead key: each one is used in src/', () => {
    const { exact, patterns } = usedStrings();
    const unused = keys.filter((key) => !exact.has(key) && !patterns.some((pattern) => pattern.test(key)));
    expect(unused).toEqual([]);
  });
});
