/**
 * `npx tsx test/offline-google/cli.ts [--port 8790] [--host 127.0.0.1] [--verbose]`
 * Runs the offline Google until interrupted.
 */
import { DEFAULT_HOST, DEFAULT_PORT, startOfflineGoogle } from './server.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(option('port') ?? process.env.OFFLINE_GOOGLE_PORT ?? DEFAULT_PORT);
const host = option('host') ?? DEFAULT_HOST;
const google = await startOfflineGoogle({ port, host, verbose: process.argv.includes('--verbose') });
console.log(`Offline Google listening on ${google.origin}`);
console.log(`  outbox:  ${google.origin}/mail/`);
console.log(`  control: ${google.origin}/__control/health`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    google.close().then(() => process.exit(0));
  });
}
