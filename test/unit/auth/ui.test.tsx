// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthFailure } from '../../../src/auth/auth-failure.ts';
import type { AuthState, TokenSession } from '../../../src/auth/auth-state.ts';
import { AccountStatus, onlineRetryDelaysMs } from '../../../src/auth/ui/AccountStatus.tsx';
import { AuthProblem } from '../../../src/auth/ui/AuthProblem.tsx';
import { authText } from '../../../src/text/auth.ts';
import { firstPaintText } from '../../../src/text/first-paint.ts';

const en: Record<string, string> = Object.fromEntries(
  Object.entries({ ...firstPaintText, ...authText }).map(([key, text]) => [key, text.en]),
);
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
  const chip = () => {
    const found = root.querySelector<HTMLElement>('.account-chip');
    if (!found) throw new Error(`no chip in ${root.innerHTML}`);
    return found;
  };
  const about = () => root.querySelector<HTMLButtonElement>('[aria-label="About connecting to Google"]')!;
  const key = (target: HTMLElement, name: string) =>
    act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    });
  const ready = (hint: string | null): AuthState => ({
    status: 'ready',
    email: 'alice@example.com',
    emailLookup: 'done',
    expiresAt: 1,
    hint,
  });

  it('says it is loading until the scripts are ready, then offers Connect, with the why one click away', async () => {
    const { session, set } = fakeSession({ status: 'loading', scripts: { gis: 'ready', gapi: 'loading' } });
    await mount(<AccountStatus session={session} t={t} />);
    expect(button('Loading Google sign-in…').getAttribute('aria-disabled')).toBe('true');
    expect(root.querySelector('section')?.getAttribute('aria-label')).toBe('Google account');
    await set({ status: 'signed-out', hint: null });
    button('Connect Gmail account').click();
    expect(session.connect).toHaveBeenCalledTimes(1);
    // The scopes are explained in the panel behind the "about" button, and describe the Connect button.
    const panel = root.querySelector<HTMLElement>(`#${about().getAttribute('aria-controls')}`)!;
    expect(panel.hidden).toBe(true);
    expect(about().getAttribute('aria-expanded')).toBe('false');
    await act(() => about().click());
    expect(panel.hidden).toBe(false);
    expect(about().getAttribute('aria-expanded')).toBe('true');
    expect(panel.textContent).toContain('gmail.send');
    const described = root.querySelector(`#${button('Connect Gmail account').getAttribute('aria-describedby')}`);
    expect(described?.textContent).toContain('gmail.send');
  });

  it('offers one retry for the scripts that failed, and one per script behind "about"', async () => {
    const { session } = fakeSession({
      status: 'load-failed',
      scripts: { gis: 'failed', gapi: 'failed' },
      failed: ['gis', 'gapi'],
    });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Part of Google’s code did not load');
    button('Retry loading Google’s code').click();
    expect(session.retryScript.mock.calls).toEqual([['gis'], ['gapi']]);
    button('Retry loading Google API client').click();
    button('Retry loading Google sign-in (Google Identity Services)').click();
    expect(session.retryScript.mock.calls.slice(2)).toEqual([['gapi'], ['gis']]);
  });

  it('names the one script that failed on the chip', async () => {
    const { session } = fakeSession({
      status: 'load-failed',
      scripts: { gis: 'ready', gapi: 'failed' },
      failed: ['gapi'],
    });
    await mount(<AccountStatus session={session} t={t} />);
    button('Retry loading Google API client').click();
    expect(session.retryScript).toHaveBeenCalledWith('gapi');
  });

  it('connects as the remembered account, discloses it and lets the user forget it', async () => {
    const { session } = fakeSession({ status: 'signed-out', hint: 'alice@example.com' });
    await mount(<AccountStatus session={session} t={t} />);
    await act(() => about().click());
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
    expect(chip().textContent).toBe('Waiting for Google…');
    expect(chip().getAttribute('aria-disabled')).toBe('true');
    button('Stop waiting').click();
    expect(session.cancel).toHaveBeenCalled();
  });

  it('shows the address on a menu button; the menu signs out, or signs out and forgets the address', async () => {
    const { session } = fakeSession(ready('alice@example.com'));
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Sending as alice@example.com');
    expect(chip().textContent).toContain('Sending as alice@example.com');
    expect(chip().getAttribute('aria-haspopup')).toBe('menu');
    expect(chip().getAttribute('aria-expanded')).toBe('false');
    const menu = root.querySelector<HTMLElement>('[role="menu"]')!;
    expect(menu.closest<HTMLElement>('[hidden]')).not.toBeNull();

    await act(() => chip().click());
    expect(chip().getAttribute('aria-expanded')).toBe('true');
    expect(menu.closest('[hidden]')).toBeNull();
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].map((item) => item.textContent);
    expect(items).toEqual(['Sign out', 'Sign out and forget alice@example.com in this browser']);
    expect(document.getElementById(menu.getAttribute('aria-describedby')!)?.textContent).toContain(
      'This browser remembers alice@example.com',
    );
    button('Sign out and forget alice@example.com in this browser').click();
    expect(session.signOut).toHaveBeenCalledWith({ forgetHint: true });
  });

  it('follows the menu button keys: arrows open on the first or last item, wrap, Escape returns focus', async () => {
    const { session } = fakeSession(ready('alice@example.com'));
    await mount(<AccountStatus session={session} t={t} />);
    await key(chip(), 'ArrowUp');
    const [signOut, forget] = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(document.activeElement).toBe(forget);
    await key(forget!, 'ArrowDown');
    expect(document.activeElement).toBe(signOut);
    await key(signOut!, 'ArrowUp');
    expect(document.activeElement).toBe(forget);
    await key(forget!, 'Home');
    expect(document.activeElement).toBe(signOut);
    await key(signOut!, 'Escape');
    expect(document.activeElement).toBe(chip());
    expect(chip().getAttribute('aria-expanded')).toBe('false');
    await key(chip(), 'ArrowDown');
    expect(document.activeElement).toBe(signOut);
    signOut!.click();
    expect(session.signOut).toHaveBeenCalledWith({ forgetHint: false });
  });

  it.each([
    ['pending', 'Looking up your address'],
    ['failed', 'your address could not be read'],
  ] as const)('while the address is %s it still shows a connected account', async (emailLookup, text) => {
    const { session } = fakeSession({ status: 'ready', email: null, emailLookup, expiresAt: 1, hint: null });
    await mount(<AccountStatus session={session} t={t} />);
    expect(chip().textContent).toContain(text);
    await act(() => chip().click());
    expect(root.querySelectorAll('[role="menuitem"]')).toHaveLength(1);
    button('Sign out').click();
    expect(session.signOut).toHaveBeenCalledWith({ forgetHint: false });
  });

  it('announces a renewal without hiding the account', async () => {
    const { session } = fakeSession({ status: 'renewing', email: 'alice@example.com', hint: null });
    await mount(<AccountStatus session={session} t={t} />);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Sending as alice@example.com');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Renewing access');
  });

  it('offline, says so instead of a retry; back online it loads the failed scripts again, a few times at most', async () => {
    vi.useFakeTimers();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { session, set } = fakeSession({
        status: 'load-failed',
        scripts: { gis: 'failed', gapi: 'ready' },
        failed: ['gis'],
      });
      await mount(<AccountStatus session={session} t={t} />);
      expect(chip().textContent).toBe('Offline');
      online.mockReturnValue(true);
      await act(() => {
        dispatchEvent(new Event('online'));
      });
      expect(chip().textContent).toBe('Retry loading Google sign-in (Google Identity Services)');
      expect(session.retryScript).not.toHaveBeenCalled();
      await act(() => {
        vi.advanceTimersByTime(onlineRetryDelaysMs[0]);
      });
      expect(session.retryScript.mock.calls).toEqual([['gis']]);
      // gis fails again, and gapi gives up only now, online already: gapi after the first delay, gis after its second.
      await set({ status: 'load-failed', scripts: { gis: 'failed', gapi: 'failed' }, failed: ['gis', 'gapi'] });
      await act(() => {
        vi.advanceTimersByTime(onlineRetryDelaysMs[0]);
      });
      expect(session.retryScript.mock.calls).toEqual([['gis'], ['gapi']]);
      await act(() => {
        vi.advanceTimersByTime(onlineRetryDelaysMs[1]);
      });
      expect(session.retryScript.mock.calls).toEqual([['gis'], ['gapi'], ['gis']]);
      // Failing again and again: a bounded number of tries each, then only the button.
      for (let round = 0; round < 5; round++) {
        await set({ status: 'loading', scripts: { gis: 'loading', gapi: 'loading' } });
        await set({ status: 'load-failed', scripts: { gis: 'failed', gapi: 'failed' }, failed: ['gis', 'gapi'] });
        await act(() => {
          vi.advanceTimersByTime(60_000);
        });
      }
      const tries = (script: string) => session.retryScript.mock.calls.filter(([name]) => name === script).length;
      expect(tries('gis')).toBe(onlineRetryDelaysMs.length);
      expect(tries('gapi')).toBe(onlineRetryDelaysMs.length);
    } finally {
      online.mockRestore();
      vi.useRealTimers();
    }
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
