/**
 * A test page for the editor feature on its own (the compose page is not wired to it yet): the lazily loaded
 * editor chunk, a signature and template panel over IndexedDB, the preview, and a draft body autosaved the way the
 * draft store will keep it (RichBody with Blobs, through indexedDbBackend). Bundled by Vite in editor.spec.ts and
 * served with the production CSP. `window.editorTest` lets the spec read what a user cannot see.
 */
import PostalMime from 'postal-mime';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { MessageParts, RichBody } from '../../../src/editor/index.ts';
import { loadEditor } from '../../../src/editor/load.ts';
import { createTranslator } from '../../../src/i18n/translate.ts';
import { buildMessage } from '../../../src/mail/index.ts';
import { openDatabase } from '../../../src/storage/database.ts';
import { indexedDbBackend } from '../../../src/storage/key-value.ts';
import { currentText } from '../../../src/text/catalog.ts';

const editor = await loadEditor();
const language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ja';
const t = createTranslator(currentText(), language);
const backend = indexedDbBackend(() => openDatabase({ name: 'fumi-editor-test' }));
const signatures = editor.createSignatureStore(backend);
const templates = editor.createTemplateStore(backend);
const addresses = ['taro@example.jp', 'hanako@example.jp'];
let latest: RichBody = editor.richBodyFromStored(await backend.get('draft-body'));
let clip = { html: '', text: '' };

async function messageParts(address: string | null): Promise<MessageParts> {
  return editor.toMessageParts(latest, address ? await signatures.get(address) : null);
}

function App() {
  const [body, setBody] = useState(latest);
  const [subject, setSubject] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [parts, setParts] = useState<MessageParts | null>(null);
  const change = (next: RichBody) => {
    latest = next;
    setBody(next);
    void backend.put('draft-body', next);
  };
  return (
    <main>
      {/* The source of trusted copy events: the spec selects it and presses Ctrl+C; its copy handler puts the
          fixture on the real clipboard, so Ctrl+V in the editor is a real paste. */}
      <p id="clipboard-source" tabIndex={-1}>
        clipboard
      </p>
      <label>
        件名
        <input type="text" value={subject} onInput={(event) => setSubject(event.currentTarget.value)} />
      </label>
      <editor.RichEditor
        label="本文"
        value={body}
        onChange={change}
        t={t}
        language={language}
        onProblem={(message) => setProblems((all) => [...all, message])}
      />
      <ul aria-label="notices">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <button type="button" onClick={async () => setParts(await messageParts(addresses[0]!))}>
        Show preview
      </button>
      {parts && <editor.MailPreview t={t} parts={parts} />}
      <editor.SignatureSettings t={t} language={language} store={signatures} addresses={addresses} />
      <editor.TemplatePanel
        t={t}
        store={templates}
        current={{ subject, body, attachments: [] }}
        onInsert={(template) => {
          setSubject(template.subject);
          change(template.body);
        }}
      />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
document.getElementById('clipboard-source')!.addEventListener('copy', (event) => {
  event.preventDefault();
  event.clipboardData?.setData('text/html', clip.html);
  event.clipboardData?.setData('text/plain', clip.text);
});

const editorTest = {
  setClipboard(html: string, text = '') {
    clip = { html, text };
  },
  value: () => latest,
  async parts(address: string | null) {
    const parts = await messageParts(address);
    return {
      html: parts.html,
      text: parts.text,
      images: parts.inlineAttachments.map((image) => ({
        contentId: image.contentId,
        contentType: image.contentType,
        size: image.data.length,
        head: [...image.data.subarray(0, 8)],
      })),
    };
  },
  /** The whole message as the builder makes it, read back by postal-mime (a parser independent of ours). */
  async received(address: string | null) {
    const parts = await messageParts(address);
    const raw = buildMessage({
      from: { address: addresses[0]! },
      to: [{ address: 'hanako@example.jp' }],
      subject: '見積もりの件',
      html: parts.html,
      text: parts.text,
      attachments: parts.inlineAttachments,
    });
    const parsed = await PostalMime.parse(raw);
    return {
      raw: new TextDecoder().decode(raw),
      html: parsed.html ?? '',
      text: parsed.text ?? '',
      attachments: parsed.attachments.map((item) => ({
        contentId: item.contentId ?? '',
        disposition: item.disposition ?? '',
        mimeType: item.mimeType,
        related: Boolean(item.related),
      })),
    };
  },
  sanitize: (html: string) => editor.sanitizeMailHtml(html),
  text: (html: string) => editor.htmlToText(html),
  async clearStorage() {
    await backend.delete('draft-body');
    await backend.delete('signatures');
    await backend.delete('templates');
  },
};
export type EditorTest = typeof editorTest;
(globalThis as unknown as { editorTest: EditorTest }).editorTest = editorTest;
