import type { Kysely } from 'kysely';
import type { IntegrityWatch } from './integrity.js';
import type { Tables } from './schema.js';

export type Readiness = { ok: true; roundTripMs: number; quickCheck?: { at: string; tookMs: number } } | { ok: false; detail: string };

/** How long /readyz waits for the database before it answers 503 (the query itself goes on). */
const TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  work.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process can serve: a real query on a table of the kit answers, and (SQLite) the
 * file passed its last quick_check.
 */
export async function readiness(kysely: Kysely<Tables>, integrity: IntegrityWatch | undefined): Promise<Readiness> {
  const started = performance.now();
  try {
    await within(kysely.selectFrom('laws').select('id').limit(1).execute(), TIMEOUT_MS);
  } catch (error) {
    // The code, not the message: the message may name the database's host, and /readyz is public.
    return { ok: false, detail: `the database does not answer (${(error as { code?: string }).code ?? (error as Error).message})` };
  }
  const roundTripMs = Math.round((performance.now() - started) * 10) / 10;
  if (!integrity) return { ok: true, roundTripMs };
  let report;
  try {
    report = await within(integrity.current(), TIMEOUT_MS);
  } catch (error) {
    console.error('[pbgdpl-api] the integrity check did not complete', error);
    return { ok: false, detail: 'the integrity check of the SQLite file did not complete; see the log' };
  }
  if (!report.ok) {
    return { ok: false, detail: `the SQLite file failed pragma quick_check at ${report.checkedAt.toISOString()}: ${report.problems.slice(0, 3).join('; ')}` };
  }
  return { ok: true, roundTripMs, quickCheck: { at: report.checkedAt.toISOString(), tookMs: report.tookMs } };
}
