import { randomUUID } from 'node:crypto';
import type { Challenge } from 'altcha-lib';
import { NOTICES } from '@pbgdpl/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../src/http/idempotency.js';
import { ENGINE } from './support/app.js';
import { findPostgresBin, startOwnPostgres, type OwnPostgres } from './support/own-postgres.js';
import { EASY_ENV, ensureBuilt, startOnFreePort, type ServerProcess } from './support/server.js';
import { solve } from './support/submit.js';

/**
 * The built server on a PostgreSQL cluster of the test's own, under a steady load of reads and
 * submissions, while the cluster's backends are terminated, the cluster restarts (fast and
 * immediate) and is down for longer than the server's connection retries last. The process stays
 * up, answers 503 (never 500) while the database is away and 200 again within seconds of its
 * return, and every submission that got a 201 is stored exactly once.
 */
const PG_BIN = findPostgresBin();
const NO_BIN = `no PostgreSQL binaries (initdb, pg_ctl) in $PG_BIN or /usr/lib/postgresql/<n>/bin`;
if (ENGINE === 'postgres' && !PG_BIN && !process.env.CI) console.warn(`pg-faults: skipped: ${NO_BIN}`);

const DB = 'kit';
const ORIGIN = 'https://xa-su-co.example.gov.vn';
const MARKER = 'Câu hỏi sự cố số ';
const READERS = 3;
const SUBMITTERS = 3;
/** Longer than the server's 5 s of connection retries, so some requests do get their 503. */
const OUTAGE_MS = 8_000;
const RECOVERY_LIMIT_MS = 10_000;

interface Outcome {
  kind: 'read' | 'challenge' | 'submit' | 'readyz';
  start: number;
  end: number;
  status: number | 'network';
  detail?: string;
}

interface Sub {
  n: number;
  key: string;
  marker: string;
  state: 'sending' | 'acked' | 'unanswered';
  trackingCode?: string;
  how?: 'stream' | 'replayed' | 'stored on resend';
}

const outcomes: Outcome[] = [];
const subs: Sub[] = [];
let seq = 0;

const now = () => Date.now();

async function timedFetch(kind: Outcome['kind'], url: string, init?: RequestInit): Promise<{ status: number | 'network'; res?: Response; text: string }> {
  const start = now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    outcomes.push({ kind, start, end: now(), status: res.status, ...(res.status >= 500 ? { detail: text.slice(0, 300) } : {}) });
    return { status: res.status, res, text };
  } catch (error) {
    outcomes.push({ kind, start, end: now(), status: 'network', detail: String(error) });
    return { status: 'network', text: '' };
  }
}

function questionBody(n: number, marker: string) {
  return {
    site: 'demo',
    field: 'dat-dai',
    title: marker,
    content: `Nội dung câu hỏi số ${n}: thủ tục đăng ký đất đai lần đầu cần những gì?`,
    name: `Người hỏi ${n}`,
    email: `nguoi.hoi.${n}@example.com`,
    noticeVersion: NOTICES.question.version,
    consents: ['xu-ly-cau-hoi'],
  };
}

/** Fetches and solves a challenge; undefined when the server could not give one (the outage). */
async function challenge(url: string): Promise<string | undefined> {
  const r = await timedFetch('challenge', `${url}/api/v1/challenge?site=demo`);
  return r.status === 200 ? solve(JSON.parse(r.text) as Challenge) : undefined;
}

