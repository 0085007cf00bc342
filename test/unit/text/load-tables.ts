/** Every text table in src/text, by key: what the catalog test and the README-quote test read. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Sentence } from '../../../src/text/define.ts';

const root = join(import.meta.dirname, '../../..');
const textDir = join(root, 'src/text');

function isSentence(value: unknown): value is Sentence {
  return typeof value === 'object' && value !== null && 'en' in value && 'ja' in value;
}

function tableFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tableFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

export async function loadTextTables(): Promise<Map<string, { file: string; sentence: Sentence }>> {
  const keys = new Map<string, { file: string; sentence: Sentence }>();
  for (const path of tableFiles(textDir)) {
    const module = (await import(path)) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      if (typeof exported !== 'object' || exported === null) continue;
      const entries = Object.entries(exported);
      if (entries.length === 0 || !entries.every(([, value]) => isSentence(value))) continue;
      for (const [key, sentence] of entries)
        keys.set(key, { file: relative(root, path), sentence: sentence as Sentence });
    }
  }
  return keys;
}
