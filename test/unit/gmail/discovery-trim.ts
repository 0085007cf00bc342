/**
 * Builds `src/gmail/gmail-v1.discovery.json` from Google's full Gmail discovery document (216,509 bytes).
 * The page ships only what `users.messages.send` needs, so gapi never fetches the full document.
 *
 * Regenerate: `npx tsx test/unit/gmail/discovery-trim.ts --write [path/to/gmail-v1-discovery.json]`
 * Check only: `npx tsx test/unit/gmail/discovery-trim.ts`
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** sha256 of the stored copy (alchemy-run/gcp-spec specs/gmail-v1.json @ 2d5727f3, revision 20260525). */
export const originalSha256 = '1d3d86f4aa17e8221033cc599d34207ab494317721c27139fb2019afd039da38';

const here = dirname(fileURLToPath(import.meta.url));
export const trimmedPath = resolve(here, '../../../src/gmail/gmail-v1.discovery.json');

/** Where the full document may be found; the first that exists wins. */
export function originalCandidates(): string[] {
  // The offline Google keeps a byte-for-byte copy of the same document, so a fresh clone checks against it.
  return [
    process.env.GMAIL_DISCOVERY_ORIGINAL ?? '',
    resolve(here, '../../offline-google/gmail-v1.discovery.json'),
    '/work/shared/google/gmail-v1-discovery.json',
  ].filter(Boolean);
}

export function findOriginal(): string | null {
  return originalCandidates().find((path) => existsSync(path)) ?? null;
}

// Top-level members gapi reads to build `gapi.client.gmail.*` and its URLs. `revision` and `title` stay so the
// copy says what it is; `mtlsRootUrl`, `icons`, `documentationLink`, owner fields are never read by the client.
export const keptTopLevel = [
  'kind',
  'discoveryVersion',
  'id',
  'name',
  'version',
  'revision',
  'title',
  'protocol',
  'rootUrl',
  'servicePath',
  'basePath',
  'baseUrl',
  'batchPath',
  'parameters',
] as const;

export const sendMethodPath = ['resources', 'users', 'resources', 'messages', 'methods', 'send'] as const;

function asObject(value: Json | undefined, where: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: not an object`);
  return value;
}

/** Every schema reachable from `root` through `$ref`, in the original document's order. */
export function schemaClosure(schemas: JsonObject, root: string): string[] {
  const reached = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reached.has(name)) continue;
    if (!(name in schemas)) throw new Error(`schema ${name} is referenced but missing`);
    reached.add(name);
    JSON.stringify(schemas[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') pending.push(value);
      return value;
    });
  }
  return Object.keys(schemas).filter((name) => reached.has(name));
}

/** The trimmed document: same key order and values as the original for everything kept. */
export function trimDiscovery(original: JsonObject): JsonObject {
  const trimmed: JsonObject = {};
  for (const key of Object.keys(original)) {
    if ((keptTopLevel as readonly string[]).includes(key)) trimmed[key] = original[key] as Json;
  }

  let method: Json | undefined = original;
  for (const step of sendMethodPath) method = asObject(method, step)[step];
  const send = asObject(method, 'send');
  const sendScopes = send.scopes as string[];

  const allScopes = asObject(asObject(asObject(original.auth, 'auth').oauth2, 'oauth2').scopes, 'scopes');
  const scopes: JsonObject = {};
  for (const scope of Object.keys(allScopes)) if (sendScopes.includes(scope)) scopes[scope] = allScopes[scope] as Json;
  trimmed.auth = { oauth2: { scopes } };

  const allSchemas = asObject(original.schemas, 'schemas');
  const schemas: JsonObject = {};
  for (const name of schemaClosure(allSchemas, 'Message')) schemas[name] = allSchemas[name] as Json;
  trimmed.schemas = schemas;

  trimmed.resources = { users: { resources: { messages: { methods: { send } } } } };
  return trimmed;
}

/** Serialised like the original (Google's content, `JSON.stringify(doc, null, 2)` whitespace, final newline). */
export function serialise(doc: JsonObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function main(): void {
  const write = process.argv.includes('--write');
  const given = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const source = given ?? findOriginal();
  if (!source) throw new Error('full discovery document not found; pass its path');
  const bytes = readFileSync(source);
  if (sha256(bytes) !== originalSha256) console.warn(`warning: ${source} is not the recorded revision 20260525 copy`);
  const text = serialise(trimDiscovery(JSON.parse(bytes.toString('utf8')) as JsonObject));
  const minified = JSON.stringify(JSON.parse(text));
  if (write) writeFileSync(trimmedPath, text);
  else if (readFileSync(trimmedPath, 'utf8') !== text) throw new Error(`${trimmedPath} is stale: run with --write`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `original ${bytes.length} B (${kb(bytes.length)}); trimmed ${text.length} B (${kb(text.length)}), ` +
      `minified ${minified.length} B (${kb(minified.length)}) = ${((100 * minified.length) / bytes.length).toFixed(1)}% of the original`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
