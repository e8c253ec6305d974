// Time to a painted list, and layout shift, of the latest-laws list on a department's page over a
// throttled phone-class connection and CPU, for each way of putting the list there.
//
//   node bench/paint.mjs [--runs=N] [--variants=a,b]      (or through node bench/run.mjs paint)
//
// Starts its own API (fresh temp DATA_DIR), the host site and the iframe server, and Chromium.
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { heading, max, median, min, ms, ratio, table, verdict, cls as fmtCls } from './lib/format.mjs';
import { CACHE, LIST_QUERY, RESERVE, startHosts } from './lib/hosts.mjs';
import { instrument } from './lib/instrument.mjs';
import { PORTS, cleanup, installSignalHandlers, onCleanup, startApi } from './lib/proc.mjs';

/** Chrome DevTools' "Slow 4G" preset: 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, 150 ms × 3.75 latency. */
export const NETWORK = {
  offline: false,
  latency: 562.5, // ms, added to every request
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, // 180000 B/s = 1.44 Mbit/s
  uploadThroughput: ((750 * 1000) / 8) * 0.9, // 84375 B/s = 675 kbit/s
  connectionType: 'cellular4g',
};
export const CPU_RATE = 4;
/** A phone: Lighthouse's mobile screen (412×823 CSS px, DPR 1.75). */
export const DEVICE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
export const RUNS = 5;
const SETTLE_MS = 1000;

/**
 * Site isolation off, so the cross-site iframe runs in the page's renderer process and the page's
 * CPU and network throttling covers it (checked below: no 'iframe' targets). That is also how
 * Chrome on low-memory Android phones runs an ordinary site's iframes. The host page is on
 * http://localhost (resolved to 127.0.0.1) and the API on http://127.0.0.1: different sites, both
 * secure contexts, so Chromium sends Accept-Encoding: br as it would over HTTPS.
 *
 * WebUIOmniboxPopup/WebUIOmniboxAimPopup: Chromium 15x preloads the omnibox popup as a WebUI
 * page in its own renderer for every window, even headless; on a 2-core machine that renderer
 * competes with the page under test. Off.
 */
