/**
 * Punycode encoder (RFC 3492 §6.3) and the IDNA "to ASCII" step we need for domains in headers: each non-ASCII label
 * becomes `xn--` + punycode. Header bytes must be 7-bit (RFC 5322 §2.2), so an internationalised domain is written in
 * its ASCII form.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(deltaIn: number, numPoints: number, firstTime: boolean): number {
  let delta = firstTime ? Math.floor(deltaIn / DAMP) : deltaIn >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

function digit(d: number): string {
  // 0..25 -> a..z, 26..35 -> 0..9 (RFC 3492 §5, lower case as IDNA writes it).
  return String.fromCharCode(d < 26 ? d + 97 : d + 22);
}

/** Encodes one string (already split into labels) to Punycode, without the `xn--` prefix. */
export function punycodeEncode(input: string): string {
  const codePoints = Array.from(input, (char) => char.codePointAt(0)!);
  let output = '';
  for (const cp of codePoints) if (cp < 0x80) output += String.fromCharCode(cp);
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < codePoints.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const cp of codePoints) if (cp >= n && cp < m) m = cp;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of codePoints) {
      if (cp < n) delta++;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digit(q);
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

/**
 * Label separators UTS #46 maps to "." — the ideographic full stop 。 is what a Japanese IME types after a domain.
 */
const DOT_VARIANTS = /[\u3002\uff0e\uff61]/g;

/**
 * Converts a domain to its ASCII form: labels split on "." (and its full-width variants), non-ASCII labels normalized
 * to NFKC (full-width ｊｐ typed by an IME becomes jp, as UTS #46 maps it), lower-cased and Punycode-encoded with `xn--`. ASCII labels are lower-cased. Validation is the caller's job.
 */
export function domainToAscii(domain: string): string {
  return domain
    .replace(DOT_VARIANTS, '.')
    .split('.')
    .map((label) => {
      const lower = label.normalize('NFKC').toLowerCase();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point of the test.
      return /^[\x00-\x7f]*$/.test(lower) ? lower : `xn--${punycodeEncode(lower)}`;
    })
    .join('.');
}
