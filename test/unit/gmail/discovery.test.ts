import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import trimmed from '../../../src/gmail/gmail-v1.discovery.json';
import {
  findOriginal,
  keptTopLevel,
  originalSha256,
  serialise,
  sha256,
  trimDiscovery,
  trimmedPath,
} from './discovery-trim.ts';

type Doc = Record<string, unknown>;
const originalPath = findOriginal();
const send = (doc: Doc) =>
  ((((doc.resources as Doc).users as Doc).resources as Doc).messages as Doc & { methods: Doc }).methods.send as Doc;

describe('trimmed Gmail discovery document', () => {
  it('holds users.messages.send, the Message schema and what it references, and nothing else', () => {
    expect(Object.keys(trimmed).sort()).toEqual([...keptTopLevel, 'auth', 'schemas', 'resources'].sort());
    expect(Object.keys(trimmed.schemas).sort()).toEqual([
      'ClassificationLabelFieldValue',
      'ClassificationLabelValue',
      'Message',
      'MessagePart',
      'MessagePartBody',
      'MessagePartHeader',
    ]);
    expect(send(trimmed as Doc)).toMatchObject({ id: 'gmail.users.messages.send', httpMethod: 'POST' });
    expect(Object.keys(trimmed.auth.oauth2.scopes)).toEqual(send(trimmed as Doc).scopes);
    expect(trimmed.revision).toBe('20260525');
  });

  it('stays small: under 8% of the 216,509-byte original', () => {
    const text = readFileSync(trimmedPath, 'utf8');
    expect(text.length).toBeLessThan(216_509 * 0.08);
  });

  it.runIf(originalPath)('is exactly what trimDiscovery makes of the recorded original', () => {
    const bytes = readFileSync(originalPath as string);
    expect(sha256(bytes)).toBe(originalSha256);
    const regenerated = serialise(trimDiscovery(JSON.parse(bytes.toString('utf8'))));
    expect(readFileSync(trimmedPath, 'utf8')).toBe(regenerated);
  });

  it.runIf(originalPath)('keeps every field byte-equal to the original', () => {
    const original = JSON.parse(readFileSync(originalPath as string, 'utf8')) as Doc;
    const copy = trimmed as unknown as Doc;
    for (const key of keptTopLevel) expect(JSON.stringify(copy[key])).toBe(JSON.stringify(original[key]));
    const originalSchemas = original.schemas as Doc;
    for (const [name, schema] of Object.entries(trimmed.schemas)) {
      expect(JSON.stringify(schema)).toBe(JSON.stringify(originalSchemas[name]));
    }
    expect(JSON.stringify(send(copy))).toBe(JSON.stringify(send(original)));
    const originalScopes = ((original.auth as Doc).oauth2 as Doc).scopes as Doc;
    for (const [scope, value] of Object.entries(trimmed.auth.oauth2.scopes)) {
      expect(JSON.stringify(value)).toBe(JSON.stringify(originalScopes[scope]));
    }
  });
});
