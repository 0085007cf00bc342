/**
 * The editor's lazy chunk (src/editor, issue 15): what the compose page downloads when it first shows the rich
 * editor. Built from `src/editor/index.ts` as the app builds it (Vite, Preact preset, minified), with what the first
 * load already carries left out (Preact and the text catalog), then again without Squire and DOMPurify to split the
 * total into ours and theirs. Gzip level 6, like first-load.ts.
 */
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build, type Rolldown } from 'vite';

export interface EditorChunk {
  js: number;
  css: number;
  ours: number;
  squire: number;
  dompurify: number;
}

const shared = ['preact', 'preact/hooks', 'preact/jsx-runtime', /src\/text\/catalog\.ts$/];

async function gzipOf(external: Array<string | RegExp>): Promise<{ js: number; css: number }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins: [preact()],
    build: {
      write: false,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: { input: 'src/editor/index.ts', external, preserveEntrySignatures: 'strict' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  let js = 0;
  let css = 0;
  for (const item of outputs.flatMap((output) => output.output)) {
    const source = item.type === 'chunk' ? item.code : item.source;
    const size = gzipSync(source, { level: 6 }).length;
    if (item.fileName.endsWith('.js')) js += size;
    else if (item.fileName.endsWith('.css')) css += size;
  }
  return { js, css };
}

export async function measureEditorChunk(): Promise<EditorChunk> {
  const all = await gzipOf(shared);
  const ours = await gzipOf([...shared, 'squire-rte', 'dompurify']);
  const withoutSquire = await gzipOf([...shared, 'squire-rte']);
  return {
    js: all.js,
    css: all.css,
    ours: ours.js,
    squire: all.js - withoutSquire.js,
    dompurify: withoutSquire.js - ours.js,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chunk = await measureEditorChunk();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `Editor chunk: ${kb(chunk.js)} gzip JS (ours ${kb(chunk.ours)}, Squire ${kb(chunk.squire)}, DOMPurify ${kb(chunk.dompurify)}) + ${kb(chunk.css)} gzip CSS`,
  );
}
