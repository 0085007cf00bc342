import { test } from '@playwright/test';
import type { MatrixRow } from './matrix-reporter.ts';

/** Adds this test's row to the fault matrix / hostile-input table printed at the end of the run. */
export function reportRow(row: MatrixRow): void {
  test.info().annotations.push({ type: 'matrix-row', description: JSON.stringify(row) });
}
