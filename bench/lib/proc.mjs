// Child processes, temp dirs and other things the benchmarks start, and one place that stops them
// all: on normal exit, on an error, and on Ctrl+C / SIGTERM / SIGHUP.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const API_MAIN = join(ROOT, 'packages/api/dist/main.js');
const GUARD = fileURLToPath(new URL('./parent-guard.mjs', import.meta.url));

/** Ports this benchmark may use: 8800–8819 (other engineers use other ports). */
export const PORT_BASE = Number(process.env.BENCH_PORT_BASE || 8800);
export const PORTS = {
  paintApi: PORT_BASE + 0,
  host: PORT_BASE + 1,
  frame: PORT_BASE + 2,
  apiBench: PORT_BASE + 10,
};

/** Cleanup steps, newest first. Each runs once. */
const cleanups = [];
export const onCleanup = (fn) => {
  cleanups.unshift(fn);
  return fn;
};
let cleaning = null;
export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.shift();
      try {
        await fn();
      } catch (e) {
        console.error('[bench] cleanup step failed:', e?.message ?? e);
      }
    }
  })();
  return cleaning;
}

let signalsInstalled = false;
export function installSignalHandlers() {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(sig, () => {
      console.error(`\n[bench] ${sig}: stopping servers and browser…`);
      const hard = setTimeout(() => process.exit(code), 8000);
      hard.unref();
      void cleanup().finally(() => process.exit(code));
    });
  }
}

export function tempDir(prefix = 'pbgdpl-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** True when something already accepts connections on the port. */
export const portBusy = (port, host = '127.0.0.1') =>
  new Promise((resolve) => {
    const s = connect({ port, host });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

export async function assertPortFree(port, what) {
  if (await portBusy(port)) throw new Error(`port ${port} (${what}) is already in use; stop whatever is there, or set BENCH_PORT_BASE`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function stopChild(child, name) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => {
      console.error(`[bench] ${name} (pid ${child.pid}) did not stop on SIGTERM; SIGKILL`);
      child.kill('SIGKILL');
    }, 3000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

/**
 * The kit's API (packages/api/dist/main.js) on a fresh temporary DATA_DIR. It seeds its 74
 * documents on first start. A guard module makes it exit if this process dies without cleanup
 * (its stdin is a pipe from us; the pipe closing means we are gone).
 */
export async function startApi(port, { name = 'api' } = {}) {
  await assertPortFree(port, name);
  const dataDir = tempDir('pbgdpl-bench-data-');
  const child = spawn(process.execPath, ['--import', GUARD, API_MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BENCH_REMOVE_ON_ORPHAN: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let stopping = false;
  let ready = false;
  child.once('exit', (code, signal) => {
    if (ready && !stopping) console.error(`\n[bench] ${name} (pid ${child.pid}) exited unexpectedly (code ${code}, signal ${signal}); its output:\n${output}`);
  });
  const stop = () => {
    stopping = true;
    return stopChild(child, name);
  };
  onCleanup(stop);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${origin}/healthz within 30 s:\n${output}`);
    await sleep(100);
  }
  ready = true;
  return { origin, port, dataDir, pid: child.pid, output: () => output, alive: () => child.exitCode === null && child.signalCode === null, stop };
}

/** Starts a node:http server and registers its closing. */
export async function listen(server, port, host, what) {
  await assertPortFree(port, what);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  onCleanup(close);
  return close;
}
