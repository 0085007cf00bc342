/**
 * Runs one message builder inside a benchmark page. Node (bench/builders.ts) drives it through `window.bench`:
 * `prepare(size)` makes the attachment outside the timing, `run()` times one build and reports the longest
 * main-thread task seen meanwhile (Long Tasks API: only tasks over 50 ms are reported, so 0 means none).
 */

/** The same message for every builder: a Japanese sender and subject, a short bilingual body, one attachment. */
export interface BenchMessage {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  attachment: { filename: string; contentType: string; data: Uint8Array } | null;
}

export interface RunResult {
  wallMs: number;
  longestTaskMs: number;
  /** Length of what the builder returned (bytes, or UTF-16 code units for builders that return a string). */
  outputLength: number;
}

/** A builder returns its message as bytes or as a string; async for the worker path. */
export type BuildFn = (message: BenchMessage) => Uint8Array | string | Promise<Uint8Array | string>;

const body = [
  'お世話になっております。山田です。',
  '先週の作業報告書を添付いたしましたので、ご確認のほどよろしくお願いいたします。',
  '',
  'Hello Hanako, the weekly report is attached. Numbers are in section 3.',
  '',
  '山田 太郎',
].join('\n');

/** Deterministic pseudo-random bytes (xorshift32): incompressible like a real PDF or photo, same in every run. */
function attachmentBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return bytes;
}

export function benchMessage(attachmentSize: number): BenchMessage {
  return {
    from: { name: '山田 太郎', address: 'taro@example.com' },
    to: { name: 'Hanako Sato', address: 'hanako@example.jp' },
    subject: '週次報告書の送付 — weekly report',
    text: body,
    attachment:
      attachmentSize > 0
        ? { filename: '報告書.bin', contentType: 'application/octet-stream', data: attachmentBytes(attachmentSize) }
        : null,
  };
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

const nextTask = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installs `window.bench` for one builder. */
export function installBench(name: string, build: BuildFn): void {
  let message: BenchMessage | null = null;
  let lastOutput: Uint8Array | string | null = null;
  const api = {
    name,
    prepare(attachmentSize: number) {
      message = benchMessage(attachmentSize);
      lastOutput = null;
    },
    async run(): Promise<RunResult> {
      if (!message) throw new Error('prepare() first');
      lastOutput = null;
      // Let the task that called us end, so its own time is not charged to the build.
      await nextTask(0);
      const start = performance.now();
      const output = await build(message);
      const wallMs = performance.now() - start;
      // Long-task entries arrive after the task ends; give the observer a moment.
      await nextTask(100);
      const during = longTasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= start + wallMs);
      const longestTaskMs = Math.max(0, ...during.map((t) => t.duration));
      lastOutput = output;
      return { wallMs, longestTaskMs, outputLength: output.length };
    },
    /** The last message, as text, for a sanity check from Node (small messages only). */
    lastText(): string {
      if (lastOutput === null) return '';
      return typeof lastOutput === 'string' ? lastOutput : new TextDecoder().decode(lastOutput);
    },
    release() {
      message = null;
      lastOutput = null;
    },
  };
  (globalThis as unknown as { bench: typeof api }).bench = api;
}

export type BenchApi = {
  name: string;
  prepare(attachmentSize: number): void;
  run(): Promise<RunResult>;
  lastText(): string;
  release(): void;
};
