import { randomBytes } from 'node:crypto';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { survivePoolErrors } from '../src/db/pool-errors.js';
import { ResilientDialect } from '../src/db/resilient-driver.js';
import { isTransientDbError } from '../src/db/transient.js';
import { ENGINE, TEST_DATABASE_URL } from './support/app.js';

/** What a terminated backend answers a running statement with. */
const adminShutdown = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

const CONTROL = ['begin', 'commit', 'rollback'];

/** A driver whose connections fail as told: `failures` are thrown by the next statements (not begin, commit, rollback), in order. */
class ScriptedDriver implements Driver {
  acquireFailures: Error[] = [];
  failures: Error[] = [];
  acquired = 0;
  released: number[] = [];
  ran: { connection: number; sql: string }[] = [];

  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const failure = this.acquireFailures.shift();
    if (failure) throw failure;
    const id = ++this.acquired;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake connection reports to its driver
    const driver = this;
    return {
      id,
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        driver.ran.push({ connection: id, sql: q.sql });
        const failure = CONTROL.includes(q.sql) ? undefined : driver.failures.shift();
        if (failure) throw failure;
        return { rows: [{ connection: id } as R] };
      },
      async *streamQuery() {},
    } as DatabaseConnection;
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery({ sql: 'begin' } as CompiledQuery);
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery({ sql: 'commit' } as CompiledQuery);
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery({ sql: 'rollback' } as CompiledQuery);
  }
  async releaseConnection(c: DatabaseConnection) {
    this.released.push((c as unknown as { id: number }).id);
  }
  async destroy() {}
}

