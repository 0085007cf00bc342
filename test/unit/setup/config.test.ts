import { describe, expect, it } from 'vitest';
import { buildTimeConfig, realGoogle } from '../../../src/config.ts';
import { clientIdProblem, loadConfig } from '../../../src/config-file.ts';

const goodId = '1234567890-abcdefg.apps.googleusercontent.com';

function respond(body: string, init: { status?: number; type?: string } = {}): typeof fetch {
  return async () =>
    new Response(body, { status: init.status ?? 200, headers: { 'content-type': init.type ?? 'application/json' } });
}

describe('buildTimeConfig', () => {
  it('faces the real Google when no offline origin is configured', () => {
    const config = buildTimeConfig({ VITE_GOOGLE_CLIENT_ID: goodId });
    expect(config.google).toEqual(realGoogle);
    expect(config.google.gisScriptUrl).toBe('https://accounts.google.com/gsi/client');
    expect(config.google.gapiScriptUrl).toBe('https://apis.google.com/js/api.js');
    expect(config.offlineGoogleOrigin).toBeNull();
    expect(config.clientId).toBe(goodId);
  });

  it('routes every Google path to the offline double, one origin (port) per Google host, when its origin is set', () => {
    const config = buildTimeConfig({ VITE_OFFLINE_GOOGLE_ORIGIN: 'http://127.0.0.1:8790/' });
    expect(config.google).toEqual({
      gisScriptUrl: 'http://127.0.0.1:8791/gsi/client',
      gapiScriptUrl: 'http://127.0.0.1:8792/js/api.js',
      gmailApiRoot: 'http://127.0.0.1:8795/',
      userinfoUrl: 'http://127.0.0.1:8794/oauth2/v3/userinfo',
      gmailWebRoot: 'http://127.0.0.1:8797/',
      revokeUrl: 'http://127.0.0.1:8796/revoke',
      gapiProxyOrigin: 'http://127.0.0.1:8793',
    });
  });

  it('treats blank variables as unset', () => {
    expect(buildTimeConfig({ VITE_GOOGLE_CLIENT_ID: '  ' }).clientId).toBeNull();
  });
});

describe('clientIdProblem', () => {
  it.each([
    [goodId, null],
    ['offline-demo-client.apps.googleusercontent.com', null],
    ['GOCSPX-not-an-id', 'client-id-malformed'],
    [`${goodId}/`, 'client-id-malformed'],
    ['https://accounts.google.com', 'client-id-malformed'],
  ])('%s -> %s', (value, kind) => {
    expect(clientIdProblem(value)?.kind ?? null).toBe(kind);
  });
});

describe('loadConfig (run-time config.json)', () => {
  const base = buildTimeConfig({ VITE_GOOGLE_CLIENT_ID: goodId });

  it('keeps the build-time client ID when there is no config.json', async () => {
    const loaded = await loadConfig(respond('not found', { status: 404, type: 'text/plain' }), base);
    expect(loaded).toMatchObject({ clientIdSource: 'build', problems: [] });
    expect(loaded.config.clientId).toBe(goodId);
  });

  it('lets config.json override the client ID so one build serves several origins', async () => {
    const other = '999-zzz.apps.googleusercontent.com';
    const loaded = await loadConfig(respond(JSON.stringify({ clientId: other })), base);
    expect(loaded.config.clientId).toBe(other);
    expect(loaded.clientIdSource).toBe('config.json');
  });

  it('ignores an SPA fallback that answers config.json with index.html', async () => {
    const loaded = await loadConfig(respond('<!doctype html>', { type: 'text/html' }), base);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.clientId).toBe(goodId);
  });

  it('reports broken JSON instead of throwing', async () => {
    const loaded = await loadConfig(respond('{ clientId: nope'), base);
    expect(loaded.problems[0]?.kind).toBe('config-json-invalid');
    expect(loaded.config.clientId).toBe(goodId);
  });

  it('reports a JSON value that is not an object', async () => {
    const loaded = await loadConfig(respond('["x"]'), base);
    expect(loaded.problems).toEqual([{ kind: 'config-json-invalid', detail: 'expected a JSON object' }]);
  });

  it('warns about a client secret, which the token model never needs', async () => {
    const loaded = await loadConfig(respond(JSON.stringify({ clientId: goodId, client_secret: 'GOCSPX-x' })), base);
    expect(loaded.problems).toEqual([{ kind: 'client-secret-present' }]);
  });

  it('refuses a malformed client ID and falls back to the setup screen', async () => {
    const loaded = await loadConfig(respond(JSON.stringify({ clientId: 'my-project' })), base);
    expect(loaded.config.clientId).toBeNull();
    expect(loaded.clientIdSource).toBe('none');
    expect(loaded.problems).toEqual([{ kind: 'client-id-malformed', value: 'my-project' }]);
  });

  it('survives a network failure', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const loaded = await loadConfig(failing, base);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.clientId).toBe(goodId);
  });
});
