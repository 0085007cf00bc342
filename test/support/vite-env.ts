/**
 * Vite reads VITE_* from process.env, and every spec file a Playwright worker runs shares that one process.env: a
 * variable one file sets (the PWA update spec points its preview's CSP at its offline Google) is still there when the
 * next file builds a production bundle, which then quietly loads Google from the double. Every build or preview a
 * spec starts goes through here: the Google variables it does not name are unset, and the old values put back after.
 */
import { build } from 'vite';

const googleVariables = ['VITE_GOOGLE_CLIENT_ID', 'VITE_OFFLINE_GOOGLE_ORIGIN'] as const;
type GoogleVariable = (typeof googleVariables)[number];

export async function withGoogleEnv<T>(
  env: Partial<Record<GoogleVariable, string>>,
  run: () => Promise<T>,
): Promise<T> {
  const saved = new Map(googleVariables.map((name) => [name, process.env[name]]));
  for (const name of googleVariables) {
    // Unset, not empty: an empty process.env value would also hide the .env file of the mode being built.
    const value = env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return await run();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The production bundle as a deployer builds it: the real Google's hostnames, and this client ID (or none). */
export async function buildProductionBundle(outDir: string, clientId: string): Promise<void> {
  await withGoogleEnv({ VITE_GOOGLE_CLIENT_ID: clientId }, () =>
    build({ mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } }).then(() => undefined),
  );
}
