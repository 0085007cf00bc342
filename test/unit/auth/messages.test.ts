import { describe, expect, it } from 'vitest';
import type { AuthFailureCode } from '../../../src/auth/auth-failure.ts';
import { authText } from '../../../src/text/auth.ts';

const table: Record<string, { en: string; ja: string }> = authText;
const en = (key: string) => table[key]?.en;
const ja = (key: string) => table[key]?.ja;
const failureCodes: AuthFailureCode[] = [
  'popup-blocked',
  'access-denied',
  'partial-grant',
  'interaction-required',
  'unknown',
];

describe('auth messages', () => {
  it.each(failureCodes)('%s has a title, an explanation and an action in both languages', (code) => {
    for (const part of ['title', 'body', 'action']) {
      expect(en(`auth.${code}.${part}`)).toBeTruthy();
      expect(ja(`auth.${code}.${part}`)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('tell the user how to allow pop-ups for this site', () => {
    expect(en('auth.popup-blocked.body')).toContain('{origin}');
    expect(ja('auth.popup-blocked.chrome')).toContain('{origin}');
  });
});