async function post(url: string, s: Sub, payload: string) {
  const r = await timedFetch('submit', `${url}/api/v1/questions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'Idempotency-Key': s.key },
    body: JSON.stringify({ ...questionBody(s.n, s.marker), altcha: payload }),
  });
  return { status: r.status, replayed: r.res?.headers.get('Idempotent-Replayed') === 'true', body: r.status === 201 ? JSON.parse(r.text) : undefined };
}

async function reader(url: string, stopped: () => boolean) {
  for (let i = 0; !stopped(); i++) {
    const r = await timedFetch('read', `${url}${i % 2 ? '/api/v1/questions' : '/api/v1/laws?limit=5'}`);
    if (r.status === 'network') await new Promise((ok) => setTimeout(ok, 100));
  }
}

async function submitter(url: string, stopped: () => boolean) {
  while (!stopped()) {
    const payload = await challenge(url);
    if (!payload) {
      await new Promise((ok) => setTimeout(ok, 100));
      continue;
    }
    const n = ++seq;
    const s: Sub = { n, key: `fault-${randomUUID()}`, marker: `${MARKER}${n}`, state: 'sending' };
    subs.push(s);
    const r = await post(url, s, payload);
    if (r.status === 201) Object.assign(s, { state: 'acked', trackingCode: r.body.trackingCode, how: 'stream' });
    else s.state = 'unanswered';
  }
}

async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = RECOVERY_LIMIT_MS,
  everyMs = 50,
): Promise<T> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}

/** When the first request of `kind` that started at or after `t` answered `status`. */
const answeredAfter = (kind: Outcome['kind'], t: number, status: number) => outcomes.find((o) => o.kind === kind && o.start >= t && o.status === status)?.end;

async function readyz(url: string) {
  return (await timedFetch('readyz', `${url}/readyz`)).status;
}

describe.skipIf(ENGINE !== 'postgres' || (!PG_BIN && !process.env.CI))('PostgreSQL faults (own cluster)', () => {
  let cluster: OwnPostgres | undefined;
  let server: ServerProcess | undefined;
  let stopped = false;

  beforeAll(async () => {
    if (!PG_BIN) throw new Error(`CI is set and there are ${NO_BIN}`);
    ensureBuilt();
    cluster = await startOwnPostgres(PG_BIN);
    await cluster.query(`create database ${DB}`);
    const env = { ...EASY_ENV, DATABASE_URL: cluster.url(DB), DEMO_SITE_ORIGINS: ORIGIN, ADMIN_TOKEN: 'pg-faults-admin-token-0123456789' };
    for (let attempt = 0; ; attempt++) {
      try {
        server = await startOnFreePort(() => env, 60_000);
        break;
      } catch (error) {
        if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
      }
    }
  }, 120_000);

  afterAll(async () => {
    stopped = true; // the load, if a failed assertion left it running
    await server?.stop().catch(() => {});
    await cluster?.remove();
  }, 60_000);

  it('terminated backends, restarts and an outage: the process stays up, 503 not 500, back within seconds, each 201 stored once', async () => {
    const url = server!.url;
    const began = now();
    expect(await readyz(url)).toBe(200);

    const load = [
      ...Array.from({ length: READERS }, () => reader(url, () => stopped)),
      ...Array.from({ length: SUBMITTERS }, () => submitter(url, () => stopped)),
    ];
    await waitFor('first reads and submissions', () => answeredAfter('read', began, 200) && answeredAfter('submit', began, 201), 30_000);

    const recovered: Record<string, number> = {};
    /** Waits until a read and a submission that started at or after `t` answered 200 and 201, and notes how long that took. */
    const backAfter = async (what: string, t: number) => {
      const read = await waitFor(`${what}: a read answers 200 again`, () => answeredAfter('read', t, 200));
      const write = await waitFor(`${what}: a submission answers 201 again`, () => answeredAfter('submit', t, 201), RECOVERY_LIMIT_MS + 5_000);
      recovered[what] = (Math.max(read, write) - t) / 1000;
      // Steady load between faults: the next one meets a server that has been serving for a while.
      const served = () => outcomes.filter((o) => o.start >= read && (o.status === 200 || o.status === 201)).length;
      await waitFor(`${what}: steady load afterwards`, () => served() >= 40);
    };

    for (let i = 1; i <= 3; i++) {
      const t = now();
      const ended = await cluster!.terminateBackends(DB);
      expect(ended, 'the server had connections to terminate').toBeGreaterThan(0);
      await backAfter(`terminate ${i} (${ended} backends)`, t);
    }
    const restartTook: Record<string, number> = {};
    for (const mode of ['fast', 'immediate'] as const) {
      const t = now();
      await cluster!.restart(mode);
      restartTook[mode] = (now() - t) / 1000;
      await backAfter(`restart -m ${mode}`, now());
    }

    await cluster!.stop('fast');
    const down = now();
    await waitFor('/readyz answers 503 while PostgreSQL is down', async () => (await readyz(url)) === 503);
    const notReadyAfter = (now() - down) / 1000;
    // The outage's length is the scenario, not a wait for something: the load meets it meanwhile.
    await new Promise((ok) => setTimeout(ok, Math.max(0, down + OUTAGE_MS - now())));
    expect(await readyz(url), '/readyz at the end of the outage').toBe(503);
    await cluster!.start();
    const up = now();
    await waitFor('/readyz answers 200 once PostgreSQL is back', async () => (await readyz(url)) === 200);
    const readyAfter = (now() - up) / 1000;
    await backAfter('outage', up);
    stopped = true;
    await Promise.all(load);

    // What got no 201 is sent again with its key. A claim left by a request that failed mid-way
    // holds its key (409) until its lease is over; the replay or the stored answer is a 201.
    const resent = { replayed: 0, stored: 0, waitedOnLease: 0 };
    await waitFor(
      'every submission answered 201',
      async () => {
        for (const s of subs.filter((x) => x.state !== 'acked')) {
          const payload = await challenge(url);
          if (!payload) return false;
          const r = await post(url, s, payload);
          if (r.status === 201) {
            Object.assign(s, { state: 'acked', trackingCode: r.body.trackingCode, how: r.replayed ? 'replayed' : 'stored on resend' });
            resent[r.replayed ? 'replayed' : 'stored']++;
          } else if (r.status === 409) resent.waitedOnLease++;
        }
        return subs.every((s) => s.state === 'acked');
      },
      LEASE_MS + 20_000,
      1_000,
    );

    const rows = await cluster!.query<{ title: string; tracking_code: string }>(`select title, tracking_code from questions where title like '${MARKER}%'`, DB);
    const stored = new Map<string, string[]>();
    for (const r of rows) stored.set(r.title, [...(stored.get(r.title) ?? []), r.tracking_code]);
    const wrong = subs.flatMap((s) => {
      const codes = stored.get(s.marker) ?? [];
      return codes.length === 1 && codes[0] === s.trackingCode
        ? []
        : [`${s.marker} (${s.how}, 201 said ${s.trackingCode}): stored as ${JSON.stringify(codes)}`];
    });
    expect(wrong, 'each acknowledged submission stored exactly once, with the code its 201 gave').toEqual([]);
    expect(rows.length).toBe(subs.length);

    expect(server!.child.exitCode, `the server exited:\n${server!.output()}`).toBeNull();
    expect(server!.child.signalCode).toBeNull();
    expect(await readyz(url)).toBe(200);
    const failures = outcomes.filter((o) => o.status === 'network' || (typeof o.status === 'number' && o.status >= 500 && o.status !== 503));
    expect(
      failures.map((o) => `${o.kind} ${o.status} ${o.detail ?? ''}`),
      'no 500, no dropped connection',
    ).toEqual([]);
    const unexpected = outcomes.filter((o) => ![200, 201, 409, 503].includes(o.status as number));
    expect(unexpected.map((o) => `${o.kind} ${o.status}`)).toEqual([]);

    const byStatus: Record<string, Record<string, number>> = {};
    for (const o of outcomes) (byStatus[o.kind] ??= {})[o.status] = (byStatus[o.kind]![o.status] ?? 0) + 1;
    const inStream = subs.filter((s) => s.how === 'stream').length;
    // A write in flight when its backend goes is not re-run by the server: those 503s are the ones outside the stop.
    const outsideStop: Record<string, number> = {};
    for (const o of outcomes) if (o.status === 503 && (o.end < down || o.start > up)) outsideStop[o.kind] = (outsideStop[o.kind] ?? 0) + 1;
    console.log(
      `pg-faults: pg_ctl restart took ${restartTook.fast!.toFixed(1)} s (fast) and ${restartTook.immediate!.toFixed(1)} s (immediate); ` +
        `PostgreSQL down ${(OUTAGE_MS / 1000).toFixed(0)} s (stopped), /readyz 503 ${notReadyAfter.toFixed(1)} s after the stop and 200 ${readyAfter.toFixed(1)} s after the start; ` +
        `reads and submissions back (s): ${Object.entries(recovered)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join(', ')}; ` +
        `requests by status: ${JSON.stringify(byStatus)} (503s outside the stop: ${JSON.stringify(outsideStop)}); ${subs.length} submissions, ${inStream} answered 201 in the stream, ` +
        `${resent.replayed} replayed and ${resent.stored} stored on resend (${resent.waitedOnLease} 409s waiting on a lease), each stored once; ` +
        `${((now() - began) / 1000).toFixed(1)} s in all`,
    );
  }, 300_000);
});
