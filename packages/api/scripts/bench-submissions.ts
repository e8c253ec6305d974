// Submission throughput of the built server: how many questions a second the whole write path
// accepts (validation, origin, limits, Idempotency-Key, ALTCHA check and replay store, one
// transaction, 201 after commit), on SQLite and, when TEST_DATABASE_URL answers, on PostgreSQL.
// Prints figures only; asserts nothing.
//
//   pnpm --filter @pbgdpl/api exec tsx scripts/bench-submissions.ts
//   BENCH_N=2000 BENCH_CONCURRENCY=20 pnpm --filter @pbgdpl/api exec tsx scripts/bench-submissions.ts
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { NOTICES } from '@pbgdpl/contract';
import { freePort } from '../test/support/ports.js';
import { benchDatabase } from './bench-database.js';
import { EASY_ENV, ensureBuilt, startServer } from '../test/support/server.js';

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const ORIGIN = 'https://bench.example.gov.vn';
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const TITLE = 'Câu hỏi đo thông lượng số ';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

async function postgresAnswers() {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

async function bench(engine: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'pbgdpl-bench-'));
  const database = await benchDatabase(engine, PG_URL);
  const server = await startServer(
    await freePort(),
    {
      ...EASY_ENV,
      DATA_DIR: dataDir,
      DEMO_SITE_ORIGINS: ORIGIN,
      ...database.env,
    },
    60_000,
  );
  try {
    // The proof of work is the browser's job: solved before the clock starts.
    const solveStart = performance.now();
    const proofs: string[] = [];
    await pool(
      Array.from({ length: N }, (_, i) => i),
      CONCURRENCY,
      async () => {
        const challenge = (await (await fetch(`${server.url}/api/v1/challenge?site=demo`)).json()) as Challenge;
        const solution = await solveChallenge({ challenge, deriveKey });
        proofs.push(Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'));
      },
    );
    const solveMs = performance.now() - solveStart;

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const started = performance.now();
    await pool(
      Array.from({ length: N }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const body = {
          site: 'demo',
          field: 'dat-dai',
          title: `${TITLE}${i}`,
          content: `Nội dung câu hỏi đo thông lượng số ${i}, đủ dài để hợp lệ.`,
          name: `Người hỏi ${i}`,
          email: `bench.${i}@example.com`,
          noticeVersion: NOTICES.question.version,
          consents: ['xu-ly-cau-hoi'],
          altcha: proofs[i]!,
        };
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/v1/questions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'Idempotency-Key': `bench-${randomUUID()}` },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      },
    );
    const seconds = (performance.now() - started) / 1000;
    await server.stop();

    let stored = 0;
    if (engine === 'sqlite') {
      const db = new Database(join(dataDir, 'pbgdpl.sqlite'), { readonly: true });
      stored = (db.prepare(`select count(*) as n from questions where title like ?`).get(`${TITLE}%`) as { n: number }).n;
      db.close();
    } else {
      const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${database.env.DATABASE_SCHEMA}` });
      await c.connect();
      stored = Number((await c.query<{ n: string }>(`select count(*) as n from questions where title like $1`, [`${TITLE}%`])).rows[0]!.n);
      await c.end();
    }
    const accepted = statuses.get(201) ?? 0;
    const sorted = latencies.sort((a, b) => a - b);
    console.log(
      [
        `${engine.padEnd(8)} ${N} questions, concurrency ${CONCURRENCY}: ${(accepted / seconds).toFixed(1)} accepted/s ` +
          `(${seconds.toFixed(2)} s); latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
        `         statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; stored ${stored} of ${accepted} accepted${stored === accepted ? ' (every one)' : ' (MISMATCH)'}; ` +
          `proofs solved beforehand in ${(solveMs / 1000).toFixed(2)} s`,
      ].join('\n'),
    );
  } finally {
    await server.crash().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

ensureBuilt();
console.log(`submission throughput of dist/main.js (node ${process.version}, SQLite WAL + synchronous=FULL; PostgreSQL synchronous_commit=on)`);
await bench('sqlite');
if (await postgresAnswers()) await bench('postgres');
else console.log(`postgres skipped: nothing answers at ${PG_URL} (set TEST_DATABASE_URL)`);
