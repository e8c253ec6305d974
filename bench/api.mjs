// Throughput and latency of the list endpoint on a fresh API instance (its own temp DATA_DIR,
// seeded with the 74 sample documents), with autocannon: plain GETs, and conditional GETs with
// If-None-Match set to the current ETag (what a browser sends to revalidate: 304, no body).
//
//   node bench/api.mjs [--duration=10] [--connections=10]     (or through node bench/run.mjs api)
import autocannon from 'autocannon';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heading, table } from './lib/format.mjs';
import { PORTS, cleanup, installSignalHandlers, onCleanup, startApi } from './lib/proc.mjs';

export const CASES = [
  { name: 'list', path: '/api/v1/laws?limit=10' },
  { name: 'search "dat dai"', path: '/api/v1/laws?limit=10&q=dat%20dai' },
];
/** What Chromium sends; the API compresses bodies over 1 KB with brotli (quality 5) per request. */
export const HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const WARMUP_S = 2;

let current = null;
const run = (opts) =>
  new Promise((resolve, reject) => {
    current = autocannon(opts, (err, result) => {
      current = null;
      return err ? reject(err) : resolve(result);
    });
  });

export async function main({ duration = Number(process.env.BENCH_API_DURATION || 10), connections = 10 } = {}) {
  onCleanup(() => current?.stop()); // Ctrl+C: stop the load before the server goes
  const api = await startApi(PORTS.apiBench, { name: 'API (autocannon)' });
  console.log(heading('api: autocannon against GET /api/v1/laws'));
  console.log(
    [
      `  fresh API instance ${api.origin} (pid ${api.pid}, DATA_DIR ${api.dataDir}, SQLite, one Node process)`,
      `  autocannon ${connections} connections, ${duration} s per row after a ${WARMUP_S} s warm-up that is not counted; headers: accept-encoding: ${HEADERS['accept-encoding']}`,
      `  autocannon runs in this process on the same machine (${cpus().length} CPUs, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')})`,
    ].join('\n'),
  );

  const rows = [];
  const figures = [];
  for (const c of CASES) {
    const url = api.origin + c.path;
    const probe = await fetch(url, { headers: HEADERS });
    const body = Buffer.from(await probe.arrayBuffer());
    const etag = probe.headers.get('etag');
    if (!probe.ok || !etag) throw new Error(`${url}: HTTP ${probe.status}, ETag ${etag}`);
    const check = await fetch(url, { headers: { ...HEADERS, 'if-none-match': etag } });
    if (check.status !== 304) throw new Error(`${url} with If-None-Match ${etag}: HTTP ${check.status}, expected 304`);
    const wire = probe.headers.get('content-length');
    console.log(
      `  ${c.path}: ${probe.status}, ${body.length} B of JSON sent as ${probe.headers.get('content-encoding') ?? 'identity'}${wire ? ` ${wire} B` : ''}, ETag ${etag}, Cache-Control "${probe.headers.get('cache-control')}"; with If-None-Match: ${check.status}`,
    );

    for (const mode of ['200', '304']) {
      const headers = mode === '304' ? { ...HEADERS, 'if-none-match': etag } : HEADERS;
      await run({ url, connections, duration: WARMUP_S, headers });
      const r = await run({ url, connections, duration, headers });
      const total = r.requests.total || 1;
      const fig = {
        case: c.name,
        path: c.path,
        mode: mode === '200' ? 'plain GET' : 'If-None-Match (304)',
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        throughput: r.throughput.average,
        bytesPerResponse: r.throughput.total / total,
        requests: r.requests.total,
        ok2xx: r['2xx'],
        ok3xx: r['3xx'],
        other: r['1xx'] + r['4xx'] + r['5xx'] + r.errors + r.timeouts,
      };
      figures.push(fig);
      rows.push([
        fig.case,
        fig.mode,
        fig.rps.toFixed(0),
        `${fig.p50} ms`,
        `${fig.p99} ms`,
        `${(fig.throughput / 1024).toFixed(0)} KB/s`,
        fig.bytesPerResponse.toFixed(0),
        fig.requests,
        `${fig.ok2xx}/${fig.ok3xx}/${fig.other}`,
      ]);
      process.stderr.write(`  [api] ${c.name} ${fig.mode}: ${fig.rps.toFixed(0)} req/s\n`);
    }
  }
  console.log('');
  console.log(table(['endpoint', 'request', 'req/s (mean)', 'p50', 'p99', 'throughput', 'B/response', 'requests', '2xx/3xx/other'], rows));
  console.log('  (throughput and B/response count headers too; 304 rows should have 0 2xx and 0 other)');
  await api.stop();
  return { api: figures, targets: [] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  installSignalHandlers();
  const opts = Object.fromEntries(
    process.argv
      .slice(2)
      .map((a) => /^--(\w+)=(.*)$/.exec(a))
      .filter(Boolean)
      .map((m) => [m[1], Number(m[2])]),
  );
  main(opts)
    .catch((e) => {
      console.error(e.stack ?? e);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}
