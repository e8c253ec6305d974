import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { isTransientDbError } from './transient.js';

export interface ResilienceOptions {
  /** How long acquiring a connection keeps trying through transient errors, in all. */
  acquireBudgetMs?: number;
  /** The first pause between tries; it doubles, up to one second. */
  firstDelayMs?: number;
}

/**
 * A dialect whose driver rides out a database restart or a dropped connection: acquiring a
 * connection is retried for a few seconds, and a SELECT outside a transaction whose connection
 * died under it is run once more on a fresh one. Nothing else is re-run: a write may have
 * committed before its connection went, so the client retries it with its Idempotency-Key.
 */
export class ResilientDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly options: ResilienceOptions = {},
  ) {}

  createDriver(): Driver {
    return new ResilientDriver(this.inner.createDriver(), this.options);
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Only a plain SELECT is safe to run twice: a CTE may write, and a raw statement may be anything. */
const isPlainSelect = (q: CompiledQuery) => q.query.kind === 'SelectQueryNode' && !q.query.with;

export class ResilientDriver implements Driver {
  private readonly budgetMs: number;
  private readonly firstDelayMs: number;

  constructor(
    private readonly inner: Driver,
    options: ResilienceOptions = {},
  ) {
    this.budgetMs = options.acquireBudgetMs ?? 5_000;
    this.firstDelayMs = options.firstDelayMs ?? 50;
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  /** A connection of the inner driver, tried again with backoff while the errors are transient. */
  async acquireInner(): Promise<DatabaseConnection> {
    const started = Date.now();
    for (let delay = this.firstDelayMs; ; delay = Math.min(delay * 2, 1_000)) {
      try {
        return await this.inner.acquireConnection();
      } catch (error) {
        // Jitter, so the requests that waited out a restart do not all reconnect at once.
        const pause = delay * (0.5 + Math.random());
        if (!isTransientDbError(error) || Date.now() - started + pause > this.budgetMs) throw error;
        await sleep(pause);
      }
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ResilientConnection(this, await this.acquireInner());
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as ResilientConnection;
    try {
      await this.inner.beginTransaction(c.inner, settings);
    } catch (error) {
      // No rollback follows a failed begin: the connection is discarded here, if it is dead.
      if (isTransientDbError(error)) await this.discardIfDead(c.inner);
      throw error;
    }
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ResilientConnection;
    try {
      await this.inner.commitTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ResilientConnection;
    try {
      await this.inner.rollbackTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint!((connection as ResilientConnection).inner, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint!((connection as ResilientConnection).inner, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint!((connection as ResilientConnection).inner, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection((connection as ResilientConnection).inner);
  }

  pause(): Promise<void> {
    return sleep(this.firstDelayMs);
  }

  /**
   * A statement cut by a dropped connection can fail before pg sees the socket end, and pg-pool
   * would lend that client again. A rollback on it fails, and a failed rollback makes kysely's
   * PostgresDriver destroy the client on release instead of returning it; on a live connection
   * outside a transaction a rollback does nothing.
   */
  async discardIfDead(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(connection).catch(() => {});
  }

  /** Gives back a connection that failed, ignoring what failing again says; pg-pool drops a client whose socket ended. */
  async releaseInner(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection).catch(() => {});
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

class ResilientConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    private readonly driver: ResilientDriver,
    public inner: DatabaseConnection,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(compiledQuery);
    } catch (error) {
      // In a transaction, kysely's own rollback does the discarding.
      if (this.inTransaction || !isTransientDbError(error)) throw error;
      await this.driver.discardIfDead(this.inner);
      if (!isPlainSelect(compiledQuery)) throw error;
      // A terminated backend rarely dies alone: the pause lets the pool see its other dead clients
      // first, and the fresh connection is taken before the dead one goes back, so neither is lent again.
      await this.driver.pause();
      const fresh = await this.driver.acquireInner().catch(() => {
        throw error;
      });
      const dead = this.inner;
      this.inner = fresh;
      await this.driver.releaseInner(dead);
      return await fresh.executeQuery<R>(compiledQuery);
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}
