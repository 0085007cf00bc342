import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainToAscii, punycodeEncode } from '../../../src/mail/punycode.ts';

// RFC 3492 §7.1 sample strings (the case of basic code points is kept, as in the RFC's output).
const rfc3492 = [
  ['(B) Chinese (simplified)', '他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['(C) Chinese (traditional)', '他們爲什麽不說中文', 'ihqwctvzc91f659drss3x8bo0yb'],
  ['(J) Japanese', 'なぜみんな日本語を話してくれないのか', 'n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa'],
  ['(L) 3年B組金八先生', '3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
  ['(M) 安室奈美恵-with-SUPER-MONKEYS', '安室奈美恵-with-SUPER-MONKEYS', '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n'],
  ['(P) MajiでKoiする5秒前', 'MajiでKoiする5秒前', 'MajiKoi5-783gue6qz075azm5e'],
  ['(Q) パフィーdeルンバ', 'パフィーdeルンバ', 'de-jg4avhby1noc0d'],
  ['(R) そのスピードで', 'そのスピードで', 'd9juau41awczczp'],
] as const;

describe('punycode (RFC 3492)', () => {
  it.each(rfc3492)('%s', (_label, input, expected) => {
    expect(punycodeEncode(input)).toBe(expected);
  });

  it.each([
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['日本語.JP', 'xn--wgv71a119e.jp'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['EXAMPLE.com', 'example.com'],
    ['例え。jp', 'xn--r8jz45g.jp'],
    ['ドメイン名例．ｊｐ', domainToASCII('ドメイン名例.jp')],
    ['мойдомен.рф', 'xn--d1acklchcc.xn--p1ai'],
    ['😀.example', 'xn--e28h.example'],
  ])('domain %s -> %s', (input, expected) => {
    expect(domainToAscii(input)).toBe(expected);
  });

  it('agrees with Node’s url.domainToASCII (the oracle) on random Japanese/Latin/emoji labels', () => {
    const label = fc.stringMatching(/^[a-z0-9ぁ-んァ-ン一-龯äöüé]{1,20}$/u).filter((s) => !s.startsWith('-'));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const domain = `${labels.join('.')}.jp`;
        const oracle = domainToASCII(domain);
        fc.pre(oracle !== '');
        expect(domainToAscii(domain)).toBe(oracle);
      }),
    );
  });
});
