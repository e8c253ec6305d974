import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Challenge } from 'altcha-lib';
import { NOTICES } from '@pbgdpl/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../src/http/idempotency.js';
import { ENGINE, TEST_DATABASE_URL } from './support/app.js';
import { freePort } from './support/ports.js';
import { EASY_ENV, ensureBuilt, startServer, type ServerProcess } from './support/server.js';
import { solve } from './support/submit.js';

/**
 * Durability under SIGKILL: the built server takes a stream of concurrent questions and feedback,
 * each with its own Idempotency-Key, and is killed at a random moment, again and again. After each
 * crash, on what is on disk: every submission that got a 201 is there, whole (with its consent),
 * nothing is stored twice, the database is intact; after the restart, resending what got no
 * answer, with the same keys, stores each exactly once.
 */
const CYCLES = Number(process.env.DURABILITY_CYCLES ?? (ENGINE === 'sqlite' ? 25 : 8));
const WORKERS = 8;
const ORIGIN = 'https://xa-ben-vung.example.gov.vn';
const Q_PREFIX = 'Câu hỏi bền vững số ';
const F_PREFIX = 'Góp ý bền vững số ';

interface Sub {
  n: number;
  kind: 'question' | 'feedback';
  key: string;
  marker: string;
  body: Record<string, unknown>;
  /** acked: a 201 reached the client; unknown: sent, no answer (the crash); deferred: 409 after the restart. */
  state: 'sending' | 'acked' | 'unknown' | 'deferred';
  /** The tracking code or feedback id the 201 gave. */
  ack?: string;
  /** When the crash that left it unanswered happened: its claim (if any) is older, so its lease is over LEASE_MS later. */
  killedAt?: number;
  how?: 'stream' | 'replayed after crash' | 'stored on resend';
}

const subs: Sub[] = [];
const problems: string[] = [];
let seq = 0;

function newSub(): Sub {
  const n = ++seq;
  const key = `dur-${randomUUID()}`;
  if (n % 3 === 0) {
    const marker = `${F_PREFIX}${n}`;
    return {
      n,
      kind: 'feedback',
      key,
      marker,
      state: 'sending',
      body: {
        site: 'demo',
        kind: 'document',
        document: '91-2025-qh15',
        rating: 1 + (n % 5),
        message: marker,
        contact: '',
        noticeVersion: NOTICES.feedback.version,
        consents: ['xu-ly-gop-y'],
      },
    };
  }
  const marker = `${Q_PREFIX}${n}`;
  return {
    n,
    kind: 'question',
    key,
    marker,
    state: 'sending',
    body: {
      site: 'demo',
      field: 'dat-dai',
      title: marker,
      content: `Nội dung câu hỏi số ${n}: thủ tục đăng ký đất đai lần đầu cần những gì?`,
      name: `Người hỏi ${n}`,
      email: `nguoi.hoi.${n}@example.com`,
      noticeVersion: NOTICES.question.version,
      consents: n % 2 ? ['xu-ly-cau-hoi'] : ['xu-ly-cau-hoi', 'cong-khai-hoi-dap'],
    },
  };
}

async function altcha(url: string) {
  const res = await fetch(`${url}/api/v1/challenge?site=demo`, { signal: AbortSignal.timeout(10_000) });
  return solve((await res.json()) as Challenge);
}

async function send(url: string, s: Sub): Promise<{ status: number; replayed: boolean; body: any }> {
  const payload = await altcha(url);
  const res = await fetch(`${url}/api/v1/${s.kind === 'question' ? 'questions' : 'feedback'}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'Idempotency-Key': s.key },
    body: JSON.stringify({ ...s.body, altcha: payload }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  return { status: res.status, replayed: res.headers.get('Idempotent-Replayed') === 'true', body: text ? JSON.parse(text) : null };
}

const ackOf = (s: Sub, body: any) => (s.kind === 'question' ? body.trackingCode : body.id) as string;

/** One worker of the stream: submits until the server stops answering. */
async function streamWorker(url: string, stopped: () => boolean) {
  while (!stopped()) {
    const s = newSub();
    let payload: string;
    try {
      payload = await altcha(url);
    } catch {
      return; // the server is gone before this one was sent
    }
    subs.push(s);
    try {
      const res = await fetch(`${url}/api/v1/${s.kind === 'question' ? 'questions' : 'feedback'}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'Idempotency-Key': s.key },
        body: JSON.stringify({ ...s.body, altcha: payload }),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      if (res.status !== 201) {
        problems.push(`stream: ${s.marker} got ${res.status} ${text}`);
        s.state = 'unknown';
        return;
      }
      s.state = 'acked';
      s.ack = ackOf(s, JSON.parse(text));
      s.how = 'stream';
    } catch {
      s.state = 'unknown';
      return;
    }
  }
}

/**
 * Resends, with the same key and body, what got no answer. A 409 means the dead process's claim
 * still holds the key: that one is tried again once the claim's lease is surely over.
 */
