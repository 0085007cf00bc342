/**
 * Bytes on the wire per message byte, through the real sender (bench/pages/sender.ts) against the offline Google.
 * Bodies and headers come from Chromium's network log; CORS preflights count (headers only). The JSON target is 1.34
 * (base64url is 4/3, plus the JSON envelope), the upload target 1.01.
 */
import type { Browser, Page } from '@playwright/test';
import type { BenchGroup } from '../group.ts';
import type { SenderBench } from '../pages/sender.ts';
import { figure } from '../result.ts';
import { yes } from './format.ts';

export interface WireRow {
  case: string;
  path: string;
  outcome: string;
  messageBytes: number;
  /** Requests to the send endpoints, CORS preflights included. */
  requests: number;
  preflights: number;
  bodyBytes: number;
  headerBytes: number;
  /** Body bytes the sender itself says it sent (its onRequestBytes hook), for a cross-check. */
  reportedBodyBytes: number;
  bodyRatio: number;
  withHeadersRatio: number;
  target: number;
}

declare const senderBench: SenderBench;

const MiB = 1024 * 1024;
// Base64 in 76-column lines makes a message about 1.37× its attachment; these attachments give ≈1 and ≈12 MiB.
const cases = [
  { label: '1 MiB message, JSON', attachmentBytes: Math.round(0.73 * MiB), forceUpload: false, target: 1.34 },
  { label: '1 MiB message, upload', attachmentBytes: Math.round(0.73 * MiB), forceUpload: true, target: 1.01 },
  { label: '12 MiB message, upload', attachmentBytes: Math.round(12 * 0.73 * MiB), forceUpload: false, target: 1.01 },
];

