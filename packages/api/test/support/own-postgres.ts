import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory, to stop, restart and kill
 * without touching the shared server the rest of the suite uses. Its ports are outside the
 * 8860–8879 range of the API's test servers.
 */
export const OWN_PG_PORTS = { from: 55400, to: 55499 } as const;

/** The directory with initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/<n>/bin. */
export function findPostgresBin(): string | undefined {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find(has);
}

export interface OwnPostgres {
  port: number;
  dir: string;
  url(database?: string): string;
  /** A statement as the superuser, on a connection of its own; returns the rows. */
  query<T = Record<string, unknown>>(text: string, database?: string): Promise<T[]>;
  /** pg_terminate_backend on every other backend of `database`; returns how many were ended. */
  terminateBackends(database: string): Promise<number>;
  restart(mode: 'smart' | 'fast' | 'immediate'): Promise<void>;
  stop(mode: 'smart' | 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster, whatever its state, and removes its directory. */
  remove(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary without blocking: the test's load keeps going while pg_ctl waits. */
function run(bin: string, args: string[], timeoutMs = 60_000): Promise<void> {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${[cmd, ...argv].join(' ')} failed (${code ?? signal}):\n${out}`))));
  });
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function freeOwnPort(): Promise<number> {
  const count = OWN_PG_PORTS.to - OWN_PG_PORTS.from + 1;
  const offset = Math.floor(Math.random() * count);
  for (let i = 0; i < count; i++) {
    const port = OWN_PG_PORTS.from + ((offset + i) % count);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${OWN_PG_PORTS.from}–${OWN_PG_PORTS.to}`);
}

/** initdb (trust authentication, superuser "postgres") and start; as root, the binaries run as user postgres. */
export async function startOwnPostgres(bin: string): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'pbgdpl-own-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  if (asRoot) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  try {
    await run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pgCtl = join(bin, 'pg_ctl');
  let port = 0;
  const options = () => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const ctl = (...args: string[]) => run(pgCtl, ['-D', data, '-l', log, '-w', '-t', '60', ...args]);
  for (let attempt = 0; ; attempt++) {
    port = await freeOwnPort();
    try {
      await ctl('-o', options(), 'start');
      break;
    } catch (error) {
      // Another process took the port between the probe and the start: another port.
      const why = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (attempt >= 3 || !/could not bind|Address already in use/.test(why)) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`${(error as Error).message}\n${why.slice(-2000)}`);
      }
    }
  }
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const query = async <T>(text: string, database?: string) => {
    const client = new pg.Client({ connectionString: url(database), connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end().catch(() => {});
    }
  };
  return {
    port,
    dir,
    url,
    query,
    async terminateBackends(database) {
      const rows = await query<{ n: string }>(
        `select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = '${database.replace(/'/g, "''")}' and pid <> pg_backend_pid()`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    restart: (mode) => ctl('-m', mode, '-o', options(), 'restart'),
    stop: (mode) => ctl('-m', mode, 'stop'),
    start: () => ctl('-o', options(), 'start'),
    async remove() {
      await ctl('-m', 'immediate', 'stop').catch(() => {}); // not running
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
