import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NOTICES } from '@pbgdpl/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from './support/app.js';
import { EASY_ENV, ensureBuilt, startOnFreePort, type ServerProcess } from './support/server.js';
import { solve } from './support/submit.js';

/**
 * Findings 10 and 11 of the adversarial review, against the built server as `npm start` runs it:
 * the data folder and the database are private to the user the API runs as, secrets can stay out
 * of the database, the first admin token is never printed, and a few slow or greedy clients cannot
 * hold the server's sockets. SQLite only: these are about the files and sockets of one process.
 */
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pbgdpl-hardening-'));
  dirs.push(dir);
  return dir;
};

async function start(env: Record<string, string>) {
  const server = await startOnFreePort(() => ({ ...EASY_ENV, SEED: 'none', ...env }));
  servers.push(server);
  return server;
}

beforeAll(() => ensureBuilt());
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(ENGINE !== 'sqlite')('finding 10: the data folder, the database and the secrets stay private', () => {
  it('a first start makes the folder 0700, the database and its WAL 0600, and writes the admin token to a 0600 file instead of printing it', async () => {
    const data = join(scratch(), 'data');
    const server = await start({ DATA_DIR: data });
    const file = join(data, 'pbgdpl.sqlite');
    expect(mode(data)).toBe('700');
    expect(mode(file)).toBe('600');
    expect(mode(`${file}-wal`)).toBe('600');
    const tokenFile = join(data, 'admin-token');
    expect(mode(tokenFile)).toBe('600');
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(token).toMatch(/^pbgdpl_/);
    expect(server.output()).not.toContain(token);
    expect(server.output()).toContain(tokenFile);
    const res = await fetch(`${server.url}/api/v1/admin/sites`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('a folder and a database an older version left readable by everyone are closed on start', async () => {
    const data = join(scratch(), 'old');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    const file = join(data, 'pbgdpl.sqlite');
    new Database(file).close();
    chmodSync(file, 0o644);
    const server = await start({ DATA_DIR: data, ADMIN_TOKEN: 'hardening-admin-token-0123456789' });
    expect(mode(data)).toBe('700');
    expect(mode(file)).toBe('600');
    expect(server.output()).toMatch(/was readable by other users/);
  });

  it('with PBGDPL_SECRET_FILE the database holds no secret, and a proof issued before a restart is still good after it', async () => {
    const dir = scratch();
    const secretFile = join(dir, 'secret');
    writeFileSync(secretFile, 'a-master-secret-of-the-province-0123456789\n', { mode: 0o600 });
    const origin = 'https://xa-bi-mat.example.gov.vn';
    const env = { DATA_DIR: join(dir, 'data'), PBGDPL_SECRET_FILE: secretFile, ADMIN_TOKEN: 'hardening-admin-token-0123456789', DEMO_SITE_ORIGINS: origin };
    const first = await start(env);
    const proof = await solve(await (await fetch(`${first.url}/api/v1/challenge?site=demo`)).json());
    await first.stop();
    const db = new Database(join(dir, 'data/pbgdpl.sqlite'), { readonly: true });
    expect(db.prepare('select count(*) as n from secrets').get()).toEqual({ n: 0 });
    db.close();
    const second = await start(env);
    expect(second.output()).not.toContain('a-master-secret');
    const res = await fetch(`${second.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({
        site: 'demo',
        kind: 'page',
        rating: 5,
        message: 'Rõ ràng',
        contact: '',
        noticeVersion: NOTICES.feedback.version,
        consents: ['xu-ly-gop-y'],
        altcha: proof,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('a master secret too short to be one is refused at start', async () => {
    await expect(start({ DATA_DIR: join(scratch(), 'd'), PBGDPL_SECRET: 'short' })).rejects.toThrow(/at least 32 characters/);
  });
});

/** A socket to the server that sends what it is told to and says when the server closed it. */
function socketTo(url: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  socket.on('error', () => {});
  const opened = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, closed, opened, received: () => received };
}

describe.skipIf(ENGINE !== 'sqlite')('finding 11: slow bodies and greedy addresses', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await start({
      DATA_DIR: join(scratch(), 'data'),
      ADMIN_TOKEN: 'hardening-admin-token-0123456789',
      MAX_CONNECTIONS_PER_ADDRESS: '6',
      REQUEST_TIMEOUT_SECONDS: '2',
      HEADERS_TIMEOUT_SECONDS: '2',
    });
  });

  it('a body sent a byte at a time is cut off at REQUEST_TIMEOUT_SECONDS, long before it would end', async () => {
    const s = socketTo(server.url);
    await s.opened;
    // From a registered origin (the demo site's), or it would be refused before its body is read.
    s.socket.write(`POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nOrigin: ${server.url}\r\nContent-Length: 1000\r\n\r\n`);
    const started = Date.now();
    let sent = 0;
    const drip = setInterval(() => !s.socket.destroyed && sent++ < 60 && s.socket.write('{'), 250);
    const closedAt = await Promise.race([s.closed, new Promise<number>((r) => setTimeout(() => r(0), 15_000))]);
    clearInterval(drip);
    expect(closedAt, 'the server never closed the slow request').toBeGreaterThan(0);
    expect(sent).toBeLessThan(60); // closed while the client was still sending
    expect(closedAt - started).toBeLessThan(10_000);
    expect(s.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('headers never finished are cut off too', async () => {
    const s = socketTo(server.url);
    await s.opened;
    s.socket.write('GET /api/v1/laws HTTP/1.1\r\nHost: x\r\n');
    const closedAt = await Promise.race([s.closed, new Promise<number>((r) => setTimeout(() => r(0), 15_000))]);
    expect(closedAt).toBeGreaterThan(0);
  });

  it('one address holds at most MAX_CONNECTIONS_PER_ADDRESS connections; the next is closed at once, and the server still answers', async () => {
    const held = Array.from({ length: 6 }, () => socketTo(server.url));
    await Promise.all(held.map((h) => h.opened));
    // Keep each busy with a request in progress, so none is an idle keep-alive the server may drop.
    for (const h of held) h.socket.write('GET /api/v1/laws HTTP/1.1\r\nHost: x\r\n');
    const extra = socketTo(server.url);
    await extra.opened;
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    // The server sees the closes a moment after the client does; then the address has room again.
    let status = 0;
    for (const until = Date.now() + 5000; status !== 200 && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      status = await fetch(`${server.url}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
  });
});
