import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface IntegrityReport {
  ok: boolean;
  /** What pragma quick_check found (empty when ok). */
  problems: string[];
  checkedAt: Date;
  tookMs: number;
}

// A connection of its own, because the server's connection answers from its page cache and does
// not see a page damaged on disk; a worker thread, because quick_check reads every page (about
// 0.1 s for 100 MB in the OS cache, 2 s from a cold disk) and better-sqlite3 blocks while it does.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const rows = db.pragma('quick_check(20)');
    parentPort.postMessage({ problems: rows.map((r) => r.quick_check).filter((m) => m !== 'ok') });
  } finally {
    db.close();
  }
} catch (e) {
  parentPort.postMessage({ error: { code: e.code, message: e.message } });
}
`;

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');
/** SQLite's own words for a damaged file: these are findings, not a failure to check. */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** pragma quick_check on a fresh read-only connection, off the main thread. */
export function quickCheck(file: string): Promise<IntegrityReport> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { module: BETTER_SQLITE3, file } });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the integrity check's worker exited (${code})`)));
    worker.once('message', (m: { problems?: string[]; error?: { code?: string; message: string } }) => {
      const report = (problems: string[]) => resolve({ ok: problems.length === 0, problems, checkedAt: new Date(started), tookMs: Date.now() - started });
      if (m.problems) report(m.problems);
      else if (m.error && DAMAGED.has(m.error.code ?? '')) report([m.error.message]);
      else reject(new Error(`pragma quick_check could not run on ${file}: ${m.error?.message}`));
    });
  });
}

/**
 * The last quick_check of a SQLite file, for /readyz: once it is older than `maxAgeMs` the next
 * look starts a new check in the background and still gets the last report, so a probe never
 * waits on a large file. Only the very first look waits.
 */
export class IntegrityWatch {
  private last: IntegrityReport | undefined;
  private running: Promise<IntegrityReport> | undefined;

  constructor(
    readonly file: string,
    private readonly maxAgeMs: number,
  ) {}

  /** A check now (at startup), or the one already under way. */
  check(): Promise<IntegrityReport> {
    this.running ??= quickCheck(this.file)
      .then((r) => (this.last = r))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async current(): Promise<IntegrityReport> {
    if (!this.last) return this.check();
    if (Date.now() - this.last.checkedAt.getTime() >= this.maxAgeMs)
      this.check().catch((e: unknown) => console.error('[pbgdpl-api] integrity check failed to run', e));
    return this.last;
  }
}
