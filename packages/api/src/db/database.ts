import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { IntegrityWatch } from './integrity.js';
import { survivePoolErrors } from './pool-errors.js';
import { readiness, type Readiness } from './readiness.js';
import { ResilientDialect } from './resilient-driver.js';
import type { Tables } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
  /** A real round trip (and, for a SQLite file, its last quick_check): what /readyz answers. */
  ready(): Promise<Readiness>;
  /** The SQLite file's quick_check; none for PostgreSQL and ":memory:". */
  integrity?: IntegrityWatch;
}

export interface DbOptions {
  /** postgres://… selects PostgreSQL; anything else is a SQLite file path (":memory:" for tests). */
  url: string;
  /** PostgreSQL schema to work in; tests give each run its own. */
  pgSchema?: string;
  /** How old the SQLite file's last quick_check may be before /readyz starts another. */
  integrityCheckEveryMs?: number;
}

export function openDatabase({ url, pgSchema, integrityCheckEveryMs = 5 * 60_000 }: DbOptions): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // Connecting to a server that does not answer (a failover in progress) fails instead of hanging.
      connectionTimeoutMillis: 5_000,
      // A commit is on disk before the server answers 201, whatever the cluster's default says.
      options: ['-c synchronous_commit=on', ...(pgSchema ? [`-c search_path=${pgSchema}`] : [])].join(' '),
    });
    survivePoolErrors(pool);
    const kysely = new Kysely<Tables>({ dialect: new ResilientDialect(new PostgresDialect({ pool })) });
    return { kysely, engine: 'postgres', close: () => kysely.destroy(), ready: () => readiness(kysely, undefined) };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new Database(url);
  // WAL lets readers run beside the writer; FULL makes a commit durable before it returns.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  const integrity = url === ':memory:' ? undefined : new IntegrityWatch(url, integrityCheckEveryMs);
  return { kysely, engine: 'sqlite', close: () => kysely.destroy(), ready: () => readiness(kysely, integrity), integrity };
}
