import { describe, expect, it } from 'vitest';
import {
  failureFromClientError,
  failureFromOAuthError,
  lifetimeSeconds,
  requestedScopes,
} from '../../../src/auth/auth-failure.ts';

describe('failure mapping', () => {
  it.each([
    ['access_denied', 'access-denied'],
    ['interaction_required', 'interaction-required'],
    ['consent_required', 'interaction-required'],
    ['account_selection_required', 'interaction-required'],
    ['invalid_client', 'unknown'],
    ['server_error', 'unknown'],
    ['', 'unknown'],
  ])('OAuth error %j -> %s, raw code kept', (error, code) => {
    expect(failureFromOAuthError({ error })).toEqual({ code, raw: error || 'unknown' });
  });

  it('keeps subtype and description as detail', () => {
    expect(
      failureFromOAuthError({ error: 'interaction_required', error_subtype: 'access_denied', error_description: 'x' }),
    ).toEqual({ code: 'interaction-required', raw: 'interaction_required', detail: 'access_denied — x' });
  });

  it.each([
    ['popup_failed_to_open', { code: 'popup-blocked', raw: 'popup_failed_to_open' }],
    ['popup_closed', null],
    ['unknown', { code: 'unknown', raw: 'unknown' }],
  ] as const)('client error %s', (type, expected) => {
    expect(failureFromClientError({ type })).toEqual(expected);
  });

  it('treats a missing error object as unknown', () => {
    expect(failureFromClientError(undefined)).toEqual({ code: 'unknown', raw: 'unknown' });
  });
});

describe('lifetimeSeconds', () => {
  it.each([
    [3599, 3599],
    ['3599', 3599],
    [' 120 ', 120],
    [undefined, 3599],
    ['abc', 3599],
    [0, 3599],
    [-5, 3599],
    [Number.NaN, 3599],
  ])('%j -> %d', (input, expected) => {
    expect(lifetimeSeconds(input as number | string | undefined)).toBe(expected);
  });
});

it('the requested scopes are exactly gmail.send and email', () => {
  expect(requestedScopes).toBe('https://www.googleapis.com/auth/gmail.send email');
});
