import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { loadCatalog, seedIfEmpty, type Catalog } from '../../src/db/seed.js';

export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CATALOG_PATH = join(packageRoot, 'seed/catalog.json');

/** Which engine this run tests: vitest.pg.config.ts sets PBGDPL_TEST_ENGINE=postgres. */
export const ENGINE: 'sqlite' | 'postgres' = process.env.PBGDPL_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** An empty database of the engine under test, migrated; `drop` removes every trace of it. */
export interface Scratch {
  db: Db;
  /** The PostgreSQL schema or the SQLite file. */
  where: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(): Promise<Scratch> {
  if (ENGINE === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    try {
      await admin.connect();
      await admin.query(`create schema ${schema}`);
    } catch (error) {
      throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is not usable (${(error as Error).message}); set TEST_DATABASE_URL`);
    } finally {
      await admin.end().catch(() => {});
    }
    const db = openDatabase({ url: TEST_DATABASE_URL, pgSchema: schema });
    const drop = async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    };
    await migrate(db.kysely).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
    return { db, where: schema, drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pbgdpl-api-test-'));
  const file = join(dir, 'test.sqlite');
  const db = openDatabase({ url: file });
  const drop = async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  await migrate(db.kysely).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return { db, where: file, drop };
}

export type App = ReturnType<typeof createApp>;

export interface TestApp {
  app: App;
  db: Db;
  catalog: Catalog;
  /** app.request with a path under the app; the host is irrelevant. */
  request(url: string, init?: RequestInit): Promise<Response>;
  /** GET, expect any status, parse the body as JSON. */
  get<T = any>(url: string, init?: RequestInit): Promise<{ res: Response; body: T }>;
}

/**
 * A fresh database (its own SQLite file, or its own PostgreSQL schema), migrated and seeded with
 * `catalog` (the real seed by default), and the app over it; dropped after the file's tests.
 * Call at the top of a test file; the returned object is filled in by beforeAll.
 */
export function useTestApp(catalog?: () => Promise<Catalog>): TestApp {
  let scratch: Scratch | undefined;
  const t = {} as TestApp;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    const data = catalog ? await catalog() : await loadCatalog(CATALOG_PATH);
    await seedIfEmpty(scratch.db, data);
    // A 500 is always a failure here; its stack goes to the test output so it can be found.
    const app = createApp({ db: scratch.db, version: 'test', log: (message, error) => console.error(`[api under test] ${message}`, error ?? '') });
    Object.assign(t, {
      app,
      db: scratch.db,
      catalog: data,
      request: (url: string, init?: RequestInit) => Promise.resolve(app.request(url, init)),
      async get(url: string, init?: RequestInit) {
        const res = await app.request(url, init);
        const text = await res.text();
        return { res, body: text ? JSON.parse(text) : null };
      },
    } satisfies TestApp);
  });
  afterAll(async () => {
    await scratch?.drop();
  });
  return t;
}
