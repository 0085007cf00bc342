/**
 * Which Google host each request stands for. The double gives every Google host an origin of its own, as Google
 * does, in one of two ways:
 * - ports (demo, offline build, offline lanes): host k of src/config.ts `offlineHostPorts` listens on base port + k
 *   of 127.0.0.1, the base port itself serves the controls;
 * - names (the production lane): one HTTPS listener answers Google's real hostnames (Chromium maps them to it with
 *   --host-resolver-rules), so the page sees https://accounts.google.com and the rest unchanged.
 */
import { type OfflineHost, offlineHostOrigin, offlineHostPorts } from '../../src/config.ts';

export type { OfflineHost };
/** The Google hosts (everything but the double's own control origin). */
export type GoogleHost = Exclude<OfflineHost, 'control'>;

export const googleHosts = Object.keys(offlineHostPorts).filter((host) => host !== 'control') as GoogleHost[];

/** The origin that stands for each host. */
export type HostOrigins = Record<OfflineHost, string>;

export function portOrigins(baseOrigin: string): HostOrigins {
  const entries = (Object.keys(offlineHostPorts) as OfflineHost[]).map((host) => [
    host,
    offlineHostOrigin(baseOrigin, host),
  ]);
  return Object.fromEntries(entries) as HostOrigins;
}

/** Google's own origins, with the double's control origin beside them (production lane). */
export function realOrigins(controlOrigin: string): HostOrigins {
  const entries = googleHosts.map((host) => [host, `https://${host}`]);
  return { ...(Object.fromEntries(entries) as Record<GoogleHost, string>), control: controlOrigin };
}

/** `--host-resolver-rules` for Chromium: every Google host of the double to the one HTTPS listener. */
export function hostResolverRules(httpsPort: number): string {
  return googleHosts.map((host) => `MAP ${host} 127.0.0.1:${httpsPort}`).join(', ');
}
