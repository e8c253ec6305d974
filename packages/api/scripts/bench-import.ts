// Spreadsheet import throughput of the built server: a 10,000-row XLSX of new documents, posted
// as a dry run, then applied (one transaction), then again (every row unchanged); and how fast a
// 1,000,000-row workbook is refused. On SQLite and, when TEST_DATABASE_URL answers, on PostgreSQL.
// Prints figures only; asserts nothing.
//
//   pnpm --filter @pbgdpl/api exec tsx scripts/bench-import.ts
//   BENCH_ROWS=2000 pnpm --filter @pbgdpl/api exec tsx scripts/bench-import.ts
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { freePort } from '../test/support/ports.js';
import { benchDatabase } from './bench-database.js';
import { EASY_ENV, ensureBuilt, startServer } from '../test/support/server.js';
import { VN_HEADERS, VN_MAPPING as MAPPING, vnRow, xlsx } from '../test/support/sheets.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = `bench_${randomBytes(24).toString('hex')}`;

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

/** A million rows of one column, written as a stream (as a big export would be): the dimension says 1000001. */
async function millionRows(dir: string) {
  const path = join(dir, 'million.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = writer.addWorksheet('Danh mục');
  sheet.addRow(['Số ký hiệu']).commit();
  for (let i = 0; i < 1_000_000; i++) sheet.addRow([`${i}/KH-UBND`]).commit();
  sheet.commit();
  await writer.commit();
  return new Uint8Array(readFileSync(path));
}

async function bench(engine: 'sqlite' | 'postgres', file: Uint8Array, huge: Uint8Array) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pbgdpl-bench-'));
  const database = await benchDatabase(engine, PG_URL);
  const server = await startServer(
    await freePort(),
    {
      ...EASY_ENV,
      DATA_DIR: dataDir,
      ADMIN_TOKEN: TOKEN,
      REQUEST_TIMEOUT_SECONDS: '3600',
      IMPORT_MAX_MB: '50',
      ...database.env,
    },
    60_000,
  );
  const post = async (bytes: Uint8Array, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', new File([bytes as BlobPart], 'van-ban.xlsx'));
    form.append('mapping', JSON.stringify(MAPPING));
    form.append('dryRun', String(dryRun));
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/admin/laws/imports`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: form });
    const body = (await res.json()) as { counts?: Record<string, number>; detail?: string };
    return { seconds: (performance.now() - t0) / 1000, status: res.status, body };
  };
  try {
    const line = (what: string, r: Awaited<ReturnType<typeof post>>) =>
      console.log(
        `${engine.padEnd(8)} ${what.padEnd(22)} ${r.status} in ${r.seconds.toFixed(2)} s: ${(ROWS / r.seconds).toFixed(0).padStart(6)} rows/s  ` +
          (r.body.counts ? JSON.stringify(r.body.counts) : (r.body.detail ?? '')),
      );
    line('dry run', await post(file, true));
    line('apply (create)', await post(file, false));
    line('apply again (unchanged)', await post(file, false));
    const refused = await post(huge, true);
    console.log(`${engine.padEnd(8)} ${'1,000,000-row file'.padEnd(22)} ${refused.status} in ${refused.seconds.toFixed(2)} s: ${refused.body.detail ?? ''}`);
  } finally {
    await server.stop().catch(() => server.crash());
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

ensureBuilt();
const dir = mkdtempSync(join(tmpdir(), 'pbgdpl-bench-sheets-'));
try {
  let t0 = performance.now();
  const file = await xlsx(
    VN_HEADERS,
    Array.from({ length: ROWS }, (_, i) => vnRow(i, { 'Số ký hiệu': `${i + 1}/KH-UBND` })),
  );
  console.log(`built a ${ROWS}-row XLSX (${(file.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  t0 = performance.now();
  const huge = await millionRows(dir);
  console.log(`built a 1,000,000-row XLSX (${(huge.length / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  console.log(`import throughput of dist/main.js (node ${process.version}), through HTTP, the whole request timed`);
  await bench('sqlite', file, huge);
  if (await postgresAnswers()) await bench('postgres', file, huge);
  else console.log(`postgres skipped: nothing answers at ${PG_URL} (set TEST_DATABASE_URL)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
