import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Headless flags from DEVELOPERS.md: without the background-networking ones Chromium keeps dialling Google
 * services that this closed network refuses, and wastes seconds at every start.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

function playwrightOwnChromium(): string | null {
  try {
    // Resolved lazily so that a missing playwright-core download never throws here.
    const output = execFileSync(
      process.execPath,
      ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return output && existsSync(output) ? output : null;
  } catch {
    return null;
  }
}

function onPath(name: string): string | null {
  try {
    const found = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return found || null;
  } catch {
    return null;
  }
}

/**
 * Finds a Chromium or Chrome in the order the README promises: CHROME_PATH, Playwright's own download,
 * Debian's /usr/bin/chromium, then google-chrome. Throws with install instructions instead of skipping.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const candidates = [
    playwrightOwnChromium(),
    existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null,
    onPath('chromium'),
    onPath('google-chrome'),
    onPath('google-chrome-stable'),
  ];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate));
  if (found) return found;
  throw new Error(
    [
      'No Chromium or Chrome found for the browser tests.',
      'Install one, then run the tests again:',
      '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
      '  or point CHROME_PATH at an existing Chrome/Chromium binary,',
      '  or, where downloads are allowed: npx playwright install chromium',
    ].join('\n'),
  );
}
