/**
 * The rich editor's lazy chunk (src/editor): what the compose page downloads when it first shows the editor, split
 * into our code and the two libraries (bench/editor-chunk.ts). The first load never carries it (the size group and
 * the CI budget test count the first load).
 */
import { type EditorChunk, measureEditorChunk } from '../editor-chunk.ts';
import type { BenchGroup } from '../group.ts';
import { figure } from '../result.ts';
import { kb } from './format.ts';

export const editor: BenchGroup<EditorChunk> = {
  name: 'editor',
  title: 'Rich editor chunk',
  async run(ctx) {
    ctx.log('Building the editor chunk…');
    const chunk = await measureEditorChunk();
    return {
      data: chunk,
      figures: [
        figure({ id: 'editor.chunk.js.gzip', label: 'Editor chunk JS, gzip', unit: 'bytes', value: chunk.js }),
        figure({ id: 'editor.chunk.css.gzip', label: 'Editor chunk CSS, gzip', unit: 'bytes', value: chunk.css }),
        figure({ id: 'editor.chunk.ours.gzip', label: 'of which our code', unit: 'bytes', value: chunk.ours }),
        figure({ id: 'editor.chunk.squire.gzip', label: 'of which Squire', unit: 'bytes', value: chunk.squire }),
        figure({
          id: 'editor.chunk.dompurify.gzip',
          label: 'of which DOMPurify',
          unit: 'bytes',
          value: chunk.dompurify,
        }),
      ],
    };
  },
  render(result) {
    const { js, css, ours, squire, dompurify } = result.data;
    return [
      '| Lazy chunk | gzip | Of which |',
      '|---|---|---|',
      `| Rich editor (loaded on first use, never on first load) | ${kb(js)} JS + ${kb(css)} CSS | ours ${kb(ours)}, Squire ${kb(squire)}, DOMPurify ${kb(dompurify)} |`,
    ];
  },
};
