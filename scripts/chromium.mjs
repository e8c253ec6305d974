import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const findChromium = () => CANDIDATES.find((p) => existsSync(p)) ?? null;

/** Debian's package when we may use apt (as on CI); otherwise Playwright's own download. */
export function installChromium(say) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    say('installing Chromium from the Debian packages');
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null'], {
      stdio: 'inherit',
    });
    return findChromium();
  }
  say("installing Playwright's Chromium");
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  return null;
}

/** Flags that keep Chromium from calling home on a closed network, shared by every test config. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
