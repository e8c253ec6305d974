import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… selects PostgreSQL; anything else is a SQLite file path (":memory:" for tests). */
  url: string;
  /** PostgreSQL schema to work in; tests give each run its own. */
  pgSchema?: string;
}

export function openDatabase({ url, pgSchema }: DbOptions): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // A commit is on disk before the server answers 201, whatever the cluster's default says.
      options: ['-c synchronous_commit=on', ...(pgSchema ? [`-c search_path=${pgSchema}`] : [])].join(' '),
    });
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, engine: 'postgres', close: () => kysely.destroy() };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new Database(url);
  // WAL lets readers run beside the writer; FULL makes a commit durable before it returns.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, engine: 'sqlite', close: () => kysely.destroy() };
}
