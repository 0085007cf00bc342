import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../i18n/translate.ts';
import type { MessageParts } from '../message-parts.ts';
import { applyPendingStyles } from '../page-dom.ts';
import { pageMailSanitizer } from '../sanitize.ts';

/**
 * The frame's own document. Its CSP adds to the page's (a srcdoc frame inherits the page's policy, which no meta
 * tag can loosen): nothing may load but our blob: pictures. The content is written by the page through the DOM and
 * the CSSOM, because the inherited `style-src 'self'` refuses every style attribute in markup, so a srcdoc full of
 * the message's HTML would show it unstyled, not as the recipient sees it. That is why the sandbox keeps the
 * frame's origin (`allow-same-origin`, without which the page could not reach its document) and allows nothing
 * else: no scripts, forms, popups or navigation of the page.
 */
const frameDocument =
  '<!doctype html><html><head><meta charset="utf-8">' +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src blob:">` +
  '</head><body></body></html>';

type Theme = 'light' | 'dark';

// Roughly what Gmail's and Apple Mail's readers use: a system font, their page colours in light and dark.
const themes: Record<Theme, Record<string, string>> = {
  light: { background: '#ffffff', color: '#222222' },
  dark: { background: '#1f1f1f', color: '#e3e3e3' },
};

function fill(frame: HTMLIFrameElement, parts: MessageParts, theme: Theme, urls: Map<string, string>): void {
  const doc = frame.contentDocument;
  if (!doc?.body) return;
  const fragment = pageMailSanitizer().toFragment(parts.html);
  for (const img of fragment.querySelectorAll('img')) {
    const id = /^cid:(.+)$/i.exec(img.getAttribute('src') ?? '')?.[1];
    const url = id && urls.get(decodeURIComponent(id));
    if (url) img.setAttribute('src', url);
    else img.remove();
  }
  // A link followed inside the frame would load a page into it; the address stays visible as its tooltip.
  for (const link of fragment.querySelectorAll('a[href]')) {
    link.setAttribute('title', link.getAttribute('href')!);
    link.removeAttribute('href');
  }
  const live = doc.importNode(fragment, true);
  applyPendingStyles(live);
  for (const link of live.querySelectorAll('a')) {
    (link as HTMLElement).style.setProperty('color', theme === 'dark' ? '#8ab4f8' : '#1a0dab');
    (link as HTMLElement).style.setProperty('text-decoration', 'underline');
  }
  doc.body.replaceChildren(live);
  const style = doc.body.style;
  style.setProperty('margin', '16px');
  style.setProperty('font-family', 'Arial, "Hiragino Sans", "Noto Sans JP", Meiryo, sans-serif');
  style.setProperty('font-size', '14px');
  style.setProperty('line-height', '1.5');
  for (const [name, value] of Object.entries(themes[theme])) style.setProperty(name, value);
  doc.documentElement.style.setProperty('color-scheme', theme);
}

/** "As the recipient sees it": the final HTML part, its inline pictures, light or dark. */
export function MailPreview(props: { t: Translate; parts: MessageParts }) {
  const { t, parts } = props;
  const frame = useRef<HTMLIFrameElement>(null);
  const [theme, setTheme] = useState<Theme>('light');
  const [loaded, setLoaded] = useState(false);
  const urls = useRef(new Map<string, string>());

  useEffect(() => {
    const map = new Map<string, string>();
    for (const attachment of parts.inlineAttachments) {
      if (!attachment.contentId) continue;
      const blob = new Blob([attachment.data as Uint8Array<ArrayBuffer>], { type: attachment.contentType });
      map.set(attachment.contentId, URL.createObjectURL(blob));
    }
    urls.current = map;
    if (loaded && frame.current) fill(frame.current, parts, theme, map);
    return () => {
      for (const url of map.values()) URL.revokeObjectURL(url);
    };
  }, [parts, loaded]);

  useEffect(() => {
    if (loaded && frame.current) fill(frame.current, parts, theme, urls.current);
  }, [theme]);

  return (
    <section class="mail-preview" aria-labelledby="mail-preview-title">
      <div class="mail-preview__head">
        <h2 id="mail-preview-title" class="mail-preview__title">
          {t('editor.preview')}
        </h2>
        <fieldset class="mail-preview__themes">
          <legend class="visually-hidden">{t('editor.preview')}</legend>
          {(['light', 'dark'] as const).map((each) => (
            <button key={each} type="button" aria-pressed={theme === each} onClick={() => setTheme(each)}>
              {t(each === 'light' ? 'editor.preview.light' : 'editor.preview.dark')}
            </button>
          ))}
        </fieldset>
      </div>
      <iframe
        ref={frame}
        class={`mail-preview__frame mail-preview__frame--${theme}`}
        title={t('editor.preview.frame')}
        sandbox="allow-same-origin"
        srcdoc={frameDocument}
        onLoad={() => setLoaded(true)}
      />
    </section>
  );
}
