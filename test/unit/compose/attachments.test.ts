import { describe, expect, it } from 'vitest';
import { attachmentBudget, gmailAttachmentLimitBytes, visibleFileName } from '../../../src/compose/attachments.ts';

describe('attachmentBudget', () => {
  const MiB = 1024 * 1024;
  it('is Gmail’s 25 MB', () => {
    expect(gmailAttachmentLimitBytes).toBe(25 * MiB);
  });
  it.each([
    [[], 0, 0, false],
    [[10 * MiB, 5 * MiB], 15 * MiB, 0.6, false],
    [[25 * MiB], 25 * MiB, 1, false],
    [[25 * MiB, 1], 25 * MiB + 1, 1, true],
    [[20 * MiB, 20 * MiB], 40 * MiB, 1, true],
  ])('%j', (sizes, total, fraction, over) => {
    const budget = attachmentBudget(sizes);
    expect(budget.total).toBe(total);
    expect(budget.fraction).toBeCloseTo(fraction);
    expect(budget.over).toBe(over);
    expect(budget.remaining).toBe(25 * MiB - total);
  });
  it('ignores negative sizes rather than letting them hide real ones', () => {
    expect(attachmentBudget([-100, 50]).total).toBe(50);
  });
});

describe('visibleFileName', () => {
  it.each([
    ['見積書.pdf', '見積書.pdf', false],
    ['invoice\u202Efdp.exe', 'invoice⟨U+202E⟩fdp.exe', true],
    ['a\u2066b\u2069.txt', 'a⟨U+2066⟩b⟨U+2069⟩.txt', true],
    ['tab\there.txt', 'tab⟨U+0009⟩here.txt', true],
    ['new\nline.txt', 'new⟨U+000A⟩line.txt', true],
    ['zero\u200bwidth.txt', 'zero⟨U+200B⟩width.txt', true],
    ['\ufeffbom.txt', '⟨U+FEFF⟩bom.txt', true],
    ['عربي.txt', 'عربي.txt', false],
  ])('%j', (name, text, hadHiddenCharacters) => {
    expect(visibleFileName(name)).toEqual({ text, hadHiddenCharacters });
  });
});
