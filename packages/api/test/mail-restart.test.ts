import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Challenge } from 'altcha-lib';
import { NOTICES } from '@pbgdpl/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, TEST_DATABASE_URL } from './support/app.js';
import { freePort } from './support/ports.js';
import { EASY_ENV, ensureBuilt, startOnFreePort, startServer, type ServerProcess } from './support/server.js';
import { RELAY_PASS, RELAY_USER, startRelay, type Relay } from './support/smtp.js';
import { solve } from './support/submit.js';

/**
 * The outbox across a restart of the built server: staff answer while the relay is down, the
 * attempt fails, the process is killed; started again with the relay back, it sends the mail once.
 */
const ORIGIN = 'https://xa-hop-thu.example.gov.vn';
const ADMIN_TOKEN = 'mail-restart-admin-token-0123456789';
const EMAIL = 'hop.thu.7342@example.com';

let dataDir = '';
let schema = '';
let server: ServerProcess | undefined;
let relay: Relay | undefined;

interface OutboxRow {
  id: string;
  state: string;
  attempts: number;
}

async function read<T>(query: string): Promise<T[]> {
  if (ENGINE === 'sqlite') {
    const db = new Database(join(dataDir, 'pbgdpl.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(query).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls the database until `ok` holds for what `query` returns; fails after `timeoutMs`. */
async function until<T>(query: string, ok: (rows: T[]) => boolean, what: string, timeoutMs = 20_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await read<T>(query);
    if (ok(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last ${JSON.stringify(rows)}\n${server?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const env = (port: number, relayPort: number, seed: boolean) => ({
  ...EASY_ENV,
  SEED: seed ? 'sample' : 'none',
  DEMO_SITE_ORIGINS: ORIGIN,
  ADMIN_TOKEN,
  SMTP_URL: `smtp://${RELAY_USER}:${RELAY_PASS}@127.0.0.1:${relayPort}`,
  MAIL_FROM: 'Sở Tư pháp thử <hoidap@stp.example.gov.vn>',
  MAIL_RETRY_SECONDS: '1',
  ...(ENGINE === 'sqlite' ? { DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema }),
});

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'pbgdpl-mail-restart-'));
  if (ENGINE === 'postgres') {
    schema = `mail_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
}, 120_000);

afterAll(async () => {
  await server?.crash().catch(() => {});
  await relay?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
});

describe(`answers by e-mail across a restart (${ENGINE})`, () => {
  it('a mail pending when the server is killed is sent once after it starts again', async () => {
    const relayPort = await freePort();
    // Nothing listens on the relay's port yet: freePort could hand it out again.
    server = await startOnFreePort((p) => env(p, relayPort, true), 60_000, [relayPort]);
    const port = server.port;
    expect((await (await fetch(`${server.url}/api/v1/sites/demo`)).json()).answersByEmail).toBe(true);

    const challenge = (await (await fetch(`${server.url}/api/v1/challenge?site=demo`)).json()) as Challenge;
    const asked = await fetch(`${server.url}/api/v1/questions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'Idempotency-Key': `mail-${randomBytes(6).toString('hex')}` },
      body: JSON.stringify({
        site: 'demo',
        field: 'dat-dai',
        title: 'Thủ tục tách thửa đất ở nông thôn',
        content: 'Tôi muốn tách thửa đất ở cho con thì cần điều kiện gì và nộp hồ sơ ở đâu?',
        name: 'Người Hỏi Thử',
        email: EMAIL,
        noticeVersion: NOTICES.question.version,
        consents: ['xu-ly-cau-hoi', 'nhan-tra-loi-qua-email'],
        altcha: await solve(challenge),
      }),
    });
    expect(asked.status, await asked.clone().text()).toBe(201);
    const { trackingCode } = (await asked.json()) as { trackingCode: string };
    const [{ id }] = (await read<{ id: string }>(`select id from questions where tracking_code = '${trackingCode}'`)) as [{ id: string }];

    const answered = await fetch(`${server.url}/api/v1/admin/questions/${id}/answer`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ html: '<p>Điều kiện tách thửa do UBND tỉnh quy định; hồ sơ nộp tại bộ phận một cửa.</p>' }),
    });
    expect(answered.status, await answered.clone().text()).toBe(200);

    // The relay is down: the first attempt fails and is recorded; then the process dies.
    await until<{ outcome: string }>('select outcome from mail_attempts', (rows) => rows.some((r) => r.outcome === 'retry'), 'a failed attempt');
    await server.crash();
    server = undefined;
    const [pending] = await read<OutboxRow>('select id, state, attempts from mail_outbox');
    expect(pending!.state).toBe('pending');

    relay = await startRelay(relayPort);
    server = await startServer(port, env(port, relayPort, false), 60_000);
    const [sent] = await until<OutboxRow & { sent_at: string | null }>(
      'select id, state, attempts, sent_at from mail_outbox',
      (rows) => rows[0]?.state === 'sent',
      'the mail sent',
    );
    expect(sent!.id).toBe(pending!.id);
    // Sent, and nothing is left that could send it again.
    expect(await read<OutboxRow>("select id from mail_outbox where state <> 'sent'")).toEqual([]);
    expect(relay.messages).toHaveLength(1);
    const [mail] = relay.messages;
    expect(mail!.subject).toContain(trackingCode);
    expect(mail!.text).toContain('bộ phận một cửa');
    expect((await read<{ outcome: string }>('select outcome from mail_attempts order by attempt')).map((r) => r.outcome).at(-1)).toBe('sent');
    await server.stop();
    server = undefined;
  }, 120_000);
});
