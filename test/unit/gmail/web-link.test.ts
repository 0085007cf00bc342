import { describe, expect, it } from 'vitest';
import { gmailSentFolderLink, gmailWebLink } from '../../../src/gmail/web-link.ts';

describe('Gmail web links', () => {
  it('opens the sent message in the account given by address', () => {
    expect(gmailWebLink('https://mail.google.com/', 'alice@example.com', '19cde51dc125579f')).toBe(
      'https://mail.google.com/mail/u/alice@example.com/#sent/19cde51dc125579f',
    );
  });
  it('falls back to account 0 and to the Sent folder', () => {
    expect(gmailWebLink('http://127.0.0.1:8790', null, '')).toBe('http://127.0.0.1:8790/mail/u/0/#sent');
    expect(gmailSentFolderLink('https://mail.google.com/', 'a+b@example.com')).toBe(
      'https://mail.google.com/mail/u/a%2Bb@example.com/#sent',
    );
  });
});
