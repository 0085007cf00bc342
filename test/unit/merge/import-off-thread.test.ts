/**
 * The page's side of the import worker, with the worker run in-process (its real message handler, answers
 * delivered asynchronously as a worker's are): sessions, batches, the idle worker, abort, failure and start-up error.
 */
import { describe, expect, it } from 'vitest';
import { guessColumns } from '../../../src/merge/core/columns.ts';
import { importListBytes } from '../../../src/merge/core/list.ts';
import { analyseRecipients, emptySettings } from '../../../src/merge/core/recipients.ts';
import { handleImportRequest, newWorkerState } from '../../../src/merge/import-handler.ts';
import { createImportWorkerClient, type ImportWorkerLike } from '../../../src/merge/import-off-thread.ts';
import { BATCH_ROWS, type ImportRequest, type ImportResponse } from '../../../src/merge/import-protocol.ts';
import { bigList, fixture } from './fixtures.ts';

/** A worker in this process: the real handler, its own memory, answers one macrotask later. */
class InProcessWorker implements ImportWorkerLike {
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  readonly received: ImportRequest['kind'][] = [];
  readonly sent: ImportResponse['kind'][] = [];
  private readonly state = newWorkerState();
  private queue = Promise.resolve();

  postMessage(message: ImportRequest): void {
    if (this.terminated) return;
    this.received.push(message.kind);
    const copy = structuredClone(message);
    this.queue = this.queue.then(() =>
      handleImportRequest(copy, this.state, (response) => {
        const cloned = structuredClone(response);
        setTimeout(() => {
          if (this.terminated) return;
          this.sent.push(cloned.kind);
          this.onmessage?.({ data: cloned } as MessageEvent<ImportResponse>);
        }, 0);
      }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }
}

function harness() {
  const workers: InProcessWorker[] = [];
  const client = createImportWorkerClient({
    createWorker: () => {
      const worker = new InProcessWorker();
      workers.push(worker);
      return worker;
    },
    idleMs: 60_000,
  });
  return { client, workers };
}

describe('createImportWorkerClient', () => {
  it('imports a Japanese Excel file in the worker and returns what the core returns', async () => {
    const { client } = harness();
    const bytes = fixture('japanese-excel-cp932.csv');
    const expected = importListBytes(bytes);
    const session = await client.importFile(bytes.slice());
    expect(session.list).toEqual(expected);
    expect(session.columns).toEqual(guessColumns(expected));
    expect(session.analysis).toEqual(analyseRecipients(expected, emptySettings(guessColumns(expected))));
    client.dispose();
  });

  it('checks the list again in the same worker, sending only the settings', async () => {
    const { client, workers } = harness();
    const session = await client.importText('氏名\tメール\n山田\ttaro@example.jp\n佐藤\ttaro@example.jp\n');
    const settings = { ...emptySettings(session.columns), keepDuplicates: [3] };
    const analysis = await session.analyse(settings);
    expect(analysis.ready).toBe(2);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toEqual(['import-text', 'analyse']);
    session.close();
    await expect(session.analyse(settings)).rejects.toThrow(/closed/);
    client.dispose();
  });

  it('brings 10,000 rows back in batches, in order', async () => {
    const { client, workers } = harness();
    const session = await client.importText(bigList(10_000));
    expect(session.list.rows).toHaveLength(10_000);
    expect(session.list.rows.every((row, i) => row.row === i + 2)).toBe(true);
    expect(session.analysis.rows).toHaveLength(10_000);
    const sent = workers[0]!.sent;
    expect(sent.filter((kind) => kind === 'rows')).toHaveLength(10_000 / BATCH_ROWS);
    expect(sent.filter((kind) => kind === 'analysis-rows')).toHaveLength(10_000 / BATCH_ROWS);
    session.close();
    client.dispose();
  });

  it('writes the results file from records sent a batch at a time', async () => {
    const { client, workers } = harness();
    const records = [['行', '状態'], ...Array.from({ length: 1200 }, (_, i) => [String(i + 2), '送信済み'])];
    const file = await client.exportResults(records, {
      encoding: 'shift_jis',
      bom: false,
      delimiter: ',',
      extension: 'csv',
    });
    const lines = new TextDecoder('shift_jis').decode(file.bytes).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['行,状態', '2,送信済み']);
    expect(lines).toHaveLength(1202);
    expect(workers[0]!.received.filter((kind) => kind === 'export-rows')).toHaveLength(Math.ceil(1201 / BATCH_ROWS));
    client.dispose();
  });

  it('keeps one idle worker for the next job and starts one ahead on request', async () => {
    const { client, workers } = harness();
    client.prewarm();
    expect(workers).toHaveLength(1);
    const first = await client.importText('メール\ntaro@example.jp\n');
    first.close();
    const second = await client.importText('メール\nhanako@example.jp\n');
    expect(workers).toHaveLength(1);
    // While a session holds the worker, another job gets a worker of its own.
    await client.exportResults([['a']], { encoding: 'utf-8', bom: true, delimiter: ',', extension: 'csv' });
    expect(workers).toHaveLength(2);
    second.close();
    client.dispose();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  it('cancels an import by terminating its worker; the next import starts a fresh one', async () => {
    const { client, workers } = harness();
    const controller = new AbortController();
    const pending = client.importText(bigList(2000), {}, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.terminated).toBe(true);
    const next = await client.importText('メール\ntaro@example.jp\n');
    expect(next.list.rows).toHaveLength(1);
    expect(workers).toHaveLength(2);
    await expect(client.importText('x', {}, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    client.dispose();
  });

  it('stops waiting for a re-check on abort without losing the list', async () => {
    const { client } = harness();
    const session = await client.importText('メール\ntaro@example.jp\n');
    const controller = new AbortController();
    const pending = session.analyse(emptySettings(session.columns), controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(session.analyse(emptySettings(session.columns))).resolves.toMatchObject({ ready: 1 });
    client.dispose();
  });

  it('reports a failure inside the worker, and the worker stays usable', async () => {
    const { client, workers } = harness();
    const bad = client.importFile(new Uint8Array([0x41]), { encoding: 'klingon' as 'utf-8' });
    await expect(bad).rejects.toThrow(/import worker: RangeError/);
    await client.importText('メール\ntaro@example.jp\n');
    expect(workers).toHaveLength(1);
    client.dispose();
  });

  it('rejects when the worker cannot start (blocked by policy, an old browser)', async () => {
    const client = createImportWorkerClient({
      createWorker: () => {
        const worker = new InProcessWorker();
        worker.postMessage = () => setTimeout(() => worker.onerror?.(new Event('error')), 0);
        return worker;
      },
    });
    await expect(client.importText('メール\n')).rejects.toThrow(/could not start/);
    client.dispose();
  });
});
