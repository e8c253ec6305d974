import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import { loadCatalog, seedIfEmpty } from '../src/db/seed.js';
import { CATALOG_PATH, ENGINE } from './support/app.js';
import { ensureBuilt, startOnFreePort } from './support/server.js';

/**
 * A SQLite file damaged on disk: bytes of a page overwritten, as a failing disk or a copy over a
 * live file would. Started on such a file, the server refuses with a clear message; damaged under
 * a running server, it goes on answering from its page cache (the damage stays hidden from its
 * connection), so /readyz, which checks the file on a connection of its own, turns 503, while
 * /healthz, the liveness answer, stays 200.
 */
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbgdpl-corrupt-'));
  dirs.push(dir);
  return dir;
};

/** Overwrites a leaf page of the laws table in the middle of the file with random bytes; returns its number. */
function damage(file: string): number {
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  let page: number;
  let pageSize: number;
  try {
    const leaves = probe.prepare("select pageno from dbstat where name = 'laws' and pagetype = 'leaf' order by pageno").pluck().all() as number[];
    expect(leaves.length, 'laws spans several leaf pages of the main file').toBeGreaterThan(2);
    page = leaves[Math.floor(leaves.length / 2)]!;
    pageSize = probe.pragma('page_size', { simple: true }) as number;
  } finally {
    probe.close();
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return page;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(ENGINE !== 'sqlite')('a damaged SQLite file', () => {
  it('the server refuses to start on a file damaged while it was stopped', async () => {
    ensureBuilt();
    const dir = tempDir();
    const env = { DATA_DIR: dir, ADMIN_TOKEN: 'corruption-admin-token-0123456789' };
    const first = await startOnFreePort(() => env, 60_000);
    expect(await first.stop()).toBe(0); // a clean stop checkpoints the WAL into the file
    damage(join(dir, 'pbgdpl.sqlite'));

    const outcome = await startOnFreePort(() => env, 60_000).then(
      async (server) => `started:\n${server.output()}${await server.crash()}`,
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/exited before answering[\s\S]*is damaged; not starting[\s\S]*pragma quick_check: \S/);
  }, 120_000);

  it('damaged under a running server: /readyz answers 503, /healthz stays 200', async () => {
    const file = join(tempDir(), 'k.sqlite');
    // Every /readyz after the first starts a fresh check, so the test need not wait minutes.
    const db: Db = openDatabase({ url: file, integrityCheckEveryMs: 0 });
    try {
      await migrate(db.kysely);
      await seedIfEmpty(db, await loadCatalog(CATALOG_PATH));
      // What a server that has run a while has: its pages in the main file, not only in the WAL.
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.kysely);
      const app = createApp({ db, version: 'test', log: () => {} });

      const ready = await app.request('/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, engine: 'sqlite', quickCheck: { at: expect.any(String) } });
      expect((await app.request('/api/v1/laws?limit=50')).status).toBe(200);

      damage(file);

      const deadline = Date.now() + 10_000;
      let last: Response;
      for (;;) {
        last = await app.request('/readyz');
        if (last.status === 503 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(last.status).toBe(503);
      expect(last.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      expect((await last.json()).detail).toMatch(/failed pragma quick_check/);

      const health = await app.request('/healthz');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, engine: 'sqlite' });
      // The finding behind checking on a connection of its own: the server's connection still reads the damaged pages from its cache.
      expect((await app.request('/api/v1/laws?limit=50')).status).toBe(200);
    } finally {
      await db.close();
    }
  }, 60_000);
});
