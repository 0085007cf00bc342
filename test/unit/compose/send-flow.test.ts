import { describe, expect, it, vi } from 'vitest';
import {
  createSendFlow,
  type SendServices,
  type TransportOptions,
  type TransportOutcome,
} from '../../../src/compose/send-flow.ts';
import type { SendPhase } from '../../../src/compose/send-phase.ts';
import { isSendBusy, secondsLeft, showsProgressBar } from '../../../src/compose/send-phase.ts';

interface Source {
  subject: string;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function harness(outcomes: TransportOutcome[], overrides: Partial<SendServices<Source>> = {}) {
  const phases: SendPhase[] = [];
  const sentBytes: Uint8Array[] = [];
  let builds = 0;
  const services: SendServices<Source> = {
    ensureToken: vi.fn(() => Promise.resolve('token')),
    build: vi.fn(async (source: Source) => {
      builds += 1;
      return new TextEncoder().encode(`${source.subject}#${builds}`);
    }),
    transport: vi.fn(async (bytes: Uint8Array, options: TransportOptions): Promise<TransportOutcome> => {
      sentBytes.push(bytes);
      options.onProgress(0, bytes.length);
      options.onProgress(bytes.length, bytes.length);
      return outcomes.shift() ?? { kind: 'sent', id: 'id-default' };
    }),
    messageLink: (id) => `https://mail.example/#sent/${id}`,
    sentFolderLink: () => 'https://mail.example/#sent',
    cancelTokenRequest: vi.fn(),
    describeTokenError: () => null,
    describeBuildError: (error) => ({ messageKey: 'build', params: { detail: String(error) }, action: 'none' }),
    describeStop: (outcome) => ({ messageKey: `stop.${outcome.code}`, action: 'retry', code: outcome.code }),
    ...overrides,
  };
  const flow = createSendFlow(services, (phase) => phases.push(phase));
  return { flow, services, phases, sentBytes, kinds: () => phases.map((phase) => phase.kind) };
}

describe('createSendFlow', () => {
  it('asks for the token synchronously, inside the click', () => {
    const { flow, services } = harness([]);
    void flow.start({ subject: 'a' });
    expect(services.ensureToken).toHaveBeenCalledTimes(1);
  });

  it('goes authorizing -> preparing -> uploading -> sent, with the link', async () => {
    const { flow, kinds, phases } = harness([{ kind: 'sent', id: 'm1' }]);
    await expect(flow.start({ subject: '件名' })).resolves.toEqual({
      kind: 'sent',
      messageId: 'm1',
      link: 'https://mail.example/#sent/m1',
    });
    expect(kinds()).toEqual(['authorizing', 'preparing', 'uploading', 'uploading', 'uploading', 'sent']);
    expect(phases.at(-2)).toMatchObject({ kind: 'uploading', sentBytes: 8, totalBytes: 8 });
  });

  it('a second press while sending does nothing', async () => {
    const gate = deferred<string>();
    const { flow, services } = harness([], { ensureToken: vi.fn(() => gate.promise) });
    const first = flow.start({ subject: 'a' });
    await expect(flow.start({ subject: 'a' })).resolves.toEqual({ kind: 'ignored' });
    await expect(flow.resend({ subject: 'a' })).resolves.toEqual({ kind: 'ignored' });
    gate.resolve('token');
    await first;
    expect(services.ensureToken).toHaveBeenCalledTimes(1);
    expect(services.transport).toHaveBeenCalledTimes(1);
  });

  it('needs-reauth keeps the built bytes; "Reconnect and send" sends exactly them once more', async () => {
    const { flow, services, sentBytes, kinds } = harness([{ kind: 'needs-reauth' }, { kind: 'sent', id: 'm2' }]);
    const source = { subject: 'same' };
    await flow.start(source);
    expect(flow.phase().kind).toBe('needs-reauth');
    const result = await flow.resend(source);
    expect(result.kind).toBe('sent');
    expect(services.build).toHaveBeenCalledTimes(1);
    expect(services.ensureToken).toHaveBeenCalledTimes(2);
    expect(sentBytes[1]).toBe(sentBytes[0]);
    expect(kinds()).toContain('needs-reauth');
  });

  it('uncertain is never retried by itself; "Send again" resends the same bytes, an edited draft is rebuilt', async () => {
    const { flow, services, sentBytes } = harness([
      { kind: 'uncertain' },
      { kind: 'uncertain' },
      { kind: 'sent', id: 'x' },
    ]);
    const source = { subject: 'maybe' };
    await flow.start(source);
    expect(flow.phase()).toEqual({ kind: 'uncertain', sentFolderLink: 'https://mail.example/#sent' });
    expect(services.transport).toHaveBeenCalledTimes(1);
    await flow.resend(source);
    expect(sentBytes[1]).toBe(sentBytes[0]);
    await flow.resend({ subject: 'edited' });
    expect(new TextDecoder().decode(sentBytes[2])).toBe('edited#2');
  });

  it('a new Send after a result builds afresh', async () => {
    const { flow, services } = harness([{ kind: 'uncertain' }, { kind: 'sent', id: 'y' }]);
    const source = { subject: 's' };
    await flow.start(source);
    await flow.start(source);
    expect(services.build).toHaveBeenCalledTimes(2);
  });

  it('a closed popup returns quietly to idle without sending', async () => {
    const { flow, services } = harness([], { ensureToken: () => Promise.reject(new Error('closed')) });
    await expect(flow.start({ subject: 'a' })).resolves.toEqual({ kind: 'not-sent' });
    expect(flow.phase()).toEqual({ kind: 'idle' });
    expect(services.transport).not.toHaveBeenCalled();
  });

  it('a token failure with a message shows it', async () => {
    const { flow } = harness([], {
      ensureToken: () => Promise.reject(new Error('not ready')),
      describeTokenError: () => ({ messageKey: 'not-ready', action: 'retry' }),
    });
    await flow.start({ subject: 'a' });
    expect(flow.phase()).toEqual({ kind: 'failed', failure: { messageKey: 'not-ready', action: 'retry' } });
  });

  it('a builder error is shown and nothing is sent', async () => {
    const { flow, services } = harness([], { build: () => Promise.reject(new Error('CR in subject')) });
    await flow.start({ subject: 'a' });
    expect(flow.phase()).toMatchObject({ kind: 'failed', failure: { messageKey: 'build' } });
    expect(services.transport).not.toHaveBeenCalled();
  });

  it('a stop is described with its fix', async () => {
    const { flow } = harness([{ kind: 'stopped', code: 'daily-limit', resumeAt: 5 }]);
    await flow.start({ subject: 'a' });
    expect(flow.phase()).toEqual({
      kind: 'failed',
      failure: { messageKey: 'stop.daily-limit', action: 'retry', code: 'daily-limit' },
    });
  });

  it('Cancel during a backoff wait aborts the transport and says nothing was sent', async () => {
    const { flow, phases } = harness([], {
      transport: (_bytes, options) =>
        new Promise<TransportOutcome>((resolve) => {
          options.onWait({ until: 10_000, attempt: 1 });
          options.signal.addEventListener('abort', () => resolve({ kind: 'cancelled' }));
        }),
    });
    const sending = flow.start({ subject: 'a' });
    await vi.waitFor(() => expect(flow.phase().kind).toBe('waiting'));
    flow.cancel();
    await sending;
    expect(phases.at(-1)).toEqual({ kind: 'cancelled' });
  });

  it('Cancel while Google’s window is open gives up on the popup', async () => {
    const gate = deferred<string>();
    const { flow, services } = harness([], {
      ensureToken: () => gate.promise,
      cancelTokenRequest: vi.fn(() => gate.reject(new Error('cancelled'))),
    });
    const sending = flow.start({ subject: 'a' });
    flow.cancel();
    await sending;
    expect(services.cancelTokenRequest).toHaveBeenCalledTimes(1);
    expect(services.transport).not.toHaveBeenCalled();
    expect(isSendBusy(flow.phase())).toBe(false);
  });

  it('a transport that throws is treated as "not sure", never retried', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const transport = vi.fn(() => Promise.reject(new Error('bug')));
    const { flow } = harness([], { transport });
    await flow.start({ subject: 'a' });
    expect(flow.phase().kind).toBe('uncertain');
    expect(transport).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});

describe('send-phase helpers', () => {
  it('counts down in whole seconds, never showing 0 while waiting', () => {
    expect(secondsLeft(10_000, 8_001)).toBe(2);
    expect(secondsLeft(10_000, 9_999)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
  it('shows a progress bar only for uploads of at least 256 KiB', () => {
    expect(showsProgressBar({ kind: 'uploading', sentBytes: 0, totalBytes: 1000 })).toBe(false);
    expect(showsProgressBar({ kind: 'uploading', sentBytes: 0, totalBytes: 12 * 1024 * 1024 })).toBe(true);
    expect(showsProgressBar({ kind: 'preparing' })).toBe(false);
  });
});
