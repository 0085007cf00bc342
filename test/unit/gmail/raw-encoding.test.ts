import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64UrlLength, jsonRequestLength, largestJsonMessage } from '../../../src/gmail/raw-encoding.ts';
import { encodeBase64Url } from '../../../src/mail/base64.ts';

describe('the raw encoding the sender uses (src/mail/base64.ts) against the JSON size accounting', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['日本語', '5pel5pys6Kqe'],
  ])('%j → %s', (text, expected) => {
    expect(encodeBase64Url(new TextEncoder().encode(text))).toBe(expected);
  });

  it('matches Node for any bytes, including the URL-safe characters, across slice boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 30_000 }), (bytes) => {
        const encoded = encodeBase64Url(bytes);
        return encoded === Buffer.from(bytes).toString('base64url') && encoded.length === base64UrlLength(bytes.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('JSON request size', () => {
  it('counts the envelope and the threadId', () => {
    expect(jsonRequestLength(3)).toBe('{"raw":"AAAA"}'.length);
    expect(jsonRequestLength(3, 'abc')).toBe('{"raw":"AAAA","threadId":"abc"}'.length);
  });

  it('finds the largest message that fits a cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 10_000_000 }), (cap) => {
        const largest = largestJsonMessage(cap);
        return jsonRequestLength(largest) <= cap && jsonRequestLength(largest + 1) > cap;
      }),
    );
  });
});
