/**
 * Runs one message builder inside a benchmark page. Node (bench/groups/builders.ts) drives it through
 * `window.bench`: `prepare(size)` makes the attachment (and the builder's input) outside the timing, `run()` times
 * one build and reports the longest main-thread task seen meanwhile (Long Tasks API: only tasks over 50 ms are
 * reported, so 0 means none). A page may also time native `toBase64` over the same bytes in the same run: the floor
 * our encoder is compared with.
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
  /** Length of what the builder returned (bytes, UTF-16 code units for a string, or a Blob's size). */
  outputLength: number;
  /** `Uint8Array.prototype.toBase64` over the attachment, timed in the same run (pages with a floor). */
  nativeMs?: number;
  /** The page's own encoder over the same bytes into an output buffer written once before (no fresh memory). */
  encoderMs?: number;
}

type Output = Uint8Array | string | Blob;

/** One builder as a benchmark page runs it. */
export interface BenchBuilder<I> {
  /** The builder's input from the benchmark message, made outside the timing (e.g. a File from the bytes). */
  input(message: BenchMessage): I;
  /** Builds; async for the worker paths. */
  build(input: I): Output | Promise<Output>;
  /**
   * Also time, after the build in every run, native `toBase64` over the same attachment bytes, and `encode` (the
   * builder's own encoder) into a buffer of `outputLength(bytes)` that was written once at prepare time. Fresh memory
   * can cost more than the encoding itself (every first write to a page is a page fault), so the second figure
   * compares the encoders alone.
   */
  floor?: { encode(source: Uint8Array, out: Uint8Array): void; outputLength(byteLength: number): number };
}

interface WithToBase64 {
  toBase64(): string;
}

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
export function installBench<I>(name: string, builder: BenchBuilder<I>): void {
  let message: BenchMessage | null = null;
  let input: I | null = null;
  let lastOutput: Output | null = null;
  let encoderOut: Uint8Array | null = null;
  const api = {
    name,
    prepare(attachmentSize: number) {
      message = benchMessage(attachmentSize);
      input = builder.input(message);
      lastOutput = null;
      encoderOut = builder.floor ? new Uint8Array(builder.floor.outputLength(attachmentSize)).fill(0x41) : null;
    },
    async run(): Promise<RunResult> {
      if (!message || input === null) throw new Error('prepare() first');
      lastOutput = null;
      // Let the task that called us end, so its own time is not charged to the build.
      await nextTask(0);
      const start = performance.now();
      const output = await builder.build(input);
      const wallMs = performance.now() - start;
      // Long-task entries arrive after the task ends; give the observer a moment.
      await nextTask(100);
      const during = longTasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= start + wallMs);
      const longestTaskMs = Math.max(0, ...during.map((t) => t.duration));
      const outputLength = output instanceof Blob ? output.size : output.length;
      const result: RunResult = { wallMs, longestTaskMs, outputLength };
      if (builder.floor && encoderOut && message.attachment) {
        const bytes = message.attachment.data as Uint8Array & WithToBase64;
        // The build's garbage is collected first (as Node does before each build), so neither pays for the other.
        (globalThis as { gc?: () => void }).gc?.();
        const nativeStart = performance.now();
        const text = bytes.toBase64();
        result.nativeMs = performance.now() - nativeStart;
        if (text.length === 0) throw new Error('toBase64 gave nothing');
        const encoderStart = performance.now();
        builder.floor.encode(bytes, encoderOut);
        result.encoderMs = performance.now() - encoderStart;
      }
      lastOutput = output;
      return result;
    },
    /** The last message, as text, for a sanity check from Node (small messages only). */
    async lastText(): Promise<string> {
      if (lastOutput === null) return '';
      if (typeof lastOutput === 'string') return lastOutput;
      const bytes = lastOutput instanceof Blob ? new Uint8Array(await lastOutput.arrayBuffer()) : lastOutput;
      return new TextDecoder().decode(bytes);
    },
    release() {
      message = null;
      input = null;
      lastOutput = null;
      encoderOut = null;
    },
  };
  (globalThis as unknown as { bench: typeof api }).bench = api;
}

export type BenchApi = {
  name: string;
  prepare(attachmentSize: number): void;
  run(): Promise<RunResult>;
  lastText(): Promise<string>;
  release(): void;
};
