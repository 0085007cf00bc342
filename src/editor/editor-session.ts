/**
 * One editing area: Squire on a contenteditable element, with our sanitizer on every way in (paste, drop, setting
 * the value, undo) and the canonical RichBody on the way out. No Preact here: ui/RichEditor.tsx is a thin shell.
 *
 * Two Squire paths are adapted for our CSP (measured in Chromium, see README.md):
 * - undo/redo restore a snapshot with `root.innerHTML = html`, where every style attribute would be refused; the
 *   snapshot's styles are moved to `data-fumi-style` first and applied through the CSSOM after;
 * - the image resize handles are built with style attributes, so they would appear unstyled: turned off.
 */
import Squire from 'squire-rte';
import { type ImageRefusal, imageFromDataUrl, imageFromFile, isRefusal } from './inline-images.ts';
import { applyPendingStyles, importIntoDocument } from './page-dom.ts';
import type { InlineImage, RichBody } from './rich-body.ts';
import type { MailSanitizer } from './sanitize.ts';
import { renameStyleAttributes } from './style-attributes.ts';

const formatInputs: Readonly<Record<string, string>> = {
  formatBold: 'B',
  formatItalic: 'I',
  formatUnderline: 'U',
  formatStrikeThrough: 'S',
};

class MailSquire extends Squire {
  override _setRawHTML(html: string): Squire {
    super._setRawHTML(renameStyleAttributes(html));
    applyPendingStyles(this.getRoot());
    return this;
  }

  /**
   * Squire drops the caret's "format off" placeholder when it splits the line, so a line ended right after
   * Ctrl+B (off) starts the next one bold again (Squire 2.4.8 on its own does this too). Formats that were off at
   * the caret stay off on the new line.
   */
  override _beforeInput(event: InputEvent): void {
    // The browser's own format commands (Ctrl+B with Shift or Caps Lock, a mobile keyboard's B, the Edit menu) arrive
    // as `formatBold` and friends, which Squire 2.4.8 always applies: pressed again to stop bold, they nested a second
    // <b>. They toggle here, as the shortcut and the toolbar do.
    const toggled = formatInputs[event.inputType];
    if (toggled) {
      event.preventDefault();
      if (this.hasFormat(toggled)) this.changeFormat(null, { tag: toggled });
      else this.changeFormat({ tag: toggled });
      return;
    }
    if (event.inputType !== 'insertParagraph' && event.inputType !== 'insertLineBreak') {
      super._beforeInput(event);
      return;
    }
    const off = ['B', 'I', 'U', 'S'].filter((tag) => !this.hasFormat(tag));
    super._beforeInput(event);
    for (const tag of off) if (this.hasFormat(tag)) this.changeFormat(null, { tag });
  }
}

export interface FormatState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  bulletedList: boolean;
  numberedList: boolean;
  quote: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

export type FormatCommand =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'bulletedList'
  | 'numberedList'
  | 'quote'
  | 'clearFormatting'
  | 'undo'
  | 'redo';

export interface EditorSessionOptions {
  root: HTMLElement;
  sanitizer: MailSanitizer;
  onChange: (body: RichBody) => void;
  onRefused: (refusal: ImageRefusal) => void;
  onState: (state: FormatState) => void;
  /** Ctrl/⌘+K: the page opens its link box. */
  onLinkShortcut: () => void;
}

interface KnownImage {
  image: InlineImage;
  url: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const modifierKey = isMac ? 'Meta-' : 'Ctrl-';

export class EditorSession {
  private readonly editor: MailSquire;
  // Every picture seen in this session, so undo can bring a deleted one back; the value lists only those in use.
  private readonly images = new Map<string, KnownImage>();
  private state: FormatState = {
    bold: false,
    italic: false,
    underline: false,
    strikethrough: false,
    bulletedList: false,
    numberedList: false,
    quote: false,
    link: false,
    canUndo: false,
    canRedo: false,
  };

