/**
 * Optional third parser (shared/reference/mime.md §5.5): CPython's `email` package with `policy.default`, which
 * reports defects per header. Runs where python3 exists (the node machine image has 3.11) and is skipped elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../src/mail/build.ts';
import { fixedOptions, fullDraft } from './fixtures.ts';

const python = spawnSync('python3', ['--version']).status === 0;

const script = `
import sys, json, email
from email import policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
defects = []
for part in msg.walk():
    defects += [type(d).__name__ + ': ' + str(d) for d in part.defects]
    for key, value in part.items():
        defects += [key + ': ' + type(d).__name__ + ': ' + str(d) for d in getattr(value, 'defects', [])]
people = lambda name: [[a.display_name, a.addr_spec] for a in msg[name].addresses] if msg[name] else []
print(json.dumps({
  'defects': defects,
  'subject': str(msg['subject']),
  'from': people('from'), 'to': people('to'), 'cc': people('cc'), 'bcc': people('bcc'), 'replyTo': people('reply-to'),
  'filenames': [p.get_filename() for p in msg.iter_attachments()] + [p.get_filename() for p in msg.walk() if p.get('content-id')],
  'text': msg.get_body(('plain',)).get_content(),
}, ensure_ascii=False))
`;

describe.skipIf(!python)('CPython email (policy.default)', () => {
  it('reads the full Japanese draft with no defect but the deliberate legacy name= encoded-word', () => {
    const draft = fullDraft();
    const run = spawnSync('python3', ['-c', script], { input: buildMessage(draft, fixedOptions()), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    // Gmail-style name="=?UTF-8?B?...?=" on Content-Type is flagged by strict parsers (Python reads the closing
    // quote as text glued to the encoded-word). Those, for the two non-ASCII file names, and nothing else.
    const legacy =
      /^Content-Type: InvalidHeaderDefect: (missing trailing whitespace after encoded-word|encoded word inside quoted string)/;
    const unexpected = (result.defects as string[]).filter((defect) => !legacy.test(defect));
    expect((result.defects as string[]).length).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
    expect(result.subject).toBe(draft.subject);
    expect(result.from).toEqual([['山田 太郎（営業部）', 'taro@xn--r8jz45g.jp']]);
    expect(result.to).toEqual([
      ['Doe, John', 'john@example.com'],
      ['שרה כהן', 'sara@example.co.il'],
      ['', 'plain@example.org'],
    ]);
    expect(result.bcc).toEqual([['Hidden "Boss"', 'boss@example.com']]);
    expect(result.replyTo).toEqual([
      ['Support', 'support@example.com'],
      ['サポート窓口', 'support@example.jp'],
    ]);
    expect(result.filenames).toEqual([draft.attachments![1]!.filename, draft.attachments![2]!.filename, 'logo.png']);
    // Python gives the base64 body back as written: canonical CRLF line breaks (RFC 2046 §4.1.1).
    expect(result.text).toBe('こんにちは。\r\n\r\n資料を添付します。\r\nよろしくお願いします。\r\n— Taro\r\n');
  });
});