function scripted(options?: { acquireBudgetMs?: number }) {
  const driver = new ScriptedDriver();
  const inner: Dialect = {
    createDriver: () => driver,
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
  return { driver, db: new Kysely<any>({ dialect: new ResilientDialect(inner, { firstDelayMs: 5, ...options }) }) };
}

describe('resilient driver (scripted connections)', () => {
  it('acquiring a connection is tried again through transient errors', async () => {
    const { driver, db } = scripted();
    driver.acquireFailures = [refused(), refused(), adminShutdown()];
    const rows = await db.selectFrom('laws').select('id').execute();
    expect(rows).toEqual([{ connection: 1 }]);
  });

  it('… for a bounded time, and not at all for other errors', async () => {
    const { driver, db } = scripted({ acquireBudgetMs: 200 });
    driver.acquireFailures = Array.from({ length: 1000 }, refused);
    const started = Date.now();
    await expect(db.selectFrom('laws').select('id').execute()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(Date.now() - started).toBeLessThan(1_000);

    const other = scripted();
    other.driver.acquireFailures = [Object.assign(new Error('password authentication failed'), { code: '28P01' })];
    await expect(other.db.selectFrom('laws').select('id').execute()).rejects.toMatchObject({ code: '28P01' });
    expect(other.driver.acquireFailures).toEqual([]);
  });

  it('a SELECT whose connection died runs once more, on a fresh connection', async () => {
    const { driver, db } = scripted();
    driver.failures = [adminShutdown()];
    expect(await db.selectFrom('laws').select('id').execute()).toEqual([{ connection: 2 }]);
    // The dead one got a rollback, which makes the real driver destroy it rather than lend it again.
    expect(driver.ran.map((r) => `${r.connection} ${r.sql.split(' ')[0]}`)).toEqual(['1 select', '1 rollback', '2 select']);
    expect(driver.released.sort()).toEqual([1, 2]);

    driver.ran = [];
    driver.failures = [adminShutdown(), adminShutdown()];
    await expect(db.selectFrom('laws').select('id').execute()).rejects.toMatchObject({ code: '57P01' });
    expect(driver.ran.filter((r) => !CONTROL.includes(r.sql))).toHaveLength(2); // once more, not twice more
  });

  it('an INSERT, a raw statement, a CTE, a statement error and anything in a transaction are not run again', async () => {
    const { driver, db } = scripted();
    const once = async (what: string, run: () => Promise<unknown>, failure = adminShutdown()) => {
      driver.ran = [];
      driver.failures = [failure];
      await expect(run(), what).rejects.toBe(failure);
      expect(driver.ran.filter((r) => !CONTROL.includes(r.sql)).length, what).toBe(1);
    };
    await once('insert', () => db.insertInto('questions').values({ id: 'q' }).execute());
    await once('update', () => db.updateTable('questions').set({ status: 'x' }).execute());
    await once('raw select', () => sql`select 1`.execute(db));
    await once('select with a CTE', () =>
      db
        .with('w', (d) => d.selectFrom('laws').select('id'))
        .selectFrom('w')
        .selectAll()
        .execute(),
    );
    await once('syntax error', () => db.selectFrom('laws').select('id').execute(), Object.assign(new Error('syntax error'), { code: '42601' }));
    driver.ran = [];
    driver.failures = [adminShutdown()];
    await expect(db.transaction().execute((trx) => trx.selectFrom('laws').select('id').execute())).rejects.toMatchObject({ code: '57P01' });
    expect(driver.ran.map((r) => r.sql.split(' ')[0])).toEqual(['begin', 'select', 'rollback']);
  });
});

/**
 * The same against PostgreSQL: a backend terminated with pg_terminate_backend while its statement
 * runs. Only this test's own backends are terminated, in a schema of its own.
 */
describe.skipIf(ENGINE !== 'postgres')('resilient driver (pg_terminate_backend)', () => {
  const schema = `rd_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  let pool: pg.Pool;
  let db: Kysely<any>;
  let acquired = 0;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.t (id integer primary key, v text)`);
    pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 3, options: `-c search_path=${schema}` });
    survivePoolErrors(pool, () => {});
    pool.on('acquire', () => acquired++);
    db = new Kysely<any>({ dialect: new ResilientDialect(new PostgresDialect({ pool })) });
  });

  afterAll(async () => {
    await db?.destroy();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  /** Starts `run`, terminates the backend running the statement that carries `marker`, and settles. */
  async function terminatedWhileRunning<T>(marker: string, run: () => Promise<T>) {
    acquired = 0;
    let settled = false;
    const outcome = run()
      .then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      )
      .finally(() => (settled = true));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (settled)
        throw new Error(
          `it ended before its backend was terminated: ${JSON.stringify(await outcome)} ${String(((await outcome) as { error?: unknown }).error)}`,
        );
      const { rows } = await admin.query(`select pid from pg_stat_activity where state = 'active' and query like $1 and pid <> pg_backend_pid()`, [
        `%${marker}%`,
      ]);
      if (rows[0]) {
        await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
        break;
      }
      if (Date.now() > deadline) throw new Error(`the statement with ${marker} never ran`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { ...(await outcome), acquired };
  }

  const slow = (marker: string) => sql<string>`(select ${sql.lit(marker)}::text from pg_sleep(0.5))`;

  it('a SELECT outside a transaction is run again on a fresh connection', async () => {
    const r = await terminatedWhileRunning('m-select', () => db.selectNoFrom([slow('m-select').as('v')]).execute());
    expect(r).toMatchObject({ value: [{ v: 'm-select' }], acquired: 2 });
  });

  it('an INSERT is not run again: the error reaches the caller, nothing is stored', async () => {
    const r = await terminatedWhileRunning('m-insert', () =>
      db
        .insertInto('t')
        .values({ id: 1, v: slow('m-insert') })
        .execute(),
    );
    expect(r).toMatchObject({ error: { code: '57P01' }, acquired: 1 });
    expect((await admin.query(`select count(*)::int as n from ${schema}.t`)).rows[0].n).toBe(0);
    // The dead client was destroyed, not lent to the next request (pg-pool lends the last one returned first).
    expect(await db.transaction().execute((trx) => trx.selectFrom('t').select('id').execute())).toEqual([]);
  });

  it('a SELECT inside a transaction is not run again, and the transaction is rolled back', async () => {
    const r = await terminatedWhileRunning('m-trx', () =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 2, v: 'in the transaction' }).execute();
        return trx.selectNoFrom([slow('m-trx').as('v')]).execute();
      }),
    );
    expect(r.acquired).toBe(1);
    expect(isTransientDbError((r as { error: unknown }).error), String((r as { error: unknown }).error)).toBe(true);
    expect((await admin.query(`select count(*)::int as n from ${schema}.t`)).rows[0].n).toBe(0);
    // The pool has recovered: the next statement runs.
    expect(await db.selectFrom('t').select('id').execute()).toEqual([]);
  });
});