async function resend(url: string) {
  const now = Date.now();
  const todo = subs.filter((s) => s.state === 'unknown' || (s.state === 'deferred' && s.killedAt! + LEASE_MS + 250 < now));
  const tally = { replayed: 0, stored: 0, inFlight: 0 };
  const queue = [...todo];
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const r = await send(url, s);
        if (r.status === 201) {
          s.state = 'acked';
          s.ack = ackOf(s, r.body);
          s.how = r.replayed ? 'replayed after crash' : 'stored on resend';
          tally[r.replayed ? 'replayed' : 'stored']++;
        } else if (r.status === 409) {
          if (s.state === 'deferred') problems.push(`resend: ${s.marker} still 409 after the lease of the dead claim`);
          s.state = 'deferred';
          tally.inFlight++;
        } else {
          problems.push(`resend: ${s.marker} got ${r.status} ${JSON.stringify(r.body)}`);
        }
      }
    }),
  );
  return tally;
}

interface OnDisk {
  integrity: string;
  questions: { id: string; tracking_code: string; title: string }[];
  feedback: { id: string; message: string }[];
  consents: { subject_type: string; subject_id: string }[];
  idempotency: { scope: string; key: string; state: string; response_body: string | null }[];
}

const QUERIES = {
  questions: 'select id, tracking_code, title from questions',
  feedback: 'select id, message from feedback',
  consents: 'select subject_type, subject_id from consents',
  idempotency: 'select scope, key, state, response_body from idempotency',
};

let dataDir = '';
let schema = '';