export const EXTRA_DISABLED_FEATURES = ['IsolateOrigins', 'site-per-process', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
const EXTRA_ARGS = ['--disable-site-isolation-trials', '--host-resolver-rules=MAP localhost 127.0.0.1'];

/**
 * Chromium honours only the last --disable-features switch and Playwright passes its own list
 * (PaintHolding, ThirdPartyStoragePartitioning, …); a second switch would silently drop it. So
 * read Playwright's list from a first launch (Browser.getBrowserCommandLine needs
 * --enable-automation, used for that probe only) and launch again with both lists in one switch.
 */
export async function launchBrowser(executablePath) {
  let defaults = [];
  try {
    const probe = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-automation'] });
    try {
      const session = await probe.newBrowserCDPSession();
      const { arguments: argv } = await session.send('Browser.getBrowserCommandLine');
      const last = argv.filter((a) => a.startsWith('--disable-features=')).at(-1);
      if (last) defaults = last.slice('--disable-features='.length).split(',').filter(Boolean);
    } finally {
      await probe.close();
    }
  } catch (e) {
    console.error(`  [paint] could not read Playwright's --disable-features (${e.message}); passing only ours`);
  }
  const features = [...new Set([...defaults, ...EXTRA_DISABLED_FEATURES])];
  const args = [...CHROMIUM_ARGS, ...EXTRA_ARGS, `--disable-features=${features.join(',')}`];
  const browser = await chromium.launch({ executablePath, args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  return { browser, args, inheritedFeatures: defaults };
}

export const VARIANT_ORDER = ['static', 'iframe-inline', 'iframe-link', 'widget', 'widget-reserved', 'widget-hints', 'naive'];
const WIDGETS = ['widget', 'widget-reserved', 'widget-hints', 'naive'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function throttle(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
}

/** Every request of the page (iframes included, since they share its renderer) from CDP Network events. */
function recordRequests(cdp) {
  const reqs = new Map();
  const get = (id) => reqs.get(id) ?? reqs.set(id, { id }).get(id);
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!/^https?:/.test(e.request.url)) return;
    Object.assign(get(e.requestId), {
      url: e.request.url,
      start: e.timestamp,
      wall: e.wallTime,
      type: e.type,
      initiator: e.initiator?.type,
      priority: e.request.initialPriority,
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => (get(e.requestId).cache = 'memory/disk'));
  cdp.on('Network.responseReceived', (e) => {
    const r = get(e.requestId);
    r.status = e.response.status;
    // The network stack's clock, not the (CPU-throttled) renderer's moment of handling the event.
    const t = e.response.timing;
    r.headersAt = t && t.requestTime > 0 && t.receiveHeadersEnd >= 0 ? t.requestTime + t.receiveHeadersEnd / 1000 : e.timestamp;
    if (e.response.fromDiskCache) r.cache = 'disk';
    if (e.response.fromPrefetchCache) r.cache = 'prefetch';
    r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '';
  });
  cdp.on('Network.loadingFinished', (e) => Object.assign(get(e.requestId), { end: e.timestamp, bytes: e.encodedDataLength }));
  cdp.on('Network.loadingFailed', (e) => Object.assign(get(e.requestId), { end: e.timestamp, failed: e.errorText }));
  return reqs;
}

/**
 * When the frame that rendered the list finished on the main thread. The MessageChannel message
 * posted from its rAF callback is delivered right after it, unless other tasks were queued first
 * (a fetch response, say); the Long Animation Frames API then tells the real end: the end of the
 * long frame whose rendering ran that rAF callback, or the start of any later long frame.
 */
function frameEnd(raf, message, loafs) {
  let end = message;
  for (const l of loafs) {
    const stop = l.start + l.duration;
    const renderingUntil = Number.isFinite(l.styleAndLayoutStart) ? l.styleAndLayoutStart : stop;
    if (Number.isFinite(l.renderStart) && l.renderStart <= raf + 0.1 && raf <= renderingUntil + 0.1) end = Math.min(end, stop);
    else if (l.start > raf) end = Math.min(end, l.start);
  }
  return Math.max(end, raf);
}

/** Requests on the page's timeline: ms since navigation start (the top document's timeOrigin). */
function waterfall(reqs, timeOrigin) {
  const list = [...reqs.values()].filter((r) => r.url && r.start !== undefined).sort((a, b) => a.start - b.start);
  const doc = list[0];
  if (!doc) return [];
  const offset = doc.wall * 1000 - timeOrigin; // the document request's start on the navigation timeline
  const at = (ts) => (ts === undefined ? NaN : (ts - doc.start) * 1000 + offset);
  return list.map((r) => ({
    url: r.url,
    start: at(r.start),
    headers: at(r.headersAt),
    end: at(r.end),
    status: r.status ?? (r.failed ? 'failed' : '?'),
    bytes: r.bytes ?? 0,
    cache: r.cache ?? '',
    encoding: r.encoding ?? '',
    initiator: r.initiator ?? '',
    type: r.type ?? '',
  }));
}

async function readBench(page) {
  const out = [];
  for (const frame of page.frames()) {
    const b = await frame.evaluate(() => (window.__bench ? JSON.parse(JSON.stringify(window.__bench)) : null)).catch(() => null);
    if (b) out.push({ url: frame.url(), top: frame === page.mainFrame(), ...b });
  }
  return out;
}

/** One visit: a new tab in `ctx`, throttled before it navigates. */
async function visit(ctx, url, { probe = false } = {}) {
  const page = await ctx.newPage();
  try {
    if (probe) await page.addInitScript(() => (window.__benchProbe = true));
    const cdp = await ctx.newCDPSession(page);
    await throttle(cdp);
    const reqs = recordRequests(cdp);
    await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
    const deadline = Date.now() + 60_000;
    let frames;
    for (;;) {
      frames = await readBench(page);
      if (frames.some((f) => f.marks.listPainted)) break;
      if (Date.now() > deadline) throw new Error(`${url}: the list never painted`);
      await sleep(200);
    }
    await sleep(SETTLE_MS); // later layout shifts (a re-render after revalidation, fonts) still count
    frames = await readBench(page);
    const topFrame = frames.find((f) => f.top);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const rel = (abs) => (abs ? abs - timeOrigin : NaN);
    const listFrame = frames.find((f) => f.marks.listPainted);
    const marks = {};
    for (const [k, v] of Object.entries(topFrame.marks)) marks[k] = rel(v);
    for (const k of ['firstItemDom', 'listDom', 'listRaf', 'listPainted']) marks[k] = rel(listFrame.marks[k]);
    marks.listMessage = marks.listPainted;
    marks.listPainted = frameEnd(
      marks.listRaf,
      marks.listMessage,
      frames
        .flatMap((f) => f.loafs ?? [])
        .map((l) => ({ ...l, start: rel(l.start), renderStart: rel(l.renderStart), styleAndLayoutStart: rel(l.styleAndLayoutStart) })),
    );
    const element = await page.evaluate(() => {
      const el = document.querySelector('pbgdpl-latest-laws');
      if (!el) return null;
      const base = el.shadowRoot?.querySelector('.base');
      return {
        height: el.getBoundingClientRect().height,
        contentHeight: base ? base.getBoundingClientRect().height : NaN,
        fontSize: parseFloat(getComputedStyle(el).fontSize),
        cacheKeys: Object.keys(localStorage).filter((k) => k.startsWith('pbgdpl:')).length,
      };
    });
    const oopifs = await ctx
      .browser()
      .newBrowserCDPSession()
      .then(async (s) => {
        const { targetInfos } = await s.send('Target.getTargets');
        await s.detach();
        return targetInfos.filter((t) => t.type === 'iframe').length;
      });
    const loafs = frames
      .flatMap((f) => (f.loafs ?? []).map((l) => ({ ...l, frame: f.top ? 'top' : 'iframe' })))
      .map((l) => ({
        ...l,
        start: rel(l.start),
        renderStart: rel(l.renderStart),
        styleAndLayoutStart: rel(l.styleAndLayoutStart),
        scripts: l.scripts.map((x) => ({ ...x, start: rel(x.start) })),
      }))
      .sort((a, b) => a.start - b.start);
    // Main-thread work the Long Animation Frames API attributes, in frames that began before the list painted:
    // scripts (compile + run + microtasks) and rendering (rAF, style, layout, paint).
    const before = loafs.filter((l) => l.start < marks.listPainted);
    const scriptBeforeList = before.reduce((sum, l) => sum + l.scripts.reduce((a, x) => a + x.duration, 0), 0);
    const renderBeforeList = before.reduce((sum, l) => sum + (Number.isFinite(l.renderStart) ? l.start + l.duration - l.renderStart : 0), 0);
    return {
      listPainted: marks.listPainted,
      loafs,
      scriptBeforeList,
      renderBeforeList,
      fcp: rel(topFrame.fcp),
      cls: topFrame.cls,
      frameCls: frames.filter((f) => !f.top).reduce((s, f) => s + f.cls, 0),
      shifts: topFrame.shifts.map((s) => ({ ...s, t: rel(s.t) })),
      marks,
      probes: topFrame.probes,
      element,
      oopifs,
      listInFrame: !listFrame.top,
      waterfall: waterfall(reqs, timeOrigin),
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Calibration: a busy loop with and without the CPU throttle, and whether the iframe is out of process. */
async function preflight(browser, variants) {
  const ctx = await browser.newContext(DEVICE);
  try {
    const loop = () => {
      const t = performance.now();
      let x = 0;
      for (let i = 0; i < 2e7; i++) x += Math.sqrt(i);
      return [performance.now() - t, x];
    };
    const time = async (throttled) => {
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      if (throttled) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
      await page.goto(variants['iframe-inline'].url, { waitUntil: 'load' }); // throttle set before a navigation must survive it
      const t = [];
      for (let i = 0; i < 3; i++) t.push((await page.evaluate(loop))[0]);
      const oopifs = await browser.newBrowserCDPSession().then(async (s) => {
        const { targetInfos } = await s.send('Target.getTargets');
        await s.detach();
        return targetInfos.filter((x) => x.type === 'iframe').length;
      });
      await page.close();
      return { ms: Math.min(...t), oopifs };
    };
    const plain = await time(false);
    const slow = await time(true);
    return { loopMs: plain.ms, throttledLoopMs: slow.ms, cpuFactor: slow.ms / plain.ms, oopifs: Math.max(plain.oopifs, slow.oopifs) };
  } finally {
    await ctx.close();
  }
}

/** The caching the kit documents for what the widget loads, against what the API sends now. */
export const DOCUMENTED_CACHE = {
  loader: 'public, max-age=300, stale-while-revalidate=86400',
  chunk: 'public, max-age=31536000, immutable',
  list: 'public, max-age=60, stale-while-revalidate=86400',
};
async function checkCaching(api, entryFile) {
  const get = async (path) => (await fetch(api + path, { headers: { 'accept-encoding': 'br' } })).headers.get('cache-control') ?? '(none)';
  const rows = [
    ['loader.js', '/embed/v1/loader.js', DOCUMENTED_CACHE.loader],
    [entryFile, `/embed/v1/${entryFile}`, DOCUMENTED_CACHE.chunk],
    ['the list', `/api/v1/laws?${LIST_QUERY}`, DOCUMENTED_CACHE.list],
  ];
  const out = [];
  for (const [what, path, expected] of rows) {
    const actual = await get(path);
    out.push({ what, actual, expected, ok: actual.startsWith(expected) });
  }
  return out;
}

function parseArgs(argv) {
  const opts = {};
  for (const a of argv) {
    const m = /^--(\w+)=(.*)$/.exec(a);
    if (m) opts[m[1]] = m[2];
  }
  return opts;
}

export async function main({ runs = Number(process.env.BENCH_RUNS || RUNS), only } = {}) {
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  const api = await startApi(PORTS.paintApi, { name: 'API (paint)' });
  // The chunk names the running API serves (it read the bundle at start; a rebuild since then
  // would not change what it serves, only what is on disk).
  const manifest = await fetch(`${api.origin}/embed/v1/manifest.json`).then((r) => {
    if (!r.ok) throw new Error(`${api.origin}/embed/v1/manifest.json: HTTP ${r.status}`);
    return r.json();
  });
  const { file: entryFile, deps: depFiles } = manifest.widgets['latest-laws'];
  const served = await checkCaching(api.origin, entryFile);
  const hosts = await startHosts({ api: api.origin, hostPort: PORTS.host, framePort: PORTS.frame, entryFile, depFiles });
  const names = VARIANT_ORDER.filter((n) => !only || only.includes(n));

  const { browser, args, inheritedFeatures } = await launchBrowser(executablePath);
  onCleanup(() => browser.close().catch(() => {}));

  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const loadBefore = loadavg()[0];
  console.log(heading('paint: time to a painted list and layout shift'));
  console.log(
    [
      `  Chromium ${browser.version()} (${executablePath}), headless, ${DEVICE.viewport.width}×${DEVICE.viewport.height} CSS px, DPR ${DEVICE.deviceScaleFactor}, mobile`,
      `  network (CDP Network.emulateNetworkConditions, DevTools "Slow 4G"): latency ${NETWORK.latency} ms, download ${NETWORK.downloadThroughput} B/s (${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s), upload ${NETWORK.uploadThroughput} B/s (${(NETWORK.uploadThroughput * 8) / 1000} kbit/s)`,
      `  CPU: Emulation.setCPUThrottlingRate rate ${CPU_RATE}; both set on each tab's CDP session before it navigates`,
      `  out-of-process iframes: site isolation OFF (--disable-site-isolation-trials, --disable-features=IsolateOrigins,site-per-process), so the iframe shares the page's renderer and its throttling`,
      `  also disabled: WebUIOmniboxPopup,WebUIOmniboxAimPopup (Chromium's omnibox WebUI renderer, which otherwise runs beside the page); Playwright's ${inheritedFeatures.length} default disabled features kept (merged into one --disable-features)`,
      `  Chromium flags: ${args.filter((a) => !a.startsWith('--disable-features=')).join(' ')}`,
      `  origins: host site ${hosts.host}  |  API ${api.origin}  |  iframe server ${hosts.frame}`,
      `  latest-laws as the API serves it: ${entryFile} + ${depFiles.join(' + ')}`,
      ...served.map(
        (c) => `  served Cache-Control of ${c.what}: "${c.actual}"${c.ok ? '' : `  ← NOT the documented "${c.expected}": repeat visits cannot reuse it`}`,
      ),
      `  Cache-Control: host page "${CACHE.hostPage}", host CSS "${CACHE.hostCss}", iframe page "${CACHE.framePage}", iframe CSS "${CACHE.frameCss}"; API and embed files as the kit serves them`,
      `  runs: ${runs} per variant, variant order rotated each run; a run = a fresh browser context (empty HTTP cache and localStorage): first visit,`,
      `  then a repeat visit (new tab, same context, after the first is network-idle + ${SETTLE_MS} ms), then a 3rd visit the same way (V8 code cache: Chromium caches compiled code on the 2nd load and uses it from the 3rd)`,
      `  machine: ${cpus().length} CPUs, load average ${load()} (1/5/15 min) at start${loadBefore > cpus().length ? '  ← busy machine: expect noisy timings' : ''}`,
    ].join('\n'),
  );

  const pre = await preflight(browser, hosts.variants);
  console.log(
    `  check: busy loop ${pre.loopMs.toFixed(0)} ms unthrottled, ${pre.throttledLoopMs.toFixed(0)} ms throttled → ${pre.cpuFactor.toFixed(2)}× (expect ≈${CPU_RATE}×); 'iframe' targets while the iframe page is open: ${pre.oopifs} (expect 0)`,
  );
  console.log('\n  variants:');
  for (const n of names) console.log(`    ${n.padEnd(22)} ${hosts.variants[n].what}`);
  console.log(
    [
      '',
      '  "list painted" = ms from navigation start (performance.timeOrigin of the top page) until the main thread has finished',
      "  the frame that shows the list: a MutationObserver on the document and on every shadow root (the widget's open shadow",
      "  root included; for the iframe, the iframe's document) sees 5 `li.item a.abstract` with text; the next requestAnimationFrame",
      "  callback posts a MessageChannel message, delivered right after that frame's style/layout/paint; if a queued task delayed",
      "  the delivery, the frame's end is taken from the Long Animation Frames API instead. (Not presentation: add raster/compositing.)",
      "  CLS = sum of the top page's layout-shift entries without hadRecentInput, from navigation until 1 s after the list painted.",
    ].join('\n'),
  );

  /** results[variant] = { first: [visit], repeat: [visit], third: [visit] } */
  const results = Object.fromEntries(names.map((n) => [n, { first: [], repeat: [], third: [] }]));
  const started = Date.now();
  for (let run = 0; run < runs; run++) {
    const order = names.map((_, i) => names[(i + run) % names.length]); // rotate, so no variant always goes first
    for (const name of order) {
      const ctx = await browser.newContext(DEVICE);
      await ctx.addInitScript(instrument);
      try {
        const visits = {};
        for (const kind of VISITS) {
          visits[kind] = await visit(ctx, hosts.variants[name].url);
          results[name][kind].push({ run, ...visits[kind] });
          await sleep(300);
        }
        process.stderr.write(
          `  [paint] run ${run + 1}/${runs} ${name.padEnd(22)} ` +
            VISITS.map((k) => `${k} ${ms(visits[k].listPainted).padStart(5)} ms CLS ${fmtCls(visits[k].cls)}`).join(' | ') +
            '\n',
        );
      } catch (e) {
        process.stderr.write(`  [paint] run ${run + 1}/${runs} ${name}: FAILED ${e.message}\n`);
      } finally {
        await ctx.close().catch(() => {});
      }
    }
  }
  // Diagnostic visits (not timed): the element's box at DOMContentLoaded, before it is defined.
  const diagnostics = {};
  for (const name of names.filter((n) => n.startsWith('widget'))) {
    const ctx = await browser.newContext(DEVICE);
    await ctx.addInitScript(instrument);
    try {
      diagnostics[name] = (await visit(ctx, hosts.variants[name].url, { probe: true })).probes.beforeDefine ?? null;
    } catch (e) {
      diagnostics[name] = { error: e.message };
    } finally {
      await ctx.close().catch(() => {});
    }
  }
  const report = summarize(results, names, diagnostics, hosts.variants);
  console.log(report.text);
  console.log(`\n  (${((Date.now() - started) / 1000).toFixed(0)} s for ${runs} runs of ${names.length} variants; load average at end ${load()})`);
  const notes = served.filter((c) => !c.ok).map((c) => `${c.what} is served with Cache-Control "${c.actual}", not "${c.expected}"`);
  return { paint: { results: report.stats, preflight: pre, served }, targets: report.targets, notes };
}

const VISITS = ['first', 'repeat', 'third'];
const stat = (visits, key) => {
  const xs = visits.map((v) => (typeof key === 'function' ? key(v) : v[key]));
  return { median: median(xs), min: min(xs), max: max(xs), n: xs.filter(Number.isFinite).length };
};
const range = (s) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const clsRange = (s) => `${fmtCls(s.median)} (${fmtCls(s.max)})`;
const shortScript = (x) => {
  const src = (x.source || x.invoker || '').replace(/^https?:\/\/[^/]+/, '');
  return x.type === 'user-callback' || x.type === 'event-listener' || x.type === 'resolve-promise'
    ? `${x.invoker}${src && x.invoker !== src ? ` (${src.split('/').pop()})` : ''}`
    : src.split('/').pop() || x.invoker;
};
const host = (u) => u.replace(/^https?:\/\//, '').replace(/\?.*$/, (q) => (q.length > 40 ? q.slice(0, 40) + '…' : q));

function medianVisit(visits) {
  const ok = visits.filter((v) => Number.isFinite(v.listPainted)).sort((a, b) => a.listPainted - b.listPainted);
  return ok[(ok.length - 1) >> 1];
}

function summarize(results, names, diagnostics, variants) {
  const out = [];
  const stats = {};
  for (const n of names) {
    stats[n] = {};
    for (const kind of VISITS) {
      const v = results[n][kind];
      stats[n][kind] = { list: stat(v, 'listPainted'), cls: stat(v, 'cls'), fcp: stat(v, 'fcp'), frameCls: stat(v, 'frameCls') };
    }
  }

  out.push('', '  list painted, ms from navigation start: median (min–max); CLS: median (max)');
  out.push(
    table(
      ['variant', 'n', 'first visit', 'CLS first', 'repeat visit', 'CLS repeat', '3rd visit', 'CLS 3rd'],
      names.map((n) => [
        n,
        stats[n].first.list.n,
        range(stats[n].first.list),
        clsRange(stats[n].first.cls),
        range(stats[n].repeat.list),
        clsRange(stats[n].repeat.cls),
        range(stats[n].third.list),
        clsRange(stats[n].third.cls),
      ]),
    ),
  );
  const frameShift = names.filter((n) => VISITS.some((k) => stats[n][k].frameCls.max > 0));
  if (frameShift.length)
    out.push(`  layout shift inside iframes (not in CLS above): ${frameShift.map((n) => `${n} ${fmtCls(stats[n].first.frameCls.max)}`).join(', ')}`);

  // Ratios and targets.
  const m = (n, kind) => stats[n]?.[kind].list.median;
  /** When the two variants' min–max ranges overlap, the runs cannot tell them apart. */
  const overlap = (a, b, kind) => {
    const x = stats[a][kind].list;
    const y = stats[b][kind].list;
    return x.min <= y.max && y.min <= x.max ? '; ranges overlap' : '';
  };
  const targets = [];
  const rows = [];
  const iframes = ['iframe-inline', 'iframe-link'].filter((n) => stats[n]);
  for (const w of WIDGETS.filter((x) => stats[x])) {
    const whatIf = variants[w]?.experimental || w === 'naive';
    const judge = (ok) => (whatIf ? '(info)' : verdict(ok));
    if (stats.static) {
      const repeat = m(w, 'repeat') / m('static', 'repeat');
      rows.push([
        `${w} / static`,
        ratio(m(w, 'first') / m('static', 'first')),
        '',
        '',
        ratio(repeat),
        '≤ 1.10×',
        judge(repeat <= 1.1),
        ratio(m(w, 'third') / m('static', 'third')),
      ]);
      if (!whatIf)
        targets.push({
          name: `paint: ${w} repeat visit within 1.1× of static`,
          value: `${ratio(repeat)} (${ms(m(w, 'repeat'))} vs ${ms(m('static', 'repeat'))} ms${overlap(w, 'static', 'repeat')})`,
          met: repeat <= 1.1,
        });
    }
    for (const f of iframes) {
      const first = m(w, 'first') / m(f, 'first');
      rows.push([
        `${w} / ${f}`,
        ratio(first),
        '≤ 1.00×',
        judge(first <= 1.0),
        ratio(m(w, 'repeat') / m(f, 'repeat')),
        '',
        '',
        ratio(m(w, 'third') / m(f, 'third')),
      ]);
      if (!whatIf)
        targets.push({
          name: `paint: ${w} first visit no slower than ${f}`,
          value: `${ratio(first)} (${ms(m(w, 'first'))} vs ${ms(m(f, 'first'))} ms${overlap(w, f, 'first')})`,
          met: first <= 1.0,
        });
    }
  }
  if (stats.naive && stats.widget)
    rows.push([
      'naive / widget (what the loader saves)',
      ratio(m('naive', 'first') / m('widget', 'first')),
      '',
      '',
      ratio(m('naive', 'repeat') / m('widget', 'repeat')),
      '',
      '',
      ratio(m('naive', 'third') / m('widget', 'third')),
    ]);
  if (rows.length) {
    out.push(
      '',
      '  ratios of medians (targets: first visit no slower than the iframe; repeat visit within 1.1× of the static page; "(info)": no target for that variant):',
    );
    out.push(table(['ratio', 'first', 'target', 'result', 'repeat', 'target', 'result', '3rd'], rows));
  }

  // Where the time goes.
  const markRows = [];
  for (const n of names) {
    for (const kind of VISITS) {
      const v = results[n][kind];
      const med = (k) => ms(median(v.map((x) => x.marks[k])));
      markRows.push([
        `${n} ${kind}`,
        ms(median(v.map((x) => x.fcp))),
        med('domContentLoaded'),
        med('loaderRan'),
        med('defined'),
        med('firstItemDom'),
        med('listDom'),
        med('listPainted'),
        ms(median(v.map((x) => x.scriptBeforeList))),
        ms(median(v.map((x) => x.renderBeforeList))),
      ]);
    }
  }
  out.push(
    '',
    '  main-thread marks, medians, ms from navigation start. loader ran = loader.js set window.PBGDPL; defined = customElements.whenDefined(pbgdpl-latest-laws); first item = first',
    "  li.item in the DOM (the widget's skeleton, or the list); script / rendering = time the Long Animation Frames API attributes to",
    '  scripts and to rendering (rAF, style, layout, paint) in long frames (≥ 50 ms) that began before the list painted:',
  );
  out.push(
    table(['variant visit', 'FCP', 'DOMContentLoaded', 'loader ran', 'defined', 'first item', 'list in DOM', 'list painted', 'script', 'rendering'], markRows),
  );

  // Reserved height.
  const natural = results.widget?.first.map((v) => v.element).filter(Boolean) ?? [];
  if (natural.length) {
    const e = natural[0];
    const em = (e.height - RESERVE.px) / e.fontSize;
    out.push(
      '',
      `  reserved height (limit=5, no search): the widget's own height is ${e.height.toFixed(2)} px at font-size ${e.fontSize}px = calc(${em.toFixed(4)}em + ${RESERVE.px}px);`,
      `  documented (docs/embedding.md §4): calc(${RESERVE.em}em + ${RESERVE.px}px) = ${(RESERVE.em * e.fontSize + RESERVE.px).toFixed(2)} px (${(RESERVE.em * e.fontSize + RESERVE.px - e.height).toFixed(2)} px more than the widget takes).`,
    );
  }
  for (const [n, p] of Object.entries(diagnostics)) {
    if (p?.error) out.push(`  ${n}: diagnostic visit failed: ${p.error}`);
    else if (p)
      out.push(
        `  ${n}: at DOMContentLoaded (diagnostic visit, element ${p.defined ? 'already' : 'not yet'} defined): display ${p.display}, min-height ${p.minHeight}, height ${p.height.toFixed(1)} px`,
      );
  }

  // Waterfalls of the median run.
  out.push('', '  waterfalls of the median run (ms from navigation start; start = the page asked; headers = response headers in (network clock);');
  out.push('  cache = served from the HTTP cache; then the layout shifts and the long frames with the scripts that ran in them):');
  for (const n of names) {
    for (const kind of ['first', 'repeat']) {
      const v = medianVisit(results[n][kind]);
      if (!v) continue;
      const mk = v.marks;
      out.push(
        '',
        `  ${n}, ${kind} visit (run ${v.run + 1}): list painted ${ms(v.listPainted)}, CLS ${fmtCls(v.cls)}; FCP ${ms(v.fcp)}, loader ran ${ms(mk.loaderRan)}, defined ${ms(mk.defined)}, first item ${ms(mk.firstItemDom)}, list in DOM ${ms(mk.listDom)}, rAF ${ms(mk.listRaf)}` +
          (v.element ? `; widget cache entries ${v.element.cacheKeys}` : '') +
          (v.oopifs ? `; OOPIFs ${v.oopifs}` : ''),
      );
      out.push(
        table(
          ['start', 'headers', 'end', 'status', 'bytes', 'enc', 'cache', 'initiator', 'url'],
          v.waterfall.map((r) => [ms(r.start), ms(r.headers), ms(r.end), r.status, r.bytes, r.encoding, r.cache, r.initiator, host(r.url)]),
          { indent: '    ' },
        ),
      );
      for (const s of v.shifts) out.push(`    layout shift ${s.value.toFixed(4)} at ${ms(s.t)} ms: ${s.sources.join('; ')}`);
      for (const l of v.loafs.filter((x) => x.start < v.listPainted + 200)) {
        const scripts = l.scripts
          .map((x) => `${x.type} ${shortScript(x)} ${ms(x.duration)} ms${x.forcedStyleAndLayout > 1 ? ` (forced layout ${ms(x.forcedStyleAndLayout)})` : ''}`)
          .join('; ');
        const render = Number.isFinite(l.renderStart) ? `, rendering ${ms(l.start + l.duration - l.renderStart)} ms` : '';
        out.push(
          `    long frame ${ms(l.start)}–${ms(l.start + l.duration)} (${ms(l.duration)} ms${render})${l.frame === 'iframe' ? ' [iframe]' : ''}${scripts ? ': ' + scripts : ''}`,
        );
      }
    }
  }
  return { text: out.join('\n'), stats, targets };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  installSignalHandlers();
  const opts = parseArgs(process.argv.slice(2));
  main({ runs: opts.runs ? Number(opts.runs) : undefined, only: opts.variants?.split(',') })
    .catch((e) => {
      console.error(e.stack ?? e);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}

export { parseArgs };
