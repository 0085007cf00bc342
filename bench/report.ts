/**
 * The Markdown of one run (the terminal output, and the README's generated "Performance" block), from the JSON
 * report alone: the machine line, each group's own tables and sentences, what was not measured and what is pending.
 */
import { groups } from './groups/index.ts';
import type { BenchReport } from './result.ts';

export function machineLine(r: BenchReport): string {
  const m = r.machine;
  const load = `load average ${m.loadAverage.start.toFixed(1)} at the start and ${m.loadAverage.end.toFixed(1)} at the end`;
  const memory = `writing 35 MB into fresh memory took ${m.freshMemory.firstWriteMs.toFixed(0)} ms, into the same memory again ${m.freshMemory.againMs.toFixed(1)} ms`;
  return (
    `Measured ${r.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(0)} GiB RAM, ${m.os}; ` +
    `Node ${m.node}; headless Chromium ${m.chromium}; ${load}; ${memory}. Times are median (min–max).`
  );
}

export function formatReport(r: BenchReport): string {
  const out: string[] = [machineLine(r), ''];
  const m = r.machine;
  // The load at the end counts the bench's own browsers (Lighthouse and the layout-shift pages run last), so only the
  // load before it started says whether something else shared the machine.
  if (m.loadAverage.start > m.cores) {
    out.push(
      `The machine was shared and loaded (more runnable work than its ${m.cores} cores before this run began): times are noisy and longer than on an idle machine.`,
      '',
    );
  }
  if (m.freshMemory.firstWriteMs > 10 * Math.max(m.freshMemory.againMs, 1)) {
    out.push(
      `Fresh memory is dear on this machine (page faults cost ${(m.freshMemory.firstWriteMs / Math.max(m.freshMemory.againMs, 0.1)).toFixed(0)}× the writing): every figure that makes a new large buffer (a build, a structured clone, a Blob, a base64 string) carries that cost, the native floor included.`,
      '',
    );
  }
  for (const result of r.groups) {
    const group = groups.find((g) => g.name === result.group);
    const lines = group && result.data !== null ? group.render(result) : [];
    if (lines.length) out.push(`**${result.title}**`, '', ...lines, '');
    for (const line of result.missing) out.push(`Not measured (${result.title}): ${line}`, '');
  }
  if (r.pending.length) out.push(`Not measured yet (issue 17): ${r.pending.join('; ')}.`, '');
  return out.join('\n').trimEnd();
}
