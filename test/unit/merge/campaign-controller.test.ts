/**
 * Campaigns end to end in one process: the controller and runner on the real outbox (with its fake Gmail), the
 * import worker's handler, src/mail's builder, several tabs sharing storage and locks. Each case counts what Gmail
 * received: every ready row once, with its own personalisation, never twice.
 */
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignController } from '../../../src/merge/campaign-controller.ts';
import { googleError } from '../gmail/fake-gmail.ts';
import { t0 } from '../outbox/entries.ts';
import { campaignWorld, pastedList, runFor, settle, slowToGrant } from './campaign-harness.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function prepared(
  controller: CampaignController,
  rows: number,
  text = '{{氏名}} 様\n{{会社名|御社}} のご担当者様へ',
) {
  await controller.loaded;
  await controller.importList({ kind: 'paste', text: pastedList(rows) });
  await controller.updateRecord((record) => ({
    ...record,
    template: { subject: '{{氏名}} 様へのご案内', text },
    pacing: { pacePerMinute: 57, dailyLimit: 2000 },
  }));
  await settle(controller);
  return controller;
}

async function delivered(w: ReturnType<typeof campaignWorld>) {
  return Promise.all(
    w.gapi.delivered.map(async (resource) => {
      const mail = await PostalMime.parse(Buffer.from(resource.raw, 'base64url'));
      return {
        to: mail.to?.[0]?.address,
        subject: mail.subject,
        text: mail.text?.replace(/\r\n/g, '\n').trim(),
        messageId: mail.messageId,
      };
    }),
  );
}

