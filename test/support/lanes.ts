/**
 * Browser tests run in parallel "lanes": each Playwright worker gets its own built app and its own offline
 * Google, because the double keeps global state (outbox, clock, faults) that one test must not reset under
 * another. Lane N serves the app on 4173+N and the double on a block of ten ports from 8790+10N: its control
 * origin, then one origin per Google host (src/config.ts `offlineHostPorts`). The app of lane N is built with
 * VITE_OFFLINE_GOOGLE_ORIGIN pointing at its own double (playwright.config.ts).
 *
 * E2E_PORT_OFFSET moves every port by the same amount, so two checkouts on one machine can run their browser tests
 * at once without one reusing the other's servers.
 */
export const portOffset = Math.max(0, Number(process.env.E2E_PORT_OFFSET ?? 0) || 0);
export const firstAppPort = 4173 + portOffset;
export const firstGooglePort = 8790 + portOffset;

/** How many lanes (= Playwright workers). Two fit this 2-core machine; E2E_LANES overrides. */
export const laneCount = Math.max(1, Number(process.env.E2E_LANES ?? 2));

/** This worker's lane: Playwright sets TEST_PARALLEL_INDEX in each worker process. */
export function currentLane(): number {
  return Number(process.env.TEST_PARALLEL_INDEX ?? 0) % laneCount;
}

/** The folder the app of lane N is built into and served from (playwright.config.ts). */
export function laneOutDir(lane = currentLane()): string {
  const ownBuild = lane > 0 || portOffset > 0;
  return ownBuild ? `dist-offline-lane${lane}${portOffset ? `-p${portOffset}` : ''}` : 'dist-offline';
}

export function appOrigin(lane = currentLane()): string {
  return `http://localhost:${firstAppPort + lane}`;
}

/** Ports each lane's double takes: the control origin and one per Google host (8 today), rounded up. */
export const googlePortsPerLane = 10;

/** The control (base) origin of a lane's offline Google. */
export function googleOrigin(lane = currentLane()): string {
  return `http://127.0.0.1:${firstGooglePort + googlePortsPerLane * lane}`;
}

/**
 * The production lane (test/e2e/production): the bundle built by `npm run build` with a test client ID, served
 * with the production headers on one port that every worker shares (the page keeps no server-side state), while
 * each worker answers Google's real hostnames from its own offline Google.
 */
export const productionAppPort = 4180 + portOffset;
export const productionAppOrigin = `http://localhost:${productionAppPort}`;
/** A Web client ID of the right shape; only the offline Google knows it (as a client with the app's origin). */
export const productionClientId = '1234567890-productionlane.apps.googleusercontent.com';
/** Where the lane's build goes, apart from `dist/` and from other checkouts' builds. */
export const productionOutDir = `dist-production-lane${portOffset ? `-p${portOffset}` : ''}`;
