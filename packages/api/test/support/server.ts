import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from './app.js';
import { freePort } from './ports.js';

/** The built server, as `pnpm start` and the e2e run start it. */
export const MAIN_JS = join(packageRoot, 'dist/main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const s = statSync(full);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(full) : s.mtimeMs);
  }
  return newest;
}

/**
 * dist/main.js, built from the current sources. The suite runner builds before the tests, so this
 * normally does nothing; run alone after an edit, it rebuilds the API bundle (esbuild, a second)
 * rather than test yesterday's server.
 */
export function ensureBuilt() {
  const sources = Math.max(newestMtime(join(packageRoot, 'src')), newestMtime(resolve(packageRoot, '../contract/src')));
  if (existsSync(MAIN_JS) && statSync(MAIN_JS).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: packageRoot, stdio: 'pipe', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${MAIN_JS} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Settings that make the proof of work cheap, the fill time zero and the limits unreachable. */
export const EASY_ENV: Record<string, string> = {
  ALTCHA_MIN_COUNTER: '1',
  ALTCHA_MAX_COUNTER: '50',
  MIN_FILL_SECONDS: '0',
  RATE_LIMIT_IP: '1000000/1',
  RATE_LIMIT_SITE: '1000000/1',
  RATE_LIMIT_CONTACT: '1000000/1',
  RATE_LIMIT_LOOKUP: '1000000/1',
  RATE_LIMIT_VIEWS: '1000000/1',
};

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** What it printed, stdout and stderr, for a failure message. */
  output(): string;
  /** SIGKILL, by process id: no shutdown handler runs, nothing is flushed. */
  crash(): Promise<number | string>;
  /** SIGTERM and wait: the server's own shutdown. */
  stop(): Promise<number | string>;
}

/** Spawns `node dist/main.js` with `env` on `port` and waits until /healthz answers. */
export async function startServer(port: number, env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | string>((r) => child.once('exit', (code, signal) => r(code ?? signal ?? 'unknown')));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (gone) throw new Error(`the server exited before answering:\n${out}`);
    // Only this child's own "listening" line proves the port is ours: another test file's server
    // may hold the port and answer /healthz while this child dies of EADDRINUSE.
    if (!out.includes(`demo pages   ${url}/`)) {
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`the server did not start listening within ${timeoutMs} ms:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 25));
      continue;
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    port,
    child,
    exited,
    output: () => out,
    crash: async () => {
      if (!gone) process.kill(child.pid!, 'SIGKILL');
      return exited;
    },
    stop: async () => {
      if (!gone) process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => !gone && process.kill(child.pid!, 'SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * startServer on a free port of the range, with `env` made for that port; when another test file
 * takes the port between the probe and the listen (EADDRINUSE), another port, up to five times.
 */
export async function startOnFreePort(env: (port: number) => Record<string, string>, timeoutMs = 30_000, avoid: number[] = []): Promise<ServerProcess> {
  for (let attempt = 0; ; attempt++) {
    let port = await freePort();
    while (avoid.includes(port)) port = await freePort();
    try {
      return await startServer(port, env(port), timeoutMs);
    } catch (error) {
      if (attempt >= 4 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}
