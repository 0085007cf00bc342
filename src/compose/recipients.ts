/**
 * Recipient tokens across To, Cc and Bcc: validation results, duplicates and Gmail's per-message recipient limit.
 * Pure; the address grammar itself belongs to src/mail, injected here as a `RecipientParser`.
 */

export const recipientFields = ['to', 'cc', 'bcc'] as const;
export type RecipientField = (typeof recipientFields)[number];

import type { Mailbox } from '../mail/types.ts';

export type { Mailbox };

/** What one token turned out to be: a mailbox, or a problem code that src/mail's message table explains. */
export type ParsedRecipient = { ok: true; mailbox: Mailbox } | { ok: false; problem: string };

export type RecipientParser = (text: string) => ParsedRecipient;

export interface RecipientToken {
  /** The text as the user typed or pasted it; saved in the draft so nothing they wrote is ever rewritten. */
  text: string;
  parsed: ParsedRecipient;
}

/**
 * Gmail API sends are limited to 100 recipients per message for Workspace accounts ("Recipients per message sent
 * via SMTP … or the Gmail API: 100", support.google.com/a/answer/166852); consumer accounts are not documented,
 * so we warn rather than block.
 */
export const gmailRecipientLimit = 100;

/** Address comparison key: the domain is case-insensitive (RFC 5321 §2.4); Gmail also ignores local-part case. */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * A display name that itself looks like an address (`"bank@example.com" <evil@example.net>`) is a classic
 * phishing shape; we then show the real address next to it, always.
 */
export function nameDisguisesAddress(mailbox: Mailbox): boolean {
  const name = mailbox.name?.trim();
  if (!name || !/@/.test(name)) return false;
  const inner = /[^\s<>"'@]+@[^\s<>"'@]+/.exec(name)?.[0];
  return !inner || addressKey(inner) !== addressKey(mailbox.address);
}

export interface DuplicateInfo {
  /** Where the address first appeared. */
  firstField: RecipientField;
  firstIndex: number;
}

export type RecipientsByField = Readonly<Record<RecipientField, readonly RecipientToken[]>>;

/**
 * For each token that repeats an address seen earlier (To before Cc before Bcc, left to right), where it was
 * first seen. Keyed by `${field}:${index}`.
 */
export function findDuplicates(recipients: RecipientsByField): Map<string, DuplicateInfo> {
  const firstSeen = new Map<string, DuplicateInfo>();
  const duplicates = new Map<string, DuplicateInfo>();
  for (const field of recipientFields) {
    recipients[field].forEach((token, index) => {
      if (!token.parsed.ok) return;
      const key = addressKey(token.parsed.mailbox.address);
      const first = firstSeen.get(key);
      if (first) duplicates.set(`${field}:${index}`, first);
      else firstSeen.set(key, { firstField: field, firstIndex: index });
    });
  }
  return duplicates;
}

/** Valid addresses across To, Cc and Bcc, each once (first spelling kept), in field order. */
export function distinctAddresses(recipients: RecipientsByField): string[] {
  const seen = new Map<string, string>();
  for (const field of recipientFields) {
    for (const token of recipients[field]) {
      if (!token.parsed.ok) continue;
      const key = addressKey(token.parsed.mailbox.address);
      if (!seen.has(key)) seen.set(key, token.parsed.mailbox.address);
    }
  }
  return [...seen.values()];
}

/** Distinct valid addresses across all three fields: what Gmail counts against its limit. */
export function countRecipients(recipients: RecipientsByField): number {
  return distinctAddresses(recipients).length;
}

/** Tokens that are not valid addresses, in field order. */
export function invalidTokens(recipients: RecipientsByField): Array<{ field: RecipientField; index: number }> {
  const found: Array<{ field: RecipientField; index: number }> = [];
  for (const field of recipientFields) {
    recipients[field].forEach((token, index) => {
      if (!token.parsed.ok) found.push({ field, index });
    });
  }
  return found;
}

/** Each token parsed, once. */
export function parseTokens(
  draft: Readonly<Record<RecipientField, { readonly tokens: readonly string[] }>>,
  parse: RecipientParser,
): RecipientsByField {
  return {
    to: draft.to.tokens.map((text) => ({ text, parsed: parse(text) })),
    cc: draft.cc.tokens.map((text) => ({ text, parsed: parse(text) })),
    bcc: draft.bcc.tokens.map((text) => ({ text, parsed: parse(text) })),
  };
}
