/**
 * The small pure pieces of the campaign screen's side: how an outbox entry reads to the campaign core, the test-only
 * time scale, each row's check (placeholders, attachments by name) and each row's message (the test, a follow-up,
 * List-Unsubscribe).
 */
import { describe, expect, it } from 'vitest';
import { rowMessage } from '../../../src/merge/campaign-message.ts';
import { type CampaignFiles, namedFiles, newCampaignRecord } from '../../../src/merge/campaign-record.ts';
import { checkRows, summarize } from '../../../src/merge/campaign-rows.ts';
import { guessAttachmentColumn, shownRowState } from '../../../src/merge/campaign-view.ts';
import { guessColumns } from '../../../src/merge/core/columns.ts';
import { importListText } from '../../../src/merge/core/list.ts';
import { compileTemplate } from '../../../src/merge/core/placeholders.ts';
import { analyseRecipients, emptySettings } from '../../../src/merge/core/recipients.ts';
import { toRowEntryView, toWindowView } from '../../../src/merge/entry-view.ts';
import { timeScale } from '../../../src/merge/time-scale.ts';
import { entry, t0 } from '../outbox/entries.ts';

const mergeOrigin = { kind: 'merge', campaignId: 'c1', row: 4 } as const;

describe('an outbox entry as the campaign reads it', () => {
  it.each([
    [
      'queued with a pacing time',
      entry({ origin: mergeOrigin, notBefore: t0 + 5, waitReason: 'pacing' }),
      'queued',
      undefined,
    ],
    ['paused (held)', entry({ origin: mergeOrigin, blocked: { kind: 'paused' } }), 'held', undefined],
    [
      'waiting for a token',
      entry({ origin: mergeOrigin, blocked: { kind: 'token', consent: false } }),
      'queued',
      undefined,
    ],
    [
      'waiting out a 429 by itself',
      entry({ origin: mergeOrigin, notBefore: t0 + 4_000, waitReason: 'rate-limit' }),
      'queued',
      { code: 'rate-limit', resumeAt: t0 + 4_000 },
    ],
    [
      'stopped for the sending limit',
      entry({
        origin: mergeOrigin,
        state: 'failed',
        problem: { code: 'sending-limit', resumeAt: t0 + 3_600_000, message: 'User-rate limit exceeded.' },
      }),
      'failed',
      { code: 'sending-limit', resumeAt: t0 + 3_600_000, message: 'User-rate limit exceeded.' },
    ],
  ])('%s', (_name, outboxEntry, state, failure) => {
    const view = toRowEntryView(outboxEntry);
    expect(view).toMatchObject({ row: 4, state });
    expect(view.failure).toEqual(failure);
  });

  it('counts a message against the windows from when its request left', () => {
    const sent = entry({
      origin: mergeOrigin,
      state: 'sent',
      lastAttemptAt: t0 + 100,
      result: { gmailId: 'g', threadId: 't', sentAt: t0 + 900 },
    });
    expect(toRowEntryView(sent).result?.sentAt).toBe(t0 + 900);
    expect(toWindowView(sent).result?.sentAt).toBe(t0 + 100);
    expect(toRowEntryView(entry({ origin: { kind: 'merge-test', campaignId: 'c1' } })).row).toBe(0);
  });
});

describe("a row's status cell", () => {
  it.each([
    ['held while the campaign waits for Gmail: waiting, not paused', 'held', 'waiting', 'waiting'],
    ['held because the person paused', 'held', 'paused', 'held'],
    ['refused for now while the campaign waits', 'waiting', 'waiting', 'waiting'],
    ['queued while the campaign runs', 'queued', 'running', 'queued'],
    ['sent while the campaign waits', 'sent', 'waiting', 'sent'],
  ] as const)('%s', (_name, row, campaign, shown) => {
    expect(shownRowState(row, campaign)).toBe(shown);
  });
});

describe('the test-only time scale', () => {
  it('is the identity at 1 and a bijection otherwise', () => {
    expect(timeScale(t0, 1).toVirtual(t0 + 123)).toBe(t0 + 123);
    expect(timeScale(t0, 0.5).factor).toBe(1);
    const fast = timeScale(t0, 20);
    expect(fast.toVirtual(t0 + 3_000)).toBe(t0 + 60_000);
    expect(fast.toReal(t0 + 60_000)).toBe(t0 + 3_000);
    expect(fast.toReal(fast.toVirtual(t0 + 777))).toBe(t0 + 777);
  });
});

const files = (pool: string[] = [], commonBytes = 0): CampaignFiles => ({
  source: null,
  common: commonBytes
    ? [{ id: 'c', name: 'common.pdf', type: 'application/pdf', size: commonBytes, blob: new Blob([]) }]
    : [],
  pool: pool.map((name, i) => ({ id: `p${i}`, name, type: 'application/pdf', size: 10, blob: new Blob(['x']) })),
});

