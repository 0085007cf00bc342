/**
 * Links into Gmail's web UI. `/mail/u/<address>/` picks the signed-in account by address (the `u/0` index differs
 * from browser to browser); `#sent/<id>` opens one message, and Gmail's web ids are the API's hex message ids.
 */

function accountPath(gmailWebRoot: string, email: string | null | undefined): string {
  const root = gmailWebRoot.endsWith('/') ? gmailWebRoot : `${gmailWebRoot}/`;
  // `@` is legal in a path segment (RFC 3986 §3.3); everything else unusual is escaped.
  const account = email ? encodeURIComponent(email).replace(/%40/g, '@') : '0';
  return `${root}mail/u/${account}/`;
}

/** The sent message in Gmail for `email`'s account; the Sent folder when the id is unknown. */
export function gmailWebLink(gmailWebRoot: string, email: string | null | undefined, messageId: string): string {
  const base = accountPath(gmailWebRoot, email);
  return messageId ? `${base}#sent/${encodeURIComponent(messageId)}` : `${base}#sent`;
}

/** The Sent folder, for "Not sure this was sent: check your Sent folder". */
export function gmailSentFolderLink(gmailWebRoot: string, email: string | null | undefined): string {
  return `${accountPath(gmailWebRoot, email)}#sent`;
}
