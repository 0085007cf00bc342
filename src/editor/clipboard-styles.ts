/**
 * Excel and Word put much of their formatting in a `<style>` block of class rules (`.xl65 {font-weight:700;
 * border:.5pt solid windowtext}`), not on the cells. A mail client drops both the block and the classes, so the
 * rules are read here and folded into each element's inline declarations before the classes go. Only plain class
 * selectors (`.x`, `td.x`, `p.MsoNormal`) are read: that is all Office writes, and anything cleverer is not worth
 * guessing at. Pure string work; the values still pass through css-declarations.ts like any inline style.
 */

export type ClassRules = Map<string, string>;

const styleBlock = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/**
 * The HTML without what Chromium reports as a CSP violation merely for being parsed, even in an inert (DOMParser)
 * document: <style> elements (`style-src-elem`; their rules were read first, and an unclosed one runs to the end,
 * as the HTML parser reads it) and <base href> (`base-uri`). The sanitizer would drop both anyway.
 */
export function withoutParseTimeViolations(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi, '').replace(/<base\b[^>]*>/gi, '');
}

/** Class name -> the declaration text of every rule naming it, in source order (later rules win when parsed). */
export function readClassRules(html: string): ClassRules {
  const rules: ClassRules = new Map();
  for (const block of html.matchAll(styleBlock)) {
    const css = (block[1] ?? '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/<!--|-->/g, '')
      // @font-face, @page and Word's @list rules hold no class rules of ours.
      .replace(/@[\w-]+[^{]*\{[^}]*\}/g, '');
    for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const declarations = (rule[2] ?? '').trim();
      for (const selector of (rule[1] ?? '').split(',')) {
        const match = /^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$/i.exec(selector);
        if (!match) continue;
        const name = match[1]!;
        rules.set(name, rules.has(name) ? `${rules.get(name)};${declarations}` : declarations);
      }
    }
  }
  return rules;
}
