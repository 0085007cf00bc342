/** Attachment sizes against Gmail's limit, and file names made safe to show. Pure. */

import { ATTACHMENT_SIZE_LIMIT } from '../mail/types.ts';

/** Gmail's 25 MB over all attachments together; the builder enforces the same number (src/mail/types.ts). */
export const gmailAttachmentLimitBytes = ATTACHMENT_SIZE_LIMIT;

export interface AttachmentBudget {
  total: number;
  limit: number;
  /** Share of the limit in use, 0..1 (clamped for the meter; `over` says when it is past 1). */
  fraction: number;
  over: boolean;
  /** Bytes left before the limit; negative when over. */
  remaining: number;
}

export function attachmentBudget(sizes: readonly number[], limit = gmailAttachmentLimitBytes): AttachmentBudget {
  const total = sizes.reduce((sum, size) => sum + Math.max(0, size), 0);
  return {
    total,
    limit,
    fraction: limit > 0 ? Math.min(1, total / limit) : 1,
    over: total > limit,
    remaining: limit - total,
  };
}

// Characters that change how the rest of a name is displayed or hide what it is: C0/C1 controls, the bidi
// embeddings, overrides and isolates (the "invoice‮fdp.exe" trick, Unicode TR#9 and CVE-2021-42574), the
// implicit marks, zero-width characters and the BOM.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const hiddenCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

export interface VisibleName {
  /** The name with each hidden character replaced by a visible `⟨U+XXXX⟩` marker. */
  text: string;
  /** Whether anything was replaced, so the UI can say why the name looks odd. */
  hadHiddenCharacters: boolean;
}

/** A file name as it is safe to show: nothing in it can reorder or hide the rest of the line. */
export function visibleFileName(name: string): VisibleName {
  let hadHiddenCharacters = false;
  const text = name.replace(hiddenCharacters, (char) => {
    hadHiddenCharacters = true;
    return `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
  });
  return { text, hadHiddenCharacters };
}
