// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthFailure } from '../../../src/auth/auth-failure.ts';
import type { AuthState, TokenSession } from '../../../src/auth/auth-state.ts';
import { AccountStatus } from '../../../src/auth/ui/AccountStatus.tsx';
import { AuthProblem } from '../../../src/auth/ui/AuthProblem.tsx';
import { authText } from '../../../src/text/auth.ts';

const en: Record<string, string> = Object.fromEntries(Object.entries(authText).map(([key, text]) => [key, text.en]));
const t = (key: string, params: Readonly<Record<string, string | number>> = {}) =>
  (en[key] ?? `!${key}`).replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

/** A session whose state the test sets, recording what the UI calls. */
function fakeSession(initial: AuthState) {
  let state = initial;
  const listeners = new Set<(state: AuthState) => void>();
  const session = {
    getState: () => state,
    subscribe: (listener: (state: AuthState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: vi.fn(),
    retryScript: vi.fn(),
    connect: vi.fn(),
    ensureToken: vi.fn(),
    accessToken: vi.fn(() => null),
    invalidateToken: vi.fn(),
    requireConsent: vi.fn(),
    cancel: vi.fn(),
    dismissFailure: vi.fn(),
    dismissNotice: vi.fn(),
    revokeOutcome: vi.fn(() => null),
    signOut: vi.fn(),
    forgetHint: vi.fn(),
  } satisfies TokenSession;
  const set = (next: AuthState) =>
    act(() => {
      state = next;
      for (const listener of listeners) listener(next);
    });
  return { session, set };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const mount = (node: preact.ComponentChild) => act(() => render(node, root));
const button = (name: string | RegExp) => {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${name} in ${root.innerHTML}`);
  return found;
};

describe('AccountStatus', () => {
  it('says it is loading until the scripts are ready, then offers Connect', async () => {
    const { session, set } = fakeSession({ status: 'loading', scripts: { gis: 'ready', gapi: 'loading' } });
    await mount(<AccountStatus session={session} t={t} />);
    expect(button('Loading Google sign-in…').getAttribute('aria-disabled')).toBe('true');
    expect(root.querySelector('section')?.getAttribute('aria-label')).toBe('Google account');
    await set({ status: 'signed-out', hint: null });
    button('Connect Gmail account').click();
    expect(session.connect).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('gmail.send');
  });

  it('offers a retry for each script that failed, naming it', async () => {
    const { session } = fakeSession({
      status: 'load-failed',
      scripts: { gis: 'failed', gapi: 'failed' },
      failed: ['gis', 'gapi'],
    });
    await mount(<AccountStatus session={session} t={t} />);
    button('Retry loading Google API client').click();
    button('Retry loading Google sign-in (Google Identity Services)').click();
    expect(session.retryScript.mock.calls).toEqual([['gapi'], ['gis']]);
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('connects as the remembered account, discloses it and lets the user forget it', async () => {
    const { session } = fakeSession({ status: 'signed-out', hint: 'alice@example.com' });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.textContent).toContain('This browser remembers alice@example.com');
    button('Forget alice@example.com').click();
    expect(session.forgetHint).toHaveBeenCalled();
    button('Connect as alice@example.com').click();
    expect(session.connect).toHaveBeenCalled();
  });

  it('while the popup is open: announces it and offers to stop waiting', async () => {
    const { session } = fakeSession({ status: 'authorizing', hint: null });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Waiting for Google’s window');
    button('Stop waiting').click();
    expect(session.cancel).toHaveBeenCalled();
  });

  it('shows "Sending as" and signs out, forgetting the account when the box is ticked', async () => {
    const { session } = fakeSession({
      status: 'ready',
      email: 'alice@example.com',
      emailLookup: 'done',
      expiresAt: 1,
      hint: 'alice@example.com',
    });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Sending as alice@example.com');
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]');
    expect(box?.labels?.[0]?.textContent).toContain('Also forget alice@example.com');
    await act(() => box?.click());
    button('Sign out').click();
    expect(session.signOut).toHaveBeenCalledWith({ forgetHint: true });
  });

  it.each([
    ['pending', 'Looking up your address'],
    ['failed', 'your address could not be read'],
  ] as const)('while the address is %s it still shows a connected account', async (emailLookup, text) => {
    const { session } = fakeSession({ status: 'ready', email: null, emailLookup, expiresAt: 1, hint: null });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.textContent).toContain(text);
    button('Sign out').click();
    expect(session.signOut).toHaveBeenCalledWith({ forgetHint: false });
  });

  it('announces a renewal without hiding the account', async () => {
    const { session } = fakeSession({ status: 'renewing', email: 'alice@example.com', hint: null });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Sending as alice@example.com');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Renewing access');
  });
});

describe('AuthProblem', () => {
  const failed = (reason: AuthFailure): AuthState => ({ status: 'failed', reason, email: null, hint: null });

  it('renders nothing when there is no failure', async () => {
    const { session } = fakeSession({ status: 'signed-out', hint: null });
    await mount(<AuthProblem session={session} t={t} />);
    expect(root.innerHTML).toBe('');
  });

  it.each([
    ['popup-blocked', 'The browser blocked Google’s sign-in window', 'Try again'],
    ['access-denied', 'Google did not give permission', 'Ask Google again'],
    ['partial-grant', 'The permission to send mail was left unticked', 'Ask again'],
    ['interaction-required', 'Google needs you to confirm in its window', 'Open Google’s window'],
    ['unknown', 'Google sign-in failed', 'Try again'],
  ] as const)('%s: a named alert whose action reconnects in the click', async (code, title, action) => {
    const { session } = fakeSession(failed({ code, raw: `raw_${code}` }));
    await mount(<AuthProblem session={session} t={t} origin="https://mail.example" />);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe(title);
    expect(alert?.getAttribute('aria-labelledby')).toBe(alert?.querySelector('h2')?.id);
    expect(root.textContent).not.toContain('!auth.');
    button(action).click();
    expect(session.connect).toHaveBeenCalledTimes(1);
    button('Dismiss').click();
    expect(session.dismissFailure).toHaveBeenCalled();
  });

  it('tells how to allow pop-ups for this origin', async () => {
    const { session } = fakeSession(failed({ code: 'popup-blocked', raw: 'popup_failed_to_open' }));
    await mount(<AuthProblem session={session} t={t} origin="https://mail.example" />);
    expect(root.querySelectorAll('li')).toHaveLength(3);
    expect(root.textContent).toContain('Always allow pop-ups and redirects from https://mail.example');
  });

  it('shows the raw code and detail of an unknown failure for support', async () => {
    const { session } = fakeSession(
      failed({ code: 'unknown', raw: 'invalid_client', detail: 'The OAuth client was not found.' }),
    );
    await mount(<AuthProblem session={session} t={t} />);
    expect(root.textContent).toContain('Error code: invalid_client');
    expect(root.textContent).toContain('Details: The OAuth client was not found.');
  });

  it('runs the page-supplied action instead of connect (e.g. Reconnect and send)', async () => {
    const { session } = fakeSession(failed({ code: 'popup-blocked', raw: 'popup_failed_to_open' }));
    const onAction = vi.fn();
    await mount(<AuthProblem session={session} t={t} onAction={onAction} />);
    button('Try again').click();
    expect(onAction).toHaveBeenCalled();
    expect(session.connect).not.toHaveBeenCalled();
  });

  it('a Sign out Google did not confirm: an alert that names the code and links to Third-party connections', async () => {
    const { session } = fakeSession({
      status: 'signed-out',
      hint: null,
      revoke: { status: 'failed', error: 'invalid_token' },
      notice: { kind: 'revoke-failed', error: 'invalid_token' },
    });
    await mount(<AuthProblem session={session} t={t} />);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe(
      'Signed out here, but Google may still let this page send as you',
    );
    expect(alert?.textContent).toContain('code: invalid_token');
    expect(alert?.textContent).toContain('Security → Third-party connections');
    const link = alert?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://myaccount.google.com/connections');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    button('Dismiss').click();
    expect(session.dismissNotice).toHaveBeenCalled();
  });

  it('consent asked again: a status that says why (Testing, or access removed)', async () => {
    const { session } = fakeSession({
      status: 'ready',
      email: 'alice@example.com',
      emailLookup: 'done',
      expiresAt: null,
      hint: null,
      notice: { kind: 'consent-asked-again' },
    });
    await mount(<AuthProblem session={session} t={t} />);
    const status = root.querySelector('[role="status"]');
    expect(status?.querySelector('h2')?.textContent).toBe('Google asked for your permission again');
    expect(status?.textContent).toContain('every seven days while the app’s Google Cloud project is in “Testing”');
  });
});
