import { describe, expect, it } from 'vitest';
import { GapiInitError, gmailDiscoveryFor, initGmailClient } from '../../../src/gmail/gapi-client.ts';
import { FakeGapi } from './fake-gmail.ts';

describe('initGmailClient', () => {
  it('loads client and registers Gmail from the bundled object, pointed at the configured root', async () => {
    const gapi = new FakeGapi();
    await initGmailClient(gapi, { gmailApiRoot: 'http://127.0.0.1:8790/' });
    const [args] = gapi.initArgs;
    expect(args?.discoveryDocs).toHaveLength(1);
    const doc = args?.discoveryDocs[0] as Record<string, unknown>;
    expect(typeof doc).toBe('object');
    expect(doc).toMatchObject({ rootUrl: 'http://127.0.0.1:8790/', baseUrl: 'http://127.0.0.1:8790/', id: 'gmail:v1' });
    expect(args).not.toHaveProperty('clientId');
    expect(gapi.client?.gmail).toBeDefined();
  });

  it.each([
    ['error', 'gapi-load-failed'],
    ['timeout', 'gapi-load-timeout'],
  ] as const)('rejects with a typed error when gapi.load reports %s', async (mode, code) => {
    const gapi = new FakeGapi();
    gapi.loadMode = mode;
    await expect(initGmailClient(gapi, { gmailApiRoot: 'https://gmail.googleapis.com/' })).rejects.toMatchObject({
      code,
    });
  });

  it('rejects with gapi-init-failed when init rejects', async () => {
    const gapi = new FakeGapi();
    gapi.initRejects = true;
    const error = await initGmailClient(gapi, { gmailApiRoot: 'https://gmail.googleapis.com/' }).catch((e) => e);
    expect(error).toBeInstanceOf(GapiInitError);
    expect(error.code).toBe('gapi-init-failed');
  });

  it('leaves the bundled document untouched when pointing it elsewhere', () => {
    const offline = gmailDiscoveryFor('http://127.0.0.1:8790/');
    const real = gmailDiscoveryFor('https://gmail.googleapis.com/');
    expect(offline.rootUrl).toBe('http://127.0.0.1:8790/');
    expect(real.rootUrl).toBe('https://gmail.googleapis.com/');
  });
});
