/** Finding the app's quoted sentences in Markdown and matching them to the catalog (see readme-quotes.test.ts). */
export type Language = 'en' | 'ja';
interface Quote {
  language: Language;
  text: string;
  line: number;
}

/** README prose only: fenced code, inline code and HTML comments are not quotes of the app. */
function prose(markdown: string): string {
  // Replaced by spaces of the same length (newlines kept), so line numbers stay right.
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/`[^`\n]*`/g, blank);
}

const brackets: Record<string, { close: string; language: Language }> = {
  '“': { close: '”', language: 'en' },
  '「': { close: '」', language: 'ja' },
};

/** Outermost quotes; the same kind of quote nested inside (the app quotes Google's box name) stays part of it. */
export function quotesIn(markdown: string): Quote[] {
  const text = prose(markdown);
  const found: Quote[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') line++;
    const kind = brackets[text[i] ?? ''];
    if (!kind) continue;
    let depth = 1;
    let j = i + 1;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === text[i]) depth++;
      else if (text[j] === kind.close) depth--;
    }
    if (depth > 0) throw new Error(`README.md:${line}: a ${text[i]} is never closed`);
    const quoted = text.slice(i + 1, j - 1);
    found.push({ language: kind.language, text: quoted, line });
    line += quoted.split('\n').length - 1;
    i = j - 1;
  }
  return found;
}

const wildcard = Symbol('any text');
type Token = string | typeof wildcard;

const normalize = (text: string) => text.replace(/\s+/g, ' ').replace(/’/g, "'").trim();

/** An ellipsis stands for words left out, with the spaces around it (“limit …” for “limit, which counts…”). */
function quoteTokens(quote: string): Token[] {
  return [...normalize(quote).replace(/ ?… ?/g, '…')].map((char) => (char === '…' ? wildcard : char));
}

function sentenceTokens(sentence: string): Token[] {
  return normalize(sentence)
    .split(/(\{\w+\})/)
    .flatMap((part): Token[] => (/^\{\w+\}$/.test(part) ? [wildcard] : [...part]));
}

/**
 * Whether some rendering of the sentence (placeholders filled with anything) starts with some reading of the quote
 * (each ellipsis standing for anything). Two patterns with wildcards on both sides: a small dynamic programme that
 * also counts how many of the quote's characters meet the sentence's own words, so that a placeholder at the start
 * of a sentence (`{count} 件…`) cannot swallow a whole quote: at least four characters of the quote (or all of them,
 * or all of the sentence's own text, when shorter) must be the sentence's own.
 */
export function quoteMatches(quote: string, sentence: string): boolean {
  const q = quoteTokens(quote);
  const s = sentenceTokens(sentence);
  const impossible = -1;
  const memo = new Map<number, number>();
  /** The most quote characters matched to the sentence's literal characters from (i, j), or -1. */
  const best = (i: number, j: number): number => {
    if (i === q.length) return 0; // the quote may stop anywhere: a beginning of the sentence
    const key = i * (s.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = impossible;
    const consider = (value: number, gain = 0) => {
      if (value !== impossible) result = Math.max(result, value + gain);
    };
    if (q[i] === wildcard) {
      consider(best(i + 1, j));
      if (j < s.length) consider(best(i, j + 1));
    } else if (j < s.length && s[j] === wildcard) {
      consider(best(i, j + 1));
      consider(best(i + 1, j));
    } else if (j < s.length && q[i] === s[j]) consider(best(i + 1, j + 1), 1);
    memo.set(key, result);
    return result;
  };
  const own = (tokens: Token[]) => tokens.filter((token) => token !== wildcard).length;
  return best(0, 0) >= Math.max(1, Math.min(4, own(q), own(s)));
}
