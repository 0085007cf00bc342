/**
 * Word does not copy lists as lists: each item is a `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>`
 * whose bullet or number is typed text inside `<span style='mso-list:Ignore'>` (between `<![if !supportLists]>`
 * comments). Pasted as is, a mail gets paragraphs starting with "l" (a Wingdings bullet) or "1.". This turns runs of
 * such paragraphs back into nested `<ul>`/`<ol>`, the way Outlook itself reads them.
 */
import { parseDeclarations } from './css-declarations.ts';
import { pendingStyleAttribute } from './style-attributes.ts';

interface ListParagraph {
  element: Element;
  /** Word's list id (`l0`, `l1`): a new id is a new list, even right after the last one. */
  list: string;
  level: number;
  ordered: boolean;
}

function listInfo(element: Element): ListParagraph | null {
  const style = element.getAttribute(pendingStyleAttribute);
  if (!style) return null;
  const msoList = parseDeclarations(style).get('mso-list');
  const match = msoList && /\b(l\d+)\s+level(\d+)/i.exec(msoList);
  if (!match) return null;
  let marker = '';
  for (const span of element.querySelectorAll(`[${pendingStyleAttribute}]`)) {
    if (/mso-list\s*:\s*ignore/i.test(span.getAttribute(pendingStyleAttribute) ?? '')) {
      marker += span.textContent ?? '';
      span.remove();
    }
  }
  return {
    element,
    list: match[1]!.toLowerCase(),
    level: Math.max(1, Number(match[2])),
    ordered: /^\s*(?:\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker),
  };
}

function isBlank(node: Node | null): boolean {
  return node?.nodeType === 3 && !(node.textContent ?? '').trim();
}

/** Rewrites every run of Word list paragraphs under `root` into real lists. */
export function rebuildWordLists(root: DocumentFragment | Element): void {
  const doc = root.ownerDocument!;
  const paragraphs = [...root.querySelectorAll(`p[${pendingStyleAttribute}], div[${pendingStyleAttribute}]`)];
  const handled = new Set<Element>();
  // listInfo removes the marker it reads, so each paragraph is read once.
  const infos = new Map<Element, ListParagraph | null>();
  const infoOf = (element: Element) => {
    if (!infos.has(element)) infos.set(element, listInfo(element));
    return infos.get(element)!;
  };
  for (const first of paragraphs) {
    if (handled.has(first)) continue;
    const start = infoOf(first);
    if (!start) continue;
    // A run: this paragraph and the list paragraphs right after it (whitespace between them does not break it).
    const run: ListParagraph[] = [start];
    handled.add(first);
    let next = first.nextSibling;
    while (next) {
      if (isBlank(next)) {
        next = next.nextSibling;
        continue;
      }
      const info = next.nodeType === 1 ? infoOf(next as Element) : null;
      if (!info || info.list !== start.list) break;
      run.push(info);
      handled.add(info.element);
      next = next.nextSibling;
    }
    const top = doc.createElement(start.ordered ? 'ol' : 'ul');
    first.before(top);
    // Stack of open lists by level; a deeper item opens a list inside the previous item.
    const stack: Element[] = [top];
    for (const item of run) {
      while (stack.length > item.level && stack.length > 1) stack.pop();
      while (stack.length < item.level) {
        const parentItem = stack[stack.length - 1]!.lastElementChild ?? stack[stack.length - 1]!;
        const nested = doc.createElement(item.ordered ? 'ol' : 'ul');
        parentItem.append(nested);
        stack.push(nested);
      }
      const li = doc.createElement('li');
      li.append(...item.element.childNodes);
      stack[stack.length - 1]!.append(li);
      item.element.remove();
    }
  }
}
