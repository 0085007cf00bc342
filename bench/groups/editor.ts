/**
 * The rich editor's lazy chunk (src/editor): what the compose page downloads when it first shows the editor, split
 * into our code and the two libraries (bench/editor-chunk.ts). The first load never carries it (the size group and
 * the CI budget test count the first load). And the time from the first click in the body to an editable editor in
 * the built app, with the chunk prefetched and cold (bench/editor-activation.ts).
 */
import { type EditorActivation, measureEditorActivation } from '../editor-activation.ts';
import { type EditorChunk, measureEditorChunk } from '../editor-chunk.ts';
import type { BenchGroup } from '../group.ts';
import { type Figure, figure, sampled } from '../result.ts';
import { against, kb, ms } from './format.ts';

/** A response within 100 ms feels instant: RAIL's response goal (web.dev/articles/rail). */
const instant = {
  max: 100,
  kind: 'goal',
  source:
    'RAIL: respond to input within 100 ms (web.dev/articles/rail); INP counts ≤ 200 ms as good (web.dev/articles/inp)',
} as const;

export interface EditorBenchData extends EditorChunk {
  /** Absent in reports from before it was measured, or when it failed. */
  activation?: EditorActivation | null;
}

function activationFigures(a: EditorActivation): Figure[] {
  const lost = a.lostAtOnce.prefetched + a.lostAtOnce.cold;
  return [
    sampled(
      {
        id: 'editor.activation.prefetched',
        label: 'First click in the body → editable rich editor, chunk prefetched while idle',
        unit: 'ms',
        limit: instant,
      },
      a.prefetchedMs.runs,
    ),
    sampled(
      {
        id: 'editor.activation.cold',
        label: 'First click in the body → editable rich editor, chunk fetched at the click (cold cache)',
        unit: 'ms',
        limit: instant,
      },
      a.coldMs.runs,
    ),
    figure({
      id: 'editor.activation.typed-at-once-lost',
      label: 'Runs in which text typed at once after the editor took focus did not land',
      unit: 'count',
      value: lost,
      limit: { max: 0, kind: 'goal', source: 'issue 17: an editable editor, so that typed text lands in it' },
      note: `of ${a.runs} runs; ${a.lostAtOnce.alsoLostLater} also lost text typed a second later`,
    }),
  ];
}

export const editor: BenchGroup<EditorBenchData> = {
  name: 'editor',
  title: 'Rich editor chunk',
  async run(ctx) {
    ctx.log('Building the editor chunk…');
    const chunk = await measureEditorChunk();
    const missing: string[] = [];
    let activation: EditorActivation | null = null;
    try {
      const [browser, served] = await Promise.all([ctx.browser(), ctx.app()]);
      activation = await measureEditorActivation(browser, served.origin, served.dir, ctx.runs);
      ctx.log(
        `  first click → editable editor: prefetched ${ms(activation.prefetchedMs)}, cold ${ms(activation.coldMs)}`,
      );
    } catch (error) {
      missing.push(`first click to an editable editor: ${String(error).split('\n')[0]}`);
    }
    return {
      data: { ...chunk, activation },
      missing,
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
        ...(activation ? activationFigures(activation) : []),
      ],
    };
  },
  render(result) {
    const { js, css, ours, squire, dompurify, activation } = result.data;
    const lines = [
      '| Lazy chunk | gzip | Of which |',
      '|---|---|---|',
      `| Rich editor (loaded on first use, never on first load) | ${kb(js)} JS + ${kb(css)} CSS | ours ${kb(ours)}, Squire ${kb(squire)}, DOMPurify ${kb(dompurify)} |`,
    ];
    if (activation) {
      const [prefetched, cold] = activationFigures(activation);
      lines.push(
        '',
        'First click in the message body (rich mode) to the rich editor focused and editable, in the built app; then typed text is checked to land in it:',
        '',
        '| Case | Time | Limit |',
        '|---|---|---|',
        `| Chunk prefetched while the page was idle (the usual case) | ${ms(activation.prefetchedMs)} | ${against(prefetched)} |`,
        `| Chunk held back until the click, cold cache (${activation.chunkFiles.length} files) | ${ms(activation.coldMs)} | ${against(cold)} |`,
      );
      const { prefetched: lostPrefetched, cold: lostCold, alsoLostLater } = activation.lostAtOnce;
      lines.push(
        '',
        lostPrefetched + lostCold === 0
          ? `Text typed at once after the editor took focus landed in it in all ${activation.runs} runs.`
          : `Text typed at once after the editor took focus was **lost** in ${lostPrefetched + lostCold} of ${activation.runs} runs (${lostPrefetched} prefetched, ${lostCold} cold); in ${alsoLostLater} of them text typed a second later was lost too.`,
      );
    }
    return lines;
  },
};
