/**
 * The run-time half of the configuration (src/config.ts holds the build-time half and the endpoints): a
 * `config.json` next to index.html, read once after the first paint (it comes with the after-paint chunk, as the
 * session that needs it does), and the check of a client ID's shape.
 */
import { type AppConfig, buildTimeConfig, type ConfigProblem, type LoadedConfig, nonEmpty } from './config.ts';

// Web client IDs look like `1234567890-abc123.apps.googleusercontent.com`; anything else makes GIS fail later
// inside the popup with `invalid_client`, which tells the user much less than we can here.
const clientIdShape = /^[\w-]+\.apps\.googleusercontent\.com$/;

/** Checks a client ID's shape; null when it is acceptable. */
export function clientIdProblem(value: string): ConfigProblem | null {
  return clientIdShape.test(value) ? null : { kind: 'client-id-malformed', value };
}

/**
 * Run-time override: a `config.json` next to index.html (`{ "clientId": "…" }`) lets one build serve several
 * origins, each with its own OAuth client. A missing file is normal; a broken one is reported, never thrown.
 */
export async function loadConfig(
  fetchImpl: typeof fetch = fetch,
  base: AppConfig = buildTimeConfig(),
  url = 'config.json',
): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  let clientId = base.clientId;
  let clientIdSource: LoadedConfig['clientIdSource'] = clientId ? 'build' : 'none';

  let raw: unknown;
  try {
    const response = await fetchImpl(url, { cache: 'no-store', credentials: 'same-origin' });
    const type = response.headers.get('content-type') ?? '';
    // SPA hosts often answer unknown paths with index.html and a 200: that is "no config.json", not an error.
    if (response.ok && !type.includes('text/html')) raw = await response.json();
  } catch (error) {
    if (error instanceof SyntaxError) problems.push({ kind: 'config-json-invalid', detail: error.message });
  }

  if (raw !== undefined) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ kind: 'config-json-invalid', detail: 'expected a JSON object' });
    } else {
      const record = raw as Record<string, unknown>;
      if ('clientSecret' in record || 'client_secret' in record) problems.push({ kind: 'client-secret-present' });
      const fromFile = typeof record.clientId === 'string' ? nonEmpty(record.clientId) : null;
      if (fromFile) {
        clientId = fromFile;
        clientIdSource = 'config.json';
      }
    }
  }

  if (clientId) {
    const problem = clientIdProblem(clientId);
    if (problem) {
      problems.push(problem);
      clientId = null;
      clientIdSource = 'none';
    }
  }
  return { config: { ...base, clientId }, clientIdSource, problems };
}
