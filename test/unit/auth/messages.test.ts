import { describe, expect, it } from 'vitest';
import type { AuthFailureCode } from '../../../src/auth/auth-failure.ts';
import { authMessages } from '../../../src/auth/messages.ts';

const en: Record<string, string> = authMessages.en;
const ja: Record<string, string> = authMessages.ja;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const failureCodes: AuthFailureCode[] = [
  'popup-blocked',
  'access-denied',
  'partial-grant',
  'interaction-required',
  'unknown',
];

describe('auth messages', () => {
  it('have the same keys in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s uses the same placeholders in both languages', (key) => {
    expect(placeholders(ja[key] ?? '')).toEqual(placeholders(en[key] ?? ''));
  });

  it.each(failureCodes)('%s has a title, an explanation and an action in both languages', (code) => {
    for (const part of ['title', 'body', 'action']) {
      expect(en[`auth.${code}.${part}`]).toBeTruthy();
      expect(ja[`auth.${code}.${part}`]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('tell the user how to allow pop-ups for this site', () => {
    expect(en['auth.popup-blocked.body']).toContain('{origin}');
    expect(ja['auth.popup-blocked.chrome']).toContain('{origin}');
  });
});
