import { describe, expect, it } from 'vitest';
import {
  type BlobLike,
  type BlobMessageDraft,
  checkBlobSizeLimits,
  measureBlobDraft,
  readBlobDraft,
} from '../../../src/mail/blob-draft.ts';
import { buildMessage, checkSizeLimits, measureMessage } from '../../../src/mail/build.ts';
import { MailError } from '../../../src/mail/errors.ts';
import { ATTACHMENT_SIZE_LIMIT, type MessageDraft } from '../../../src/mail/types.ts';
import { fixedOptions, fullDraft, png } from './fixtures.ts';

const MiB = 1024 * 1024;

/** A Blob that must not be read: measuring and checking limits go by `size` alone. */
const unreadable = (size: number): BlobLike => ({
  size,
  arrayBuffer: () => Promise.reject(new Error('read while only measuring')),
});

/** The same draft twice: attachments as bytes, and (those marked) as Blobs of the same bytes. */
function pair(draft: MessageDraft, asBlob: (index: number) => boolean = () => true) {
  const blobDraft: BlobMessageDraft = {
    ...draft,
    attachments: (draft.attachments ?? []).map(({ data, ...rest }, index) =>
      asBlob(index) ? { ...rest, blob: new Blob([data as Uint8Array<ArrayBuffer>]) } : { ...rest, data },
    ),
  };
  return { bytesDraft: draft, blobDraft };
}

const base: MessageDraft = {
  from: { name: '山田 太郎', address: 'taro@example.jp' },
  to: [{ name: '佐藤 花子', address: 'hanako@example.jp' }],
  subject: '週次報告書の送付',
  text: 'お世話になっております。\n報告書を添付いたします。\n',
};
const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31) & 255);

describe('measureBlobDraft: the exact size without reading a Blob', () => {
  const cases: [string, MessageDraft, ((index: number) => boolean)?][] = [
    ['no attachment', base],
    ['an empty file', { ...base, attachments: [{ filename: '空.txt', contentType: 'text/plain', data: bytesOf(0) }] }],
    ...[1, 56, 57, 58, 114, 1000, 65_537].map((size): [string, MessageDraft] => [
      `one file of ${size} bytes`,
      { ...base, attachments: [{ filename: '報告書.pdf', contentType: 'application/pdf', data: bytesOf(size) }] },
    ]),
    ['the full draft (inline image, HTML, long Japanese names)', fullDraft()],
    ['the full draft, only the second file a Blob', fullDraft(), (index) => index === 1],
  ];
  it.each(cases)('%s', (_name, draft, asBlob) => {
    const { bytesDraft, blobDraft } = pair(draft, asBlob);
    const size = measureMessage(bytesDraft, fixedOptions());
    expect(measureBlobDraft(blobDraft, fixedOptions())).toBe(size);
    expect(buildMessage(bytesDraft, fixedOptions()).length).toBe(size);
  });

  it('reads no Blob to measure, even 25 MiB', () => {
    const draft: BlobMessageDraft = {
      ...base,
      attachments: [{ filename: '動画.mp4', contentType: 'video/mp4', blob: unreadable(25 * MiB) }],
    };
    const headersOnly = measureMessage({ ...base, attachments: [{ ...draft.attachments![0]!, data: bytesOf(0) }] });
    expect(measureBlobDraft(draft) - headersOnly).toBe(
      Math.ceil((25 * MiB) / 3) * 4 + 2 * (Math.ceil((25 * MiB) / 57) - 1),
    );
  });

  it('throws the same validation errors as measureMessage', () => {
    const draft: BlobMessageDraft = {
      ...base,
      attachments: [{ filename: '報告\r\nBcc: x@evil.test', contentType: '', blob: unreadable(10) }],
    };
    expect(() => measureBlobDraft(draft)).toThrow(/attachments\[0\]\.filename/);
  });
});

describe('checkBlobSizeLimits: the errors checkSizeLimits gives, from Blob.size', () => {
  const limit = ATTACHMENT_SIZE_LIMIT;
  const cases: [string, number[], string?][] = [
    ['one file at the limit', [limit]],
    ['one file a byte over', [limit + 1]],
    ['two files, together over', [limit - 10, 11]],
    ['the second of two files over', [10, limit + 5]],
    ['attachments within, but a long text makes the message too large', [limit], 'a'.repeat(900_000)],
  ];
  it.each(cases)('%s', (_name, sizes, text) => {
    const draft = { ...base, text: text ?? base.text };
    // Lazily zeroed buffers: the bytes are never touched by measuring.
    const attachments = sizes.map((size, i) => ({
      filename: `資料${i}.bin`,
      contentType: '',
      data: new Uint8Array(size),
    }));
    const bytesDraft: MessageDraft = { ...draft, attachments };
    const blobDraft: BlobMessageDraft = {
      ...draft,
      attachments: attachments.map(({ data, ...rest }) => ({ ...rest, blob: unreadable(data.length) })),
    };
    const outcome = (check: () => void) => {
      try {
        check();
        return 'within the limits';
      } catch (error) {
        return error instanceof MailError ? error.toRecord() : String(error);
      }
    };
    const expected = outcome(() => checkSizeLimits(bytesDraft, measureMessage(bytesDraft)));
    expect(outcome(() => checkBlobSizeLimits(blobDraft, measureBlobDraft(blobDraft)))).toEqual(expected);
  });
});

describe('readBlobDraft', () => {
  it('gives the byte draft back, byte for byte, keeping byte attachments as they are', async () => {
    const { bytesDraft, blobDraft } = pair(fullDraft(), (index) => index > 0);
    const read = await readBlobDraft(blobDraft);
    expect(read).toEqual(bytesDraft);
    expect(read.attachments![0]!.data).toBe(png);
    expect(buildMessage(read, fixedOptions())).toEqual(buildMessage(bytesDraft, fixedOptions()));
  });
});
