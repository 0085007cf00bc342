import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  encodeBase64,
  encodeBase64Url,
  hasNativeBase64,
  wrappedBase64Length,
  writeWrappedBase64,
} from '../../../src/mail/base64.ts';
import { toGmailRaw } from '../../../src/mail/build.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

// RFC 4648 §10 test vectors.
const rfc4648 = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
] as const;

/** Installs a `toBase64` built on Buffer for the native path in Node 20, which lacks it; removed after each test. */
function installNativeStandIn() {
  Object.defineProperty(Uint8Array.prototype, 'toBase64', {
    configurable: true,
    value(this: Uint8Array, options?: { alphabet?: string; omitPadding?: boolean }) {
      const text = Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString(
        options?.alphabet === 'base64url' ? 'base64url' : 'base64',
      );
      return options?.alphabet === 'base64url' && !options.omitPadding
        ? text.padEnd(Math.ceil(text.length / 4) * 4, '=')
        : text;
    },
  });
}

afterEach(() => {
  delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;
});

describe('base64', () => {
  it.each(rfc4648)('RFC 4648 §10: %j -> %j (table path)', (input, expected) => {
    expect(encodeBase64(ascii(input), false)).toBe(expected);
    expect(encodeBase64Url(ascii(input), false)).toBe(expected.replace(/=+$/, ''));
  });

  it('uses the URL-safe alphabet of RFC 4648 §5', () => {
    const bytes = Uint8Array.from([0xfb, 0xff, 0xbf, 0xfe]);
    expect(encodeBase64(bytes, false)).toBe('+/+//g==');
    expect(encodeBase64Url(bytes, false)).toBe('-_-__g');
  });

  it('Node 20 has no native toBase64, so the table path is what runs here', () => {
    expect(hasNativeBase64()).toBe(false);
  });

  it('table and native paths agree with Buffer on random bytes (wrapped and base64url)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const expected = Buffer.from(bytes).toString('base64');
        const lines = expected.match(/.{1,76}/g) ?? [];
        const table = new Uint8Array(wrappedBase64Length(bytes.length));
        expect(writeWrappedBase64(bytes, table, 0, false)).toBe(table.length);
        expect(Buffer.from(table).toString('latin1')).toBe(lines.join('\r\n'));
        installNativeStandIn();
        const native = new Uint8Array(table.length);
        expect(writeWrappedBase64(bytes, native, 0, true)).toBe(native.length);
        expect(native).toEqual(table);
        expect(toGmailRaw(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;
        expect(toGmailRaw(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });

  it('native path keeps lines whole across its 1 MiB chunks', () => {
    installNativeStandIn();
    const bytes = Uint8Array.from({ length: 57 * 18_000 * 2 + 100 }, (_, i) => (i * 7919) & 255);
    const out = new Uint8Array(wrappedBase64Length(bytes.length));
    writeWrappedBase64(bytes, out, 0, true);
    const expected = (
      Buffer.from(bytes)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n');
    expect(Buffer.from(out).toString('latin1') === expected).toBe(true);
  });

  it.each([
    [0, 0],
    [1, 4],
    [57, 76],
    [58, 76 + 2 + 4],
    [114, 76 + 2 + 76],
    // 34,952,536 characters + 459,901 CRLFs; the reference measured 35,872,534 for the whole message (mime.md §2).
    [25 * 1024 * 1024, 35_872_338],
  ])('wrapped length of %i bytes is %i', (bytes, length) => {
    expect(wrappedBase64Length(bytes)).toBe(length);
  });
});
