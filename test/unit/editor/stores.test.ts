// @vitest-environment jsdom
/** Signatures and templates over the injected key-value backend (memoryBackend here, IndexedDB in the page). */
import { describe, expect, it } from 'vitest';
import { createSignatureStore } from '../../../src/editor/signature-store.ts';
import { createTemplateStore, TemplateNameError } from '../../../src/editor/template-store.ts';
import { memoryBackend } from '../../../src/storage/key-value.ts';

const body = (html: string) => ({ html, inlineImages: [] });

describe('signature store', () => {
  it('keeps one signature per address, case-insensitively, and removes it', async () => {
    const backend = memoryBackend();
    const store = createSignatureStore(backend);
    await Promise.all([
      store.set('Taro@Example.jp', body('<div>山田</div>')),
      store.set('hanako@example.jp', body('<div>佐藤</div>')),
    ]);
    expect(await store.get('taro@example.jp')).toEqual(body('<div>山田</div>'));
    expect(await store.addresses()).toEqual(['hanako@example.jp', 'taro@example.jp']);
    await store.set('taro@example.jp', body('<div><br></div>'));
    expect(await store.get('taro@example.jp')).toBeNull();
    await store.remove('hanako@example.jp');
    expect(await store.addresses()).toEqual([]);
  });

  it('keeps pictures as Blobs and survives junk in storage', async () => {
    const blob = new Blob(['png'], { type: 'image/png' });
    const backend = memoryBackend({ signatures: 'junk' });
    const store = createSignatureStore(backend);
    expect(await store.get('a@b.jp')).toBeNull();
    const logo = { contentId: 'img-logo@fumi', filename: 'logo.png', type: 'image/png', blob };
    await store.set('a@b.jp', { html: '<img src="cid:img-logo@fumi">', inlineImages: [logo] });
    expect((await store.get('a@b.jp'))?.inlineImages[0]?.blob).toBe(blob);
  });
});

describe('template store', () => {
  const options = () => {
    let id = 0;
    return { now: () => 1_700_000_000_000, newId: () => `t${++id}` };
  };

  it('saves, lists by name in Japanese order, renames and deletes', async () => {
    const store = createTemplateStore(memoryBackend(), options());
    await store.save('見積もり依頼', { subject: '{{company}} 様', body: body('<div>{{name}} 様</div>') });
    await store.save('  お礼  ', { subject: 'ありがとうございました', body: body('<div>感謝</div>') });
    await store.save('Agenda', { subject: 'Agenda', body: body('') });
    expect((await store.list()).map((template) => template.name)).toEqual(['Agenda', 'お礼', '見積もり依頼']);
    const [, thanks] = await store.list();
    await store.rename(thanks!.id, 'お礼（社外）');
    await store.remove('t1');
    const left = await store.list();
    expect(left.map((template) => [template.id, template.name])).toEqual([
      ['t3', 'Agenda'],
      ['t2', 'お礼（社外）'],
    ]);
    expect(left[1]).toMatchObject({ subject: 'ありがとうございました', savedAt: 1_700_000_000_000, attachments: [] });
  });

  it('keeps placeholders and attachments as given', async () => {
    const file = new Blob(['%PDF'], { type: 'application/pdf' });
    const store = createTemplateStore(memoryBackend(), options());
    const saved = await store.save('請求書', {
      subject: '{{month}}月分のご請求',
      body: body('<div>{{name}} 様</div>'),
      attachments: [{ name: '請求書.pdf', type: 'application/pdf', blob: file }],
    });
    const [read] = await store.list();
    expect(read).toEqual(saved);
    expect(read?.attachments[0]?.blob).toBe(file);
  });

  it.each(['', '   '])('refuses the name %j with a typed error, and changes nothing', async (name) => {
    const backend = memoryBackend();
    const store = createTemplateStore(backend, options());
    await expect(store.save(name, { subject: 's', body: body('') })).rejects.toBeInstanceOf(TemplateNameError);
    expect(backend.data.size).toBe(0);
  });

  it('skips malformed stored entries instead of throwing', async () => {
    const store = createTemplateStore(
      memoryBackend({ templates: [null, { id: 1 }, { id: 'a', name: 'ok', body: 'x' }] }),
    );
    expect((await store.list()).map((template) => template.name)).toEqual(['ok']);
  });
});