async function checked(text: string, template: { subject: string; text: string }, campaignFiles: CampaignFiles) {
  const list = importListText(text);
  const settings = emptySettings(guessColumns(list));
  const compiled = compileTemplate(template, list.headers);
  return checkRows({
    list,
    analysis: analyseRecipients(list, settings),
    compiled: compiled.problems.length ? null : compiled,
    settings,
    files: campaignFiles,
    attachmentColumn: guessAttachmentColumn(list.headers),
  });
}

describe("each row's check", () => {
  const list = [
    '氏名\tメールアドレス\t添付ファイル',
    '山田\ttaro@example.jp\t見積書.pdf',
    '\thanako@example.jp\t見積書.pdf、案内.pdf',
    '佐藤\tjiro@example.jp\t',
  ].join('\n');

  it('flags an empty value without text for empty cells, and a file the row names that was not added', async () => {
    const checks = await checked(list, { subject: 'ご案内', text: '{{氏名}} 様' }, files(['見積書.pdf']));
    expect(checks.map((check) => check.status)).toEqual(['ready', 'left-out', 'ready']);
    expect(checks[1]?.issues).toEqual([
      { code: 'empty-value', part: 'text', name: '氏名' },
      { code: 'missing-file', name: '案内.pdf' },
    ]);
    expect(checks[0]?.files.map((file) => file.name)).toEqual(['見積書.pdf']);
    expect(summarize(checks)).toEqual({ ready: 2, excluded: 0, leftOut: 1, overRecipientLimit: 0 });
  });

  it('a fallback fills the empty cell; attachments over 25 MB in all are refused per row', async () => {
    const checks = await checked(
      list,
      { subject: 'ご案内', text: '{{氏名|お客様}} 様' },
      files(['見積書.pdf', '案内.pdf'], 25 * 1024 * 1024),
    );
    expect(checks.map((check) => check.status)).toEqual(['left-out', 'left-out', 'ready']);
    expect(checks[0]?.issues[0]).toMatchObject({ code: 'attachments-too-large' });
  });

  it('reads file names split by line breaks, commas and semicolons, half- or full-width', () => {
    expect(namedFiles('a.pdf, b.pdf；c.pdf\nd.pdf、 e.pdf')).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf']);
  });
});

describe("each row's message", () => {
  const list = importListText('氏名\tメールアドレス\tCc\n山田 太郎\ttaro@example.jp\tboss@example.jp');
  const settings = emptySettings(guessColumns(list));
  const analysis = analyseRecipients(list, settings);
  const compiled = compileTemplate({ subject: '{{氏名}} 様', text: 'こんにちは、{{氏名}} 様' }, list.headers);
  const check = {
    row: 2,
    status: 'ready' as const,
    recipients: analysis.rows[0]!,
    issues: [],
    files: [],
  };
  const record = {
    ...newCampaignRecord('c1', t0, 'alice@example.com'),
    settings,
    unsubscribe: { mailto: 'alice@example.com', subject: '配信停止' },
  };
  const base = { record, files: files(), compiled, listRow: list.rows[0]!, check, messageId: 'm1@example.com' };

  it('is the row rendered, to its recipients, with List-Unsubscribe', () => {
    const message = rowMessage(base);
    expect(message.draft).toMatchObject({
      from: { address: 'alice@example.com' },
      to: [{ name: '山田 太郎', address: 'taro@example.jp' }],
      cc: [{ address: 'boss@example.jp' }],
      subject: '山田 太郎 様',
      text: 'こんにちは、山田 太郎 様',
      messageId: 'm1@example.com',
      listUnsubscribe: { mailto: 'alice@example.com', subject: '配信停止' },
    });
    expect(message.summary).toEqual({
      to: ['taro@example.jp'],
      cc: ['boss@example.jp'],
      bcc: [],
      subject: '山田 太郎 様',
    });
  });

  it('the test is the same message to the account alone', () => {
    const message = rowMessage({ ...base, testTo: 'alice@example.com' });
    expect(message.summary).toEqual({ to: ['alice@example.com'], cc: [], bcc: [], subject: '山田 太郎 様' });
    expect(message.draft.text).toBe('こんにちは、山田 太郎 様');
  });

  it('a follow-up answers the original in its thread', () => {
    const thread = {
      row: 2,
      threadId: '19cde51dc125579f',
      to: ['taro@example.jp'],
      cc: ['boss@example.jp'],
      bcc: [],
      inReplyTo: 'orig@example.com',
      references: ['orig@example.com'],
      subject: 'Re: 山田 太郎 様',
    };
    const followUp = { ...record, followUp: { parentId: 'c0', parentName: 'list.csv', threads: [thread] } };
    const message = rowMessage({ ...base, record: followUp });
    expect(message.threadId).toBe('19cde51dc125579f');
    expect(message.draft).toMatchObject({
      to: [{ name: '山田 太郎', address: 'taro@example.jp' }],
      subject: 'Re: 山田 太郎 様',
      inReplyTo: 'orig@example.com',
      references: ['orig@example.com'],
    });
  });
});