  constructor(private readonly options: EditorSessionOptions) {
    const { root } = options;
    this.editor = new MailSquire(root, {
      blockTag: 'DIV',
      sanitizeToDOMFragment: (html: string) => this.toPageFragment(html),
      // Squire catches what its handlers throw; a swallowed error would hide a broken paste or undo.
      didError: (error: unknown) => console.error(error),
    });
    this.editor._imageResizer.destroy();
    this.editor.addEventListener('input', () => options.onChange(this.getValue()));
    this.editor.addEventListener('pathChange', (event: Event) => this.updatePath((event as CustomEvent).detail.path));
    this.editor.addEventListener('undoStateChange', (event: Event) => {
      const { canUndo, canRedo } = (event as CustomEvent).detail as { canUndo: boolean; canRedo: boolean };
      this.publish({ canUndo, canRedo });
    });
    this.editor.addEventListener('pasteImage', (event: Event) => {
      const data = (event as CustomEvent).detail.clipboardData as DataTransfer;
      this.insertFiles([...data.files]);
    });
    root.addEventListener('drop', this.onDrop, true);
    this.installShortcuts();
  }

  /** Gmail's shortcuts where they differ from Squire's (7, 9 and 5 are lists, quote and strike in Gmail). */
  private installShortcuts(): void {
    const run = (command: FormatCommand) => (_: Squire, event: KeyboardEvent) => {
      event.preventDefault();
      this.command(command);
    };
    this.editor.setKeyHandler(`${modifierKey}Shift-7`, run('numberedList'));
    this.editor.setKeyHandler(`${modifierKey}Shift-8`, run('bulletedList'));
    this.editor.setKeyHandler(`${modifierKey}Shift-9`, run('quote'));
    this.editor.setKeyHandler('Alt-Shift-5', run('strikethrough'));
    this.editor.setKeyHandler(`${modifierKey}\\`, run('clearFormatting'));
    this.editor.setKeyHandler(`${modifierKey}k`, (_, event) => {
      event.preventDefault();
      this.options.onLinkShortcut();
    });
  }

