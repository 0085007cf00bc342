/**
 * What a link in a mail may point at: web pages and mail addresses. Everything else (`javascript:`, `data:`,
 * `vbscript:`, `file:`, intranet schemes) is refused, whether typed in the link box or pasted. Pure.
 */

export type LinkCheck = { ok: true; href: string } | { ok: false; problem: 'empty' | 'scheme' | 'invalid' };

const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);
const mailAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const hostLike = /^[^\s/?#@:]+\.[^\s/?#@:]{2,}(?:[/?#:]|$)/;

/**
 * Checks a URL typed or pasted by the user. Adds `https://` to a bare host (`example.jp/page`) and `mailto:` to a
 * bare address, as Gmail's link box does. Control characters and whitespace inside the scheme are rejected rather
 * than stripped: browsers strip them (`java\tscript:`), which is exactly how filters get fooled.
 */
export function checkLinkUrl(input: string): LinkCheck {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\u0000-\u001f\u007f\s]/.test(text)) return { ok: false, problem: 'invalid' };
  let candidate = text;
  if (mailAddress.test(text)) candidate = `mailto:${text}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (!hostLike.test(text)) return { ok: false, problem: 'invalid' };
    candidate = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (!allowedSchemes.has(url.protocol)) return { ok: false, problem: 'scheme' };
  if (url.protocol !== 'mailto:' && !url.hostname) return { ok: false, problem: 'invalid' };
  if (url.protocol === 'mailto:' && !mailAddress.test(decodeURIComponent(url.pathname))) {
    return { ok: false, problem: 'invalid' };
  }
  // The user's own spelling stays (placeholders such as {{id}} included); the URL parser only vouched for it.
  return { ok: true, href: candidate };
}