describe('a campaign', () => {
  it('sends every ready row once, personalised, paced, and finishes', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 5);
    expect(controller.state().rows?.map((row) => row.state)).toEqual(Array(5).fill('pending'));
    expect(await controller.start()).toBe(true);
    await runFor(20_000, controller, a.outbox);
    const mails = await delivered(w);
    expect(mails.map((mail) => mail.to)).toEqual([1, 2, 3, 4, 5].map((i) => `user${i}@example.jp`));
    expect(mails[2]).toMatchObject({ subject: '山田 3 様へのご案内', text: '山田 3 様\n株式会社3 のご担当者様へ' });
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(5);
    expect(controller.state().record?.campaign.state).toBe('finished');
    expect(controller.state().progress).toMatchObject({ sent: 5, remaining: 0, failed: 0 });
    // Paced: 57 a minute is a little over a second between requests, never a burst.
    const sentAt = (await a.outbox.campaignEntries('c1')).map((entry) => entry.result!.sentAt).sort();
    for (let i = 1; i < sentAt.length; i++) expect(sentAt[i]! - sentAt[i - 1]!).toBeGreaterThanOrEqual(1_000);
  });

  it("each gap is the pace's mean gap varied by the tab's random source, as far as ±30 %", async () => {
    // The pure schedule draws no jitter unless given a source; the runner must pass the page's own.
    const gapsWith = async (random: () => number) => {
      const w = campaignWorld();
      const a = w.tab('tab-a', { random });
      const controller = await prepared(a.open(await w.newDraft()), 4);
      await controller.updateRecord((record) => ({ ...record, pacing: { pacePerMinute: 20, dailyLimit: 2000 } }));
      expect(await controller.start()).toBe(true);
      await runFor(20_000, controller, a.outbox);
      const sentAt = (await a.outbox.campaignEntries('c1')).map((entry) => entry.result!.sentAt).sort((x, y) => x - y);
      controller.dispose();
      return sentAt.slice(1).map((at, i) => at - sentAt[i]!);
    };
    expect(await gapsWith(() => 0)).toEqual([2_100, 2_100, 2_100]);
    expect(await gapsWith(() => 0.5)).toEqual([3_000, 3_000, 3_000]);
    const draws = [0.25, 0.999_999];
    let next = 0;
    const gaps = await gapsWith(() => draws[next++ % draws.length]!);
    expect(gaps.every((gap) => gap >= 2_100 && gap <= 3_900)).toBe(true);
    expect(new Set(gaps).size).toBeGreaterThan(1);
  });

  it('a tab that closes mid-campaign: the next tab continues where it stopped, no row twice', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 8);
    await controller.start();
    await runFor(3_500, controller, a.outbox);
    const before = w.gapi.delivered.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(8);
    a.close();
    const b = w.tab('tab-b');
    const again = b.open('c1');
    await runFor(20_000, again, b.outbox);
    const mails = await delivered(w);
    expect(mails.map((mail) => mail.to).sort()).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `user${i}@example.jp`).sort(),
    );
    expect(again.state().record?.campaign.state).toBe('finished');
  });

  it('two tabs open: one runs it, the other shows it, and nothing goes twice', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const b = w.tab('tab-b');
    const first = await prepared(a.open(await w.newDraft()), 6);
    const second = b.open('c1');
    await settle(first, second);
    await first.start();
    await vi.advanceTimersByTimeAsync(0);
    await first.idle();
    await second.idle();
    expect(first.state().runner).toBe('here');
    expect(second.state().runner).toBe('elsewhere');
    await runFor(20_000, first, second, a.outbox, b.outbox);
    expect(w.gapi.delivered).toHaveLength(6);
    expect(second.state().progress).toMatchObject({ sent: 6, remaining: 0 });
  });

  it('the tab where Start was pressed is the one that sends, and each tab says so before any lock is granted', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a', { locks: slowToGrant(200) });
    const b = w.tab('tab-b', { locks: slowToGrant(200) });
    const first = await prepared(a.open(await w.newDraft()), 4);
    const second = b.open('c1');
    await settle(first, second);
    expect([first.state().runner, second.state().runner]).toEqual(['none', 'none']);
    // The other tab hears of the start at once and asks for the run lock too; the tab that was clicked asked first.
    const started = first.start();
    await started;
    await second.idle();
    expect(first.state().runner).toBe('here');
    expect(second.state().runner).toBe('elsewhere');
    await runFor(20_000, first, second, a.outbox, b.outbox);
    expect(w.gapi.delivered).toHaveLength(4);
    expect((await a.outbox.campaignEntries('c1')).every((entry) => entry.state === 'sent')).toBe(true);
    expect(second.state().progress).toMatchObject({ sent: 4, remaining: 0 });
    expect([first.state().runner, second.state().runner]).toEqual(['none', 'none']);
  });

  it('pause holds what is queued; resume goes on from there', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 6);
    await controller.start();
    await runFor(1_500, controller, a.outbox);
    await controller.command({ type: 'pause' });
    await settle(controller, a.outbox);
    const paused = w.gapi.delivered.length;
    await runFor(30_000, controller, a.outbox);
    expect(w.gapi.delivered.length).toBe(paused);
    expect(controller.state().rows?.some((row) => row.state === 'held')).toBe(true);
    await controller.command({ type: 'resume' });
    await runFor(20_000, controller, a.outbox);
    expect(w.gapi.delivered).toHaveLength(6);
  });

  it("Gmail's daily limit stops it with a time; it continues after that time, the same message", async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 4);
    const retryAt = new Date(t0 + 3 * 3_600_000).toISOString();
    w.gapi.script.push(
      undefined,
      googleError(429, `User-rate limit exceeded.  Retry after ${retryAt}`, 'rateLimitExceeded'),
    );
    await controller.start();
    await runFor(20_000, controller, a.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
    const { record, rows } = controller.state();
    expect(record?.campaign).toMatchObject({ state: 'waiting', until: Date.parse(retryAt) });
    expect(rows?.map((row) => row.state)).toEqual(['sent', 'waiting', 'held', 'held']);
    const refused = await a.outbox.entries(['merge/c1/row/3']);
    await runFor(3 * 3_600_000, controller, a.outbox);
    expect(w.gapi.delivered).toHaveLength(4);
    expect(controller.state().record?.campaign.state).toBe('finished');
    const resent = await a.outbox.entries(['merge/c1/row/3']);
    expect(resent[0]?.messageId).toBe(refused[0]?.messageId);
  });

  it('a 429 without a time: the outbox backs off and the campaign waits with it, then every row goes once', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 4);
    w.gapi.script.push(googleError(429, 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded'));
    await controller.start();
    await runFor(30_000, controller, a.outbox);
    expect(w.gapi.calls).toHaveLength(5);
    expect(w.gapi.delivered).toHaveLength(4);
  });

  it('a lost answer: the row is "not sure", the rest goes on, and only the person decides', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 3);
    w.gapi.script.push(undefined, 'drop');
    await controller.start();
    await runFor(20_000, controller, a.outbox);
    expect(w.gapi.calls).toHaveLength(3);
    expect(controller.state().record?.campaign.state).toBe('needs-decision');
    expect(controller.state().rows?.map((row) => row.state)).toEqual(['sent', 'not-sure', 'sent']);
    await runFor(60_000, controller, a.outbox);
    expect(w.gapi.calls).toHaveLength(3);
    await controller.decide(3, 'send-again');
    await runFor(5_000, controller, a.outbox);
    expect(w.gapi.calls).toHaveLength(4);
    expect(controller.state().record?.campaign.state).toBe('finished');
  });

  it('"It was sent" settles a not-sure row without sending it', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 2);
    w.gapi.script.push('drop');
    await controller.start();
    await runFor(20_000, controller, a.outbox);
    await controller.decide(2, 'was-sent');
    await runFor(5_000, controller, a.outbox);
    expect(w.gapi.calls).toHaveLength(2);
    expect(controller.state().record?.campaign.state).toBe('finished');
  });

  it('cancel: queued rows never go; the rest are "not sent"', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 6);
    await controller.start();
    await runFor(1_500, controller, a.outbox);
    await controller.command({ type: 'cancel' });
    await runFor(30_000, controller, a.outbox);
    const sent = w.gapi.delivered.length;
    expect(sent).toBeLessThan(6);
    const states = controller.state().rows?.map((row) => row.state) ?? [];
    expect(states.filter((state) => state === 'sent')).toHaveLength(sent);
    expect(states.every((state) => ['sent', 'cancelled', 'not-sent'].includes(state))).toBe(true);
  });

  it('a test message goes to the account alone, then the campaign is a draft again', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = await prepared(a.open(await w.newDraft()), 3);
    // Row 3 of the sheet is its second recipient (row 1 is the header row).
    expect(await controller.sendTest(3)).toBe(true);
    await runFor(5_000, controller, a.outbox);
    const mails = await delivered(w);
    expect(mails).toEqual([expect.objectContaining({ to: 'alice@example.com', subject: '山田 2 様へのご案内' })]);
    expect(controller.state().record?.campaign).toMatchObject({ state: 'draft', tests: 1 });
    expect(controller.state().testEntry?.state).toBe('sent');
  });

  it('rows with problems are left out; an excluded row is never sent; the daily limit stops our own count', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a');
    const controller = a.open(await w.newDraft());
    await controller.loaded;
    const list = [
      '氏名\tメールアドレス',
      '一\tone@example.jp',
      '二\tnot-an-address',
      '三\t',
      '四\tfour@example.jp',
      '五\tfive@example.jp',
    ];
    await controller.importList({ kind: 'paste', text: list.join('\n') });
    await controller.updateRecord((record) => ({
      ...record,
      template: { subject: 'ご案内', text: '{{氏名}} 様' },
      pacing: { pacePerMinute: 57, dailyLimit: 1 },
    }));
    await controller.updateSettings((settings) => ({ ...settings, excluded: [5] }));
    await settle(controller);
    expect(controller.state().rows?.map((row) => row.check.status)).toEqual([
      'ready',
      'left-out',
      'left-out',
      'excluded',
      'ready',
    ]);
    await controller.start();
    await runFor(20_000, controller, a.outbox);
    expect(w.gapi.delivered).toHaveLength(1);
    expect(controller.state().record?.campaign.state).toBe('waiting');
    await runFor(24 * 3_600_000 + 120_000, controller, a.outbox);
    expect((await delivered(w)).map((mail) => mail.to)).toEqual(['one@example.jp', 'five@example.jp']);
  });

  it('the test-only time scale: 20 times faster, same order, every row once', async () => {
    const w = campaignWorld();
    const a = w.tab('tab-a', { timeScale: 20 });
    const controller = await prepared(a.open(await w.newDraft()), 10);
    await controller.updateRecord((record) => ({ ...record, pacing: { pacePerMinute: 1, dailyLimit: 2000 } }));
    await settle(controller);
    await controller.start();
    // One a minute at 20x: three seconds apart.
    await runFor(40_000, controller, a.outbox);
    expect(w.gapi.delivered).toHaveLength(10);
  });
});
