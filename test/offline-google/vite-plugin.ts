/**
 * Demo mode for `npm start`: when no Google client ID is configured, the dev server points the app at the offline
 * Google and starts it on 127.0.0.1:8790 (or reuses one already listening there). `vite build` never runs this.
 */
import type { Plugin } from 'vite';
import { loadEnv } from 'vite';
import type { OfflineGoogle } from './server.ts';

export const DEMO_CLIENT_ID = 'offline-demo-client.apps.googleusercontent.com';
export const DEMO_ORIGIN = 'http://127.0.0.1:8790';

async function alreadyRunning(origin: string): Promise<boolean> {
  try {
    const reply = await fetch(`${origin}/__control/health`, { signal: AbortSignal.timeout(1000) });
    const body = (await reply.json()) as { service?: string };
    return body.service === 'offline-google';
  } catch {
    return false;
  }
}

export function offlineGooglePlugin(): Plugin {
  let started: OfflineGoogle | null = null;
  let origin: string | null = null;
  return {
    name: 'offline-google:demo-mode',
    // Dev server only: not `vite build`, not `vite preview` (the browser tests start the double themselves), and not
    // Vitest, which runs Vite in serve mode too.
    apply: (_config, env) => env.command === 'serve' && !env.isPreview && !process.env.VITEST,
    async config(config, env) {
      const fileEnv = loadEnv(env.mode, config.envDir || config.root || process.cwd(), 'VITE_');
      const clientId = fileEnv.VITE_GOOGLE_CLIENT_ID?.trim();
      const configuredOrigin = fileEnv.VITE_OFFLINE_GOOGLE_ORIGIN?.trim();
      if (clientId && !configuredOrigin) return; // real Google: nothing to do
      // Vite reads VITE_* from process.env after the config hooks (process.env wins over .env files), so setting
      // them here is what the app's import.meta.env sees.
      origin = configuredOrigin || DEMO_ORIGIN;
      if (!clientId) {
        process.env.VITE_GOOGLE_CLIENT_ID = DEMO_CLIENT_ID;
        process.env.VITE_OFFLINE_GOOGLE_ORIGIN = origin;
      }
      const url = new URL(origin);
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) || (await alreadyRunning(origin))) return;
      const { startOfflineGoogle } = await import('./server.ts');
      started = await startOfflineGoogle({ host: url.hostname, port: Number(url.port || 80) });
    },
    configureServer(server) {
      if (!origin) return;
      const shown = origin;
      server.httpServer?.once('listening', () => {
        server.config.logger.info(`  ➜  Demo mode: offline Google at ${shown} — outbox ${shown}/mail/`);
      });
      server.httpServer?.once('close', () => {
        started?.close();
        started = null;
      });
    },
  };
}