/** What is on disk: the SQLite file opened read-only (after the crash, before the restart), or PostgreSQL. */
async function readDisk(): Promise<OnDisk> {
  if (ENGINE === 'sqlite') {
    const db = new Database(join(dataDir, 'pbgdpl.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      const fk = db.pragma('foreign_key_check') as unknown[];
      return {
        integrity: fk.length ? `${integrity}; foreign keys: ${JSON.stringify(fk)}` : integrity,
        questions: db.prepare(QUERIES.questions).all() as OnDisk['questions'],
        feedback: db.prepare(QUERIES.feedback).all() as OnDisk['feedback'],
        consents: db.prepare(QUERIES.consents).all() as OnDisk['consents'],
        idempotency: db.prepare(QUERIES.idempotency).all() as OnDisk['idempotency'],
      };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const q = async <T>(text: string) => (await client.query(text)).rows as T[];
    return {
      integrity: 'ok',
      questions: await q(QUERIES.questions),
      feedback: await q(QUERIES.feedback),
      consents: await q(QUERIES.consents),
      idempotency: await q(QUERIES.idempotency),
    };
  } finally {
    await client.end();
  }
}

/** Every check on what is on disk; returns how many acknowledged submissions are missing. */
async function verify(when: string) {
  const disk = await readDisk();
  const failures: string[] = [];
  if (disk.integrity !== 'ok') failures.push(`integrity_check: ${disk.integrity}`);

  const byMarker = new Map<string, { id: string; ack: string }[]>();
  for (const q of disk.questions)
    if (q.title.startsWith(Q_PREFIX)) byMarker.set(q.title, [...(byMarker.get(q.title) ?? []), { id: q.id, ack: q.tracking_code }]);
  for (const f of disk.feedback) if (f.message.startsWith(F_PREFIX)) byMarker.set(f.message, [...(byMarker.get(f.message) ?? []), { id: f.id, ack: f.id }]);

  let lost = 0;
  for (const s of subs) {
    const rows = byMarker.get(s.marker) ?? [];
    if (rows.length > 1) failures.push(`${s.marker} is stored ${rows.length} times`);
    if (s.state === 'acked') {
      if (rows.length === 0) {
        lost++;
        failures.push(`${s.marker} got a 201 (${s.ack}, ${s.how}) but is not on disk`);
      } else if (rows[0]!.ack !== s.ack) failures.push(`${s.marker}: the 201 said ${s.ack}, the disk has ${rows[0]!.ack}`);
    }
  }
  const known = new Set(subs.map((s) => s.marker));
  for (const marker of byMarker.keys()) if (!known.has(marker)) failures.push(`${marker} is on disk but was never sent`);

  // Nothing half-stored: every question and feedback has exactly one consent, every consent a subject.
  const consentCount = new Map<string, number>();
  for (const c of disk.consents) consentCount.set(`${c.subject_type}:${c.subject_id}`, (consentCount.get(`${c.subject_type}:${c.subject_id}`) ?? 0) + 1);
  const subjects = new Set([...disk.questions.map((q) => `question:${q.id}`), ...disk.feedback.map((f) => `feedback:${f.id}`)]);
  for (const s of subjects) if (consentCount.get(s) !== 1) failures.push(`${s} has ${consentCount.get(s) ?? 0} consent rows`);
  for (const c of consentCount.keys()) if (!subjects.has(c)) failures.push(`consent for ${c}, which is not stored`);

  // A completed key points at a stored submission; the stored response is what the client got.
  const acks = new Set([...disk.questions.map((q) => q.tracking_code), ...disk.feedback.map((f) => f.id)]);
  for (const k of disk.idempotency) {
    if (k.state !== 'done') continue;
    const body = JSON.parse(k.response_body ?? '{}');
    const ack = body.trackingCode ?? body.id;
    if (!acks.has(ack)) failures.push(`idempotency ${k.key} is done with ${ack}, which is not stored`);
    const s = subs.find((x) => x.key === k.key);
    if (s?.state === 'acked' && s.ack !== ack) failures.push(`idempotency ${k.key} replays ${ack}, the client got ${s.ack}`);
  }
  if (failures.length) throw new Error(`${when}: ${failures.length} problem(s):\n${failures.slice(0, 20).join('\n')}`);
  return { lost, questions: disk.questions.length, feedback: disk.feedback.length, claims: disk.idempotency.filter((k) => k.state !== 'done').length };
}

let server: ServerProcess | undefined;
let port = 0;
let seeded = false;
const env = () => ({
  ...EASY_ENV,
  // The first start seeds the catalog (fields, documents); restarts need not read it again.
  SEED: seeded ? 'none' : 'sample',
  DEMO_SITE_ORIGINS: ORIGIN,
  ADMIN_TOKEN: 'durability-admin-token-0123456789',
  ...(ENGINE === 'sqlite' ? { DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }),
});

async function start() {
  for (let attempt = 0; ; attempt++) {
    try {
      server = await startServer(port, env(), 60_000);
      seeded = true;
      return server;
    } catch (error) {
      // Someone else took the port meanwhile: another one from the range.
      if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
      port = await freePort();
    }
  }
}

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'pbgdpl-durability-'));
  if (ENGINE === 'postgres') {
    schema = `dur_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
  port = await freePort();
}, 120_000);

afterAll(async () => {
  await server?.crash().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
});

describe(`durability under SIGKILL (${ENGINE})`, () => {
  it(`${CYCLES} kill-and-restart cycles lose no acknowledged submission and store none twice`, async () => {
    const began = Date.now();
    const spent = { start: 0, resend: 0, stream: 0, verify: 0, lease: 0 };
    const timed = async <T>(what: keyof typeof spent, fn: () => Promise<T>) => {
      const at = Date.now();
      try {
        return await fn();
      } finally {
        spent[what] += Date.now() - at;
      }
    };
    let survived = 0;
    const resent = { replayed: 0, stored: 0, inFlight: 0 };
    await timed('start', start);
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const r = await timed('resend', () => resend(server!.url));
      resent.replayed += r.replayed;
      resent.stored += r.stored;
      resent.inFlight += r.inFlight;

      await timed('stream', async () => {
        let killed = false;
        const url = server!.url;
        const workers = Array.from({ length: WORKERS }, () => streamWorker(url, () => killed));
        await new Promise((r) => setTimeout(r, 150 + Math.random() * 900));
        killed = true;
        const killedAt = Date.now();
        await server!.crash();
        await Promise.all(workers);
        for (const s of subs) if (s.state === 'unknown' && s.killedAt === undefined) s.killedAt = killedAt;
      });
      expect(problems, problems.join('\n')).toEqual([]);

      const check = await timed('verify', () => verify(`after kill ${cycle}`));
      expect(check.lost).toBe(0);
      await timed('start', start);
      survived++;
    }
    // What the last crashes left in flight: once the newest dead claim's lease is over, the resend goes through.
    const first = await timed('resend', () => resend(server!.url));
    resent.replayed += first.replayed;
    resent.stored += first.stored;
    resent.inFlight += first.inFlight;
    const deferred = subs.filter((s) => s.state === 'deferred');
    if (deferred.length) {
      const newest = Math.max(...deferred.map((s) => s.killedAt!));
      await timed('lease', () => new Promise((r) => setTimeout(r, Math.max(0, newest + LEASE_MS + 500 - Date.now()))));
      const last = await timed('resend', () => resend(server!.url));
      resent.replayed += last.replayed;
      resent.stored += last.stored;
      expect(last.inFlight, 'claims of a dead process are taken over after the lease').toBe(0);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    await server!.stop();
    const final = await verify('at the end');
    server = undefined;

    const acked = subs.filter((s) => s.state === 'acked');
    const inStream = acked.filter((s) => s.how === 'stream').length;
    expect(acked.length).toBe(subs.length);
    expect(final.lost).toBe(0);
    console.log(
      `durability on ${ENGINE}: ${survived}/${CYCLES} SIGKILL cycles survived in ${((Date.now() - began) / 1000).toFixed(1)} s; ` +
        `${subs.length} submissions sent, ${inStream} acknowledged in the stream, ${subs.length - inStream} left without an answer by a crash ` +
        `(resent with the same key: ${resent.replayed} replayed as already stored, ${resent.stored} stored on resend, ${resent.inFlight} answered 409 until the dead claim's lease ran out); ` +
        `0 lost, 0 stored twice; on disk ${final.questions} questions (40 seeded) and ${final.feedback} feedback, each with its consent. ` +
        `Time (s): ${Object.entries(spent)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
          .join(', ')}`,
    );
    expect(survived).toBe(CYCLES);
  }, 600_000);
});
