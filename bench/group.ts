/**
 * What a benchmark group is. To add one: write `bench/groups/<name>.ts` exporting a `BenchGroup`, and list it in
 * `bench/groups/index.ts`. `run` measures with what the context provides (started on first use, shared by every
 * group of the run); `render` turns the group's JSON result back into Markdown, so the README can be regenerated
 * from a saved report without measuring again.
 */
import type { Browser } from '@playwright/test';
import type { Figure, GroupResult } from './result.ts';

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export interface BenchContext {
  /** Runs per measurement (5, or 3 with `--quick`). */
  runs: number;
  quick: boolean;
  log(line: string): void;
  /** Headless Chromium (Playwright), launched once with the flags of test/support/chromium.ts. */
  browser(): Promise<Browser>;
  /** The benchmark pages (bench/pages/*.html), bundled and served; `${origin}/<page>/<page>.html`. */
  pages(): Promise<Served & { dir: string }>;
  /** The offline Google on a free port. */
  google(): Promise<Served>;
  /**
   * The app built with `vite build --mode offline` against `google()`, served by `vite preview` with the production
   * headers (CSP included), as the browser tests serve it.
   */
  app(): Promise<Served & { dir: string }>;
  /** A free TCP port on 127.0.0.1 (the OS picks it, so never one of the browser tests' fixed ports). */
  freePort(): Promise<number>;
}

/** What `run` returns; the runner adds the group's name, title and duration. */
export interface GroupOutput<D> {
  figures: Figure[];
  data: D;
  missing?: string[];
}

export interface BenchGroup<D = unknown> {
  /** Used by `--only` / `--skip` and as the prefix of figure ids. */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<GroupOutput<D>>;
  /** Markdown for the terminal and the README, from the result alone. */
  render(result: GroupResult<D>): string[];
}
