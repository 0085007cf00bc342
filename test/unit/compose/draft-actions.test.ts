import { describe, expect, it } from 'vitest';
import { type Draft, emptyDraft, isEmptyDraft } from '../../../src/compose/draft.ts';
import { commitAllTyping, draftReducer } from '../../../src/compose/draft-actions.ts';

const run = (draft: Draft, ...actions: Parameters<typeof draftReducer>[1][]) => actions.reduce(draftReducer, draft);

describe('recipient token commits', () => {
  it('a comma or semicolon commits what precedes it and keeps the rest as typing', () => {
    const draft = run(emptyDraft(), { type: 'type-recipient', field: 'to', text: 'a@b.com; c@d' });
    expect(draft.to).toEqual({ tokens: ['a@b.com'], typing: ' c@d' });
  });
  it('Enter commits the typing', () => {
    const draft = run(
      emptyDraft(),
      { type: 'type-recipient', field: 'cc', text: '山田 太郎 <taro@example.jp>' },
      { type: 'commit-recipient', field: 'cc' },
    );
    expect(draft.cc).toEqual({ tokens: ['山田 太郎 <taro@example.jp>'], typing: '' });
  });
  it('a pasted list becomes tokens at once, appended to what was typed', () => {
    const draft = run(
      emptyDraft(),
      { type: 'type-recipient', field: 'to', text: 'x@y.z, ' },
      { type: 'commit-recipient', field: 'to', extra: '山田 太郎 <taro@example.jp>, b@c.com\nd@e.jp' },
    );
    expect(draft.to.tokens).toEqual(['x@y.z', '山田 太郎 <taro@example.jp>', 'b@c.com', 'd@e.jp']);
  });
  it('text typed during an IME composition is not split', () => {
    const draft = run(emptyDraft(), { type: 'set-recipient-typing', field: 'to', text: 'やまだ，' });
    expect(draft.to).toEqual({ tokens: [], typing: 'やまだ，' });
  });
  it('Backspace removes the last token only when nothing is being typed', () => {
    const withTwo = run(emptyDraft(), { type: 'type-recipient', field: 'to', text: 'a@b.com, c@d.jp,' });
    expect(run(withTwo, { type: 'remove-last-recipient', field: 'to' }).to.tokens).toEqual(['a@b.com']);
    const typing = run(withTwo, { type: 'type-recipient', field: 'to', text: 'e' });
    expect(run(typing, { type: 'remove-last-recipient', field: 'to' }).to.tokens).toHaveLength(2);
  });
  it('removes one token by index, keeping a deliberate duplicate elsewhere', () => {
    const draft = run(
      emptyDraft(),
      { type: 'type-recipient', field: 'to', text: 'a@b.com, a@b.com, c@d.jp,' },
      { type: 'remove-recipient', field: 'to', index: 1 },
    );
    expect(draft.to.tokens).toEqual(['a@b.com', 'c@d.jp']);
  });
  it('commitAllTyping commits every field and returns the same object when there is nothing to commit', () => {
    const draft = run(
      emptyDraft(),
      { type: 'type-recipient', field: 'to', text: 'a@b.com' },
      { type: 'show-copies' },
      { type: 'type-recipient', field: 'bcc', text: 'z@y.x' },
    );
    const committed = commitAllTyping(draft);
    expect([committed.to.tokens, committed.bcc.tokens]).toEqual([['a@b.com'], ['z@y.x']]);
    expect(commitAllTyping(committed)).toBe(committed);
  });
});

describe('other edits', () => {
  it('subject, body and attachments', () => {
    const blob = new Blob(['x']);
    const draft = run(
      emptyDraft(),
      { type: 'set-subject', text: '会議のご案内' },
      { type: 'set-body', text: '本文' },
      { type: 'add-attachments', attachments: [{ id: '1', name: 'a.txt', type: 'text/plain', size: 1, blob }] },
      { type: 'add-attachments', attachments: [{ id: '2', name: 'b.txt', type: '', size: 1, blob }] },
      { type: 'remove-attachment', id: '1' },
    );
    expect(draft.subject).toBe('会議のご案内');
    expect(draft.body).toBe('本文');
    expect(draft.attachments.map((attachment) => attachment.id)).toEqual(['2']);
    expect(isEmptyDraft(draft)).toBe(false);
  });
  it('an untouched or whitespace-only draft counts as empty', () => {
    expect(isEmptyDraft(emptyDraft())).toBe(true);
    expect(isEmptyDraft(run(emptyDraft(), { type: 'set-body', text: '  \n' }, { type: 'show-copies' }))).toBe(true);
    expect(isEmptyDraft(run(emptyDraft(), { type: 'type-recipient', field: 'bcc', text: 'a' }))).toBe(false);
  });
});