  private onDrop = (event: DragEvent) => {
    const files = [...(event.dataTransfer?.files ?? [])].filter((file) => file.type.startsWith('image/'));
    // Other files fall through to the page, which attaches them.
    if (files.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    this.insertFiles(files);
  };

  private remember(image: InlineImage): KnownImage {
    const known = this.images.get(image.contentId);
    if (known && known.image.blob === image.blob) return known;
    if (known) URL.revokeObjectURL(known.url);
    const entry = { image, url: URL.createObjectURL(image.blob) };
    this.images.set(image.contentId, entry);
    return entry;
  }

  /** Every way HTML enters the editor ends here: sanitized, pictures resolved, styles applied via the CSSOM. */
  private toPageFragment(html: string): DocumentFragment {
    const fragment = this.options.sanitizer.toFragment(html, { keepBlobImages: true, keepDataImages: true });
    for (const img of fragment.querySelectorAll('img')) {
      const src = img.getAttribute('src') ?? '';
      const cid = /^cid:(.+)$/i.exec(src)?.[1] ?? img.getAttribute('data-cid');
      const known = cid ? this.images.get(decodeURIComponent(cid)) : undefined;
      if (src.startsWith('data:')) {
        const image = imageFromDataUrl(src);
        if (!image || isRefusal(image)) {
          if (image) this.options.onRefused(image);
          img.remove();
          continue;
        }
        const entry = this.remember(image);
        img.setAttribute('src', entry.url);
        img.setAttribute('data-cid', image.contentId);
      } else if (known) {
        img.setAttribute('src', known.url);
        img.setAttribute('data-cid', known.image.contentId);
      } else img.remove();
    }
    return importIntoDocument(fragment, this.options.root.ownerDocument);
  }

  insertFiles(files: readonly File[]): void {
    for (const file of files) {
      const image = imageFromFile(file);
      if (isRefusal(image)) {
        this.options.onRefused(image);
        continue;
      }
      const entry = this.remember(image);
      this.editor.insertImage(entry.url, { alt: image.filename, 'data-cid': image.contentId });
    }
    this.options.onChange(this.getValue());
  }

  /** Replaces the content (a restored draft, an inserted template): not an undoable edit. */
  setValue(body: RichBody): void {
    for (const image of body.inlineImages) this.remember(image);
    this.editor.setHTML(body.html);
  }

  /** Inserts a body at the caret (a template into a started mail). */
  insertBody(body: RichBody): void {
    for (const image of body.inlineImages) this.remember(image);
    this.editor.insertHTML(body.html);
  }

  getValue(): RichBody {
    const fragment = this.options.sanitizer.toFragment(this.editor.getHTML(), { keepBlobImages: true });
    const used: InlineImage[] = [];
    for (const img of fragment.querySelectorAll('img')) {
      const known = this.images.get(img.getAttribute('data-cid') ?? '');
      if (!known) {
        img.remove();
        continue;
      }
      img.setAttribute('src', `cid:${known.image.contentId}`);
      img.removeAttribute('data-cid');
      if (!used.includes(known.image)) used.push(known.image);
    }
    return { html: this.options.sanitizer.serialize(fragment), inlineImages: used };
  }

  command(command: FormatCommand): void {
    const editor = this.editor;
    // Asked now, not taken from the last pathChange: that can lag behind the keystroke that asks.
    const blocks = new Set(
      editor
        .getPath()
        .split('>')
        .map((part) => /^[A-Z0-9]+/.exec(part)?.[0] ?? ''),
    );
    const inBlock = (tag: string) => blocks.has(tag) || editor.hasFormat(tag);
    switch (command) {
      case 'bold':
        editor.hasFormat('B') ? editor.removeBold() : editor.bold();
        break;
      case 'italic':
        editor.hasFormat('I') ? editor.removeItalic() : editor.italic();
        break;
      case 'underline':
        editor.hasFormat('U') ? editor.removeUnderline() : editor.underline();
        break;
      case 'strikethrough':
        editor.hasFormat('S') ? editor.removeStrikethrough() : editor.strikethrough();
        break;
      case 'bulletedList':
        inBlock('UL') ? editor.removeList() : editor.makeUnorderedList();
        break;
      case 'numberedList':
        inBlock('OL') ? editor.removeList() : editor.makeOrderedList();
        break;
      case 'quote':
        inBlock('BLOCKQUOTE') ? editor.removeQuote() : editor.increaseQuoteLevel();
        break;
      case 'clearFormatting':
        editor.removeAllFormatting();
        break;
      case 'undo':
        editor.undo();
        break;
      case 'redo':
        editor.redo();
        break;
    }
    // From a toolbar click focus is elsewhere; from a shortcut it is here, and focus() would move the caret off
    // the placeholder Squire just made for the new format.
    if (this.options.root.ownerDocument.activeElement !== this.options.root) editor.focus();
  }

  /** The address of the link at the caret, if any. */
  currentLink(): string | null {
    let node: Node | null = this.editor.getSelection().startContainer;
    while (node && node !== this.options.root) {
      if (node.nodeName === 'A') return (node as HTMLAnchorElement).getAttribute('href');
      node = node.parentNode;
    }
    return null;
  }

  /** `href` must come from checkLinkUrl. */
  makeLink(href: string): void {
    this.editor.makeLink(href);
    this.editor.focus();
  }

  removeLink(): void {
    this.editor.removeLink();
    this.editor.focus();
  }

  focus(): void {
    this.editor.focus();
  }

  /**
   * Focus with the caret at the end of the text, for the editor taking over from the plain textarea: the browser's
   * selection is still where the removed textarea left it, outside the editor, and focus() alone kept it there in
   * Chromium (typing then fired beforeinput on the editor and inserted nothing).
   */
  focusAtEnd(): void {
    this.editor.focus();
    this.editor.moveCursorToEnd();
  }

  private updatePath(path: string): void {
    // Squire's path is "DIV>UL>LI>B" for a caret, "(selection)" for a range; hasFormat answers for ranges too.
    const tags = new Set(path.split('>').map((part) => /^[A-Z0-9]+/.exec(part)?.[0] ?? ''));
    const has = (tag: string) => tags.has(tag) || (path === '(selection)' && this.editor.hasFormat(tag));
    this.publish({
      bold: has('B'),
      italic: has('I'),
      underline: has('U'),
      strikethrough: has('S'),
      bulletedList: has('UL'),
      numberedList: has('OL'),
      quote: has('BLOCKQUOTE'),
      link: has('A'),
    });
  }

  private publish(change: Partial<FormatState>): void {
    this.state = { ...this.state, ...change };
    this.options.onState(this.state);
  }

  destroy(): void {
    this.options.root.removeEventListener('drop', this.onDrop, true);
    this.editor.destroy();
    for (const { url } of this.images.values()) URL.revokeObjectURL(url);
    this.images.clear();
  }
}