async function issueToken(googleOrigin: string): Promise<string> {
  const response = await fetch(`${googleOrigin}/__control/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'alice@example.com', scopes: ['https://www.googleapis.com/auth/gmail.send'] }),
  });
  if (!response.ok) throw new Error(`token issuance failed: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

const sendUrl = /\/(upload\/|resumable\/upload\/)?gmail\/v1\/users\/[^/]+\/messages\/send/;

interface WireRequest {
  method: string;
  url: string;
  body: number;
  headers: number;
}

/**
 * Records every request to the send endpoints from Chromium's own network log (CDP), preflights included.
 * Playwright's request events cannot be used: they read a 308 "Resume Incomplete" as a redirect and lose the
 * chunk that carried it.
 */
async function recordSendRequests(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  // Without a large limit Chromium leaves bodies out of the log.
  await cdp.send('Network.enable', { maxPostDataSize: 64 * 1024 * 1024 });
  const requests = new Map<string, WireRequest>();
  const headerText = new Map<string, number>();
  // A body sent as a Blob (each upload chunk is `blob.slice()`) has no bytes in the log's postDataEntries; its
  // Content-Length, as Chromium wrote it on the wire, still counts it.
  const contentLength = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (event) => {
    const { request } = event;
    if (!sendUrl.test(request.url)) return;
    const body = (request.postDataEntries ?? []).reduce(
      (n, entry) => n + (entry.bytes ? Buffer.byteLength(entry.bytes, 'base64') : 0),
      0,
    );
    requests.set(event.requestId, { method: request.method, url: request.url, body, headers: 0 });
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
    // What Chromium put on the wire: request line, each header line, and the blank line (HTTP/1.1).
    const lines = Object.entries(event.headers).map(([name, value]) => `${name}: ${value}\r\n`);
    headerText.set(event.requestId, 40 + lines.join('').length + 2);
    const length = Object.entries(event.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    if (length !== undefined) contentLength.set(event.requestId, Number(length));
  });
  return {
    take(): WireRequest[] {
      const taken = [...requests].map(([id, r]) => {
        const url = new URL(r.url);
        const line = `${r.method} ${url.pathname}${url.search} HTTP/1.1\r\n`.length;
        const headers = headerText.has(id) ? headerText.get(id)! - 40 + line : 0;
        return { ...r, body: Math.max(r.body, contentLength.get(id) ?? 0), headers };
      });
      requests.clear();
      headerText.clear();
      contentLength.clear();
      return taken;
    },
    detach: () => cdp.detach(),
  };
}

export async function measureWire(
  browser: Browser,
  pagesOrigin: string,
  googleOrigin: string,
  log: (line: string) => void,
): Promise<WireRow[]> {
  const rows: WireRow[] = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${pagesOrigin}/sender/sender.html`);
    await page.waitForFunction(() => typeof (globalThis as { senderBench?: unknown }).senderBench === 'object');
    await page.evaluate((origin) => senderBench.init(origin), googleOrigin);
    const recorder = await recordSendRequests(page);
    for (const c of cases) {
      const token = await issueToken(googleOrigin);
      recorder.take();
      const run = await page.evaluate(({ size, token, force }) => senderBench.send(size, token, force), {
        size: c.attachmentBytes,
        token,
        force: c.forceUpload,
      });
      // The ExtraInfo event of the last request can trail the page's promise by a moment.
      await page.waitForTimeout(200);
      const requests = recorder.take();
      const bodyBytes = requests.reduce((n, r) => n + r.body, 0);
      const headerBytes = requests.reduce((n, r) => n + r.headers, 0);
      const row: WireRow = {
        case: c.label,
        path: run.path,
        outcome: run.outcome,
        messageBytes: run.messageBytes,
        requests: requests.length,
        preflights: requests.filter((r) => r.method === 'OPTIONS').length,
        bodyBytes,
        headerBytes,
        reportedBodyBytes: run.reported.reduce((n, r) => n + r.bytes, 0),
        bodyRatio: bodyBytes / run.messageBytes,
        withHeadersRatio: (bodyBytes + headerBytes) / run.messageBytes,
        target: c.target,
      };
      log(
        `  ${c.label.padEnd(24)} ${run.outcome} body ×${row.bodyRatio.toFixed(4)}, with headers ×${row.withHeadersRatio.toFixed(4)} (${row.requests} requests)`,
      );
      rows.push(row);
    }
    await recorder.detach();
  } finally {
    await context.close();
  }
  return rows;
}

function sentence(rows: WireRow[]): string[] {
  const json = rows.find((w) => w.path === 'json' && w.outcome === 'sent');
  const uploads = rows.filter((w) => w.path !== 'json' && w.outcome === 'sent');
  if (!json || uploads.length === 0) return [];
  const worst = Math.max(...uploads.map((w) => w.withHeadersRatio));
  return [
    '',
    `- The JSON path costs ${json.withHeadersRatio.toFixed(2)}× the message (base64url is 4/3), so large messages go through the resumable upload, whose overhead here was at most ${((worst - 1) * 100).toFixed(2)} %.`,
  ];
}

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export const wire: BenchGroup<WireRow[]> = {
  name: 'wire',
  title: 'Bytes on the wire',
  async run(ctx) {
    const [browser, pages, google] = await Promise.all([ctx.browser(), ctx.pages(), ctx.google()]);
    ctx.log('Bytes on the wire:');
    const rows = await measureWire(browser, pages.origin, google.origin, ctx.log);
    return {
      data: rows,
      figures: rows.map((w) =>
        figure({
          id: `wire.${slug(w.case)}`,
          label: `${w.case}: bytes on the wire ÷ message size, headers included`,
          unit: 'ratio',
          value: w.withHeadersRatio,
          limit: { max: w.target, kind: 'goal', source: 'issue 10 (base64url is 4/3 on the JSON path)' },
          note: `${w.outcome}, ${w.requests} requests, body ratio ${w.bodyRatio.toFixed(4)}`,
        }),
      ),
    };
  },
  render({ data }) {
    return [
      'Bytes on the wire (request bodies, and bodies + request headers incl. CORS preflights) ÷ message size:',
      '',
      '| Message | Path | Requests | Body ratio | With headers | Target |',
      '|---|---|---|---|---|---|',
      ...data.map(
        (w) =>
          `| ${w.case.split(',')[0]} (${(w.messageBytes / 2 ** 20).toFixed(2)} MiB) | ${w.path}${w.outcome === 'sent' ? '' : ` (${w.outcome})`} | ${w.requests} | ` +
          `${w.bodyRatio.toFixed(4)} | ${w.withHeadersRatio.toFixed(4)} | ≤ ${w.target}: ${yes(w.withHeadersRatio <= w.target)} |`,
      ),
      ...sentence(data),
    ];
  },
};
