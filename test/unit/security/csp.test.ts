import { describe, expect, it } from 'vitest';
import { offlineGoogle, realGoogle } from '../../../src/config.ts';
import { cspDirectives, cspHeaderValue, cspMetaValue } from '../../../src/security/csp.ts';
import { headersFile } from '../../../src/security/headers-plugin.ts';

describe('Content Security Policy', () => {
  const directives = cspDirectives(realGoogle);

  it('never allows inline script or eval', () => {
    const all = Object.values(directives).flat();
    expect(all).not.toContain("'unsafe-inline'");
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.some((source) => source === '*' || source === 'https:')).toBe(false);
  });

  it('allows exactly the Google hosts that GIS, gapi and the Gmail API need', () => {
    expect(directives['script-src']).toEqual([
      "'self'",
      'https://accounts.google.com/gsi/client',
      'https://apis.google.com',
    ]);
    expect(directives['connect-src']).toEqual([
      "'self'",
      'https://accounts.google.com/gsi/',
      'https://gmail.googleapis.com',
      'https://www.googleapis.com',
      'https://oauth2.googleapis.com',
      'https://apis.google.com',
      'https://content.googleapis.com',
    ]);
    expect(directives['frame-src']).toEqual(['https://accounts.google.com/gsi/', 'https://content.googleapis.com']);
    expect(directives['object-src']).toEqual(["'none'"]);
  });

  it('takes workers (the MIME worker, the service worker) and the web app manifest from this origin only', () => {
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['manifest-src']).toEqual(["'self'"]);
  });

  it('allows the revoke host, or Sign out cannot revoke the grant (issue 19: the request was blocked)', () => {
    expect(directives['connect-src']).toContain(new URL(realGoogle.revokeUrl).origin);
  });

  it('points at the offline double, one origin per Google host, and only at it, in demo builds', () => {
    const offline = cspDirectives(offlineGoogle('http://127.0.0.1:8790'));
    expect(offline['script-src']).toEqual(["'self'", 'http://127.0.0.1:8791/gsi/client', 'http://127.0.0.1:8792']);
    expect(offline['connect-src']).toEqual([
      "'self'",
      'http://127.0.0.1:8791/gsi/',
      'http://127.0.0.1:8795',
      'http://127.0.0.1:8794',
      'http://127.0.0.1:8796',
      'http://127.0.0.1:8792',
      'http://127.0.0.1:8793',
    ]);
    const text = cspMetaValue(offlineGoogle('http://127.0.0.1:8790'));
    expect(text).not.toContain('http://127.0.0.1:8790');
    expect(text).not.toContain('google.com');
    expect(text).not.toContain('googleapis.com');
  });

  it('forbids framing in the header form, which a meta tag cannot carry', () => {
    expect(cspHeaderValue(realGoogle)).toMatch(/frame-ancestors 'none'$/);
    expect(cspMetaValue(realGoogle)).not.toContain('frame-ancestors');
  });

  it('writes a _headers file with COOP same-origin-allow-popups for Netlify and Cloudflare Pages', () => {
    const file = headersFile(realGoogle);
    expect(file.split('\n')[0]).toBe('/*');
    expect(file).toContain('  Cross-Origin-Opener-Policy: same-origin-allow-popups');
    expect(file).toContain(`  Content-Security-Policy: ${cspHeaderValue(realGoogle)}`);
  });
});
