/**
 * Prints the fault matrix and the hostile-input tally at the end of a Playwright run. Tests report a row with
 * `reportRow(...)` (an annotation), so the table is built from what actually ran, not from a hand-kept list.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export interface MatrixRow {
  table: 'fault' | 'hostile';
  name: string;
  userSees: string;
  draftKept: boolean;
  arrived: number;
  expectedArrived: string;
}

interface Collected extends MatrixRow {
  passed: boolean;
}

export default class MatrixReporter implements Reporter {
  private rows: Collected[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const annotation of result.annotations ?? test.annotations) {
      if (annotation.type !== 'matrix-row' || !annotation.description) continue;
      const row = JSON.parse(annotation.description) as MatrixRow;
      this.rows.push({ ...row, passed: result.status === 'passed' });
    }
  }

  onEnd(): void {
    for (const table of ['fault', 'hostile'] as const) {
      const rows = this.rows.filter((row) => row.table === table);
      if (rows.length === 0) continue;
      const title = table === 'fault' ? 'Fault matrix' : 'Hostile inputs';
      const lines = [
        `\n${title} (${rows.length} rows)`,
        '| # | case | what the user sees | draft kept | arrived (expected) | result |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows.map(
          (row, index) =>
            `| ${index + 1} | ${row.name} | ${row.userSees.replace(/\|/g, '\\|')} | ${row.draftKept ? 'yes' : 'NO'} | ${row.arrived} (${row.expectedArrived}) | ${row.passed ? 'pass' : 'FAIL'} |`,
        ),
      ];
      const lost = rows.filter((row) => !row.draftKept).length;
      const duplicates = rows.filter((row) => row.arrived > 1).length;
      lines.push(`${rows.length} cases, ${lost} lost drafts, ${duplicates} duplicate sends`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
