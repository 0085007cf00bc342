import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadGapi, loadGis } from '../../../src/google/google-scripts.ts';
import { loadScript, ScriptLoadError } from '../../../src/google/load-script.ts';
import type { GoogleGlobals } from '../../../src/google/types.ts';

const gisUrl = 'http://127.0.0.1:8790/gsi/client';

/**
 * Just enough of a Document for the loader. (happy-dom refuses script loading synchronously with an error event,
 * which leaves no way to play a slow or successful network.)
 */
class FakeScript {
  src = '';
  async = false;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readonly attributes = new Map<string, string>();
  constructor(private readonly owner: FakeDocument) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  remove() {
    this.owner.scripts = this.owner.scripts.filter((tag) => tag !== this);
  }
}

class FakeDocument {
  scripts: FakeScript[] = [];
  head = { append: (tag: FakeScript) => this.scripts.push(tag) };
  createElement(name: string) {
    if (name !== 'script') throw new Error(name);
    return new FakeScript(this);
  }
  querySelectorAll(selector: string) {
    const wanted = /^script\[data-google-script="(\w+)"\]$/.exec(selector)?.[1];
    return this.scripts.filter((tag) => tag.getAttribute('data-google-script') === wanted);
  }
}

let fakeDocument = new FakeDocument();
const document = () => fakeDocument as unknown as Document;

function tags(script: string): FakeScript[] {
  return fakeDocument.querySelectorAll(`script[data-google-script="${script}"]`);
}

/** Plays the network: fires `load` or `error` on the current tag for `script`. */
function finish(script: string, event: 'load' | 'error') {
  const tag = tags(script).at(-1);
  if (!tag) throw new Error(`no tag for ${script}`);
  (event === 'load' ? tag.onload : tag.onerror)?.();
}

beforeEach(() => {
  vi.useFakeTimers();
  fakeDocument = new FakeDocument();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('loadScript', () => {
  it('inserts one async tag and resolves on load', async () => {
    const loading = loadScript('gis', gisUrl, { document: document() });
    const [tag] = tags('gis');
    expect(tag?.async).toBe(true);
    expect(tag?.src).toBe(gisUrl);
    finish('gis', 'load');
    await expect(loading).resolves.toBeUndefined();
  });

  it('rejects naming the script when the tag errors', async () => {
    const loading = loadScript('gapi', 'http://127.0.0.1:8790/js/api.js', { document: document() });
    finish('gapi', 'error');
    await expect(loading).rejects.toEqual(new ScriptLoadError('gapi', 'network', 'http://127.0.0.1:8790/js/api.js'));
    await expect(loading).rejects.toMatchObject({ script: 'gapi', reason: 'network' });
  });

  it('rejects with a timeout when neither load nor error arrives', async () => {
    const loading = loadScript('gis', gisUrl, { document: document(), timeoutMs: 5000 });
    const assertion = expect(loading).rejects.toMatchObject({ script: 'gis', reason: 'timeout' });
    await vi.advanceTimersByTimeAsync(5000);
    await assertion;
  });

  it('does not time out after a successful load', async () => {
    const loading = loadScript('gis', gisUrl, { document: document(), timeoutMs: 5000 });
    finish('gis', 'load');
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(loading).resolves.toBeUndefined();
  });

  it('reports a script that ran without defining its global (a blocker stub)', async () => {
    const loading = loadScript('gis', gisUrl, { document: document(), isLoaded: () => false });
    finish('gis', 'load');
    await expect(loading).rejects.toMatchObject({ reason: 'missing-global' });
  });

  it('a retry replaces the failed tag with a fresh one', async () => {
    const first = loadScript('gis', gisUrl, { document: document() });
    finish('gis', 'error');
    await expect(first).rejects.toBeInstanceOf(ScriptLoadError);
    const failedTag = tags('gis')[0];
    const retry = loadScript('gis', gisUrl, { document: document() });
    expect(tags('gis')).toHaveLength(1);
    expect(tags('gis')[0]).not.toBe(failedTag);
    finish('gis', 'load');
    await expect(retry).resolves.toBeUndefined();
  });

  it('a retry after a late load inserts nothing', async () => {
    await expect(loadScript('gis', gisUrl, { document: document(), isLoaded: () => true })).resolves.toBeUndefined();
    expect(tags('gis')).toHaveLength(0);
  });

  it('keeps the two scripts apart', () => {
    void loadScript('gis', gisUrl, { document: document() }).catch(() => {});
    void loadScript('gapi', 'http://127.0.0.1:8790/js/api.js', { document: document() }).catch(() => {});
    void loadScript('gis', gisUrl, { document: document() }).catch(() => {});
    expect(tags('gis')).toHaveLength(1);
    expect(tags('gapi')).toHaveLength(1);
  });
});

describe('loadGis / loadGapi', () => {
  it('resolve with the globals once the scripts have defined them', async () => {
    const globals: GoogleGlobals = {};
    const gis = loadGis(gisUrl, { globals, document: document() });
    const oauth2 = { initTokenClient: vi.fn(), hasGrantedAllScopes: vi.fn(), revoke: vi.fn() };
    globals.google = { accounts: { oauth2 } };
    finish('gis', 'load');
    await expect(gis).resolves.toBe(oauth2);

    const gapiLoading = loadGapi('http://127.0.0.1:8790/js/api.js', { globals, document: document() });
    const fakeGapi = { load: vi.fn() } as unknown as typeof gapi;
    globals.gapi = fakeGapi;
    finish('gapi', 'load');
    await expect(gapiLoading).resolves.toBe(fakeGapi);
  });

  it('fail as missing-global when the script loaded but google.accounts.oauth2 is absent', async () => {
    const loading = loadGis(gisUrl, { globals: { google: {} }, document: document() });
    finish('gis', 'load');
    await expect(loading).rejects.toMatchObject({ script: 'gis', reason: 'missing-global' });
  });
});
