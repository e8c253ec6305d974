// The servers the paint benchmark needs besides the kit's API:
//  - a department's website (the host page, every variant) on its own origin, http://localhost:HOST_PORT
//  - a server-rendered "widget page" for the iframe variants, on the API's side
//    (http://127.0.0.1:FRAME_PORT), rendering the API's JSON on every request like a real one would.
// Both compress with brotli/gzip like any production web server would.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT, listen } from './proc.mjs';

/** The request the widget makes for limit="5" data-site="demo" (see latestLawsUrl). */
export const LIST_QUERY = 'limit=5&lang=vi&site=demo';

export const CACHE = {
  hostPage: 'no-cache',
  hostCss: 'public, max-age=86400',
  framePage: 'public, max-age=60, stale-while-revalidate=86400',
  frameCss: 'public, max-age=86400',
};

/**
 * The widget's own height for limit=5 without search (skeleton and list are the same height),
 * from latest-laws.styles.ts and core/styles.ts, in em of the widget's font size plus px:
 *   .base border 2px + padding 2×0.75em                          = 1.5em      + 2px
 *   .heading line 1.4×1.125em + margin-bottom 0.5×1.125em         = 2.1375em
 *   5 × .item (border-box height 2×1.5 + 2×1.45 + 0.5 + 1.25 em + 1px)  = 38.25em  + 5px
 *   .footer min-height (border-box) 44px + 0.5em                  = 0.5em      + 44px
 *                                                           total = 42.3875em  + 51px
 * The brief's calc(42.325em + 51px) counts the heading's margin as 0.5em of the widget's font
 * size; it is 0.5em of the heading's (1.125em), i.e. 0.5625em.
 */
export const RESERVE = {
  /** docs/embedding.md §4, as a style attribute: display:block, for min-height to apply before the element is defined. */
  documented: 'display: block; min-height: calc(42.325em + 51px)',
  em: 42.325,
  px: 51,
};
/** The iframe needs a fixed height: the same box at the host's 16px. */
export const IFRAME_HEIGHT = Math.ceil(RESERVE.em * 16 + RESERVE.px);

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const ddmmyyyy = (iso) => iso.slice(0, 10).split('-').reverse().join('/');

/** The widget's look, as ordinary CSS under .pbgdpl (same sizes as the widget's shadow CSS). */
export const LIST_CSS = `
.pbgdpl{display:block;box-sizing:border-box;font-family:inherit;font-size:inherit;line-height:1.5;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.75em 1em;text-align:start;overflow-wrap:anywhere;letter-spacing:normal;text-transform:none}
.pbgdpl *,.pbgdpl *::before,.pbgdpl *::after{box-sizing:inherit}
.pbgdpl a{color:#0b57d0;text-decoration:underline;text-underline-offset:.15em}
.pbgdpl .heading{margin:0 0 .5em;font-size:1.125em;font-weight:700;line-height:1.4}
.pbgdpl .list{list-style:none;margin:0;padding:0}
.pbgdpl .item{display:grid;grid-template-rows:1.5em 2.9em 1.5em;row-gap:.25em;height:calc(7.65em + 1px);padding:.625em 0;border-top:1px solid #d0d7de;overflow:hidden}
.pbgdpl .item:first-child{border-top-color:transparent}
.pbgdpl .number{font-size:.875em;line-height:calc(1.5em/.875);font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}
.pbgdpl .abstract{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2;line-height:1.45em;overflow:hidden}
.pbgdpl .meta{display:flex;align-items:center;gap:.5em;min-width:0;font-size:.8125em;line-height:calc(1.5em/.8125);color:#57606a;white-space:nowrap}
.pbgdpl .issuer{overflow:hidden;text-overflow:ellipsis;min-width:0;flex:1 1 auto}
.pbgdpl .date{flex:none}
.pbgdpl .badge{flex:none;padding:0 .5em;border-radius:999px;line-height:1.5;font-weight:600;color:#116329;background:#dafbe1}
.pbgdpl .badge.het-hieu-luc-mot-phan{color:#7d4e00;background:#fff8c5}
.pbgdpl .badge.het-hieu-luc-toan-bo{color:#82071e;background:#ffebe9}
.pbgdpl .badge.chua-co-hieu-luc{color:#0a3069;background:#ddf4ff}
.pbgdpl .badge.ngung-hieu-luc{color:#424a53;background:#eaeef2}
.pbgdpl .footer{display:flex;flex-wrap:wrap;align-items:center;gap:.5em;min-height:calc(44px + .5em);padding-top:.5em}
.pbgdpl .more{display:inline-flex;align-items:center;min-height:44px;padding:.375em .875em;border:1px solid #0b57d0;border-radius:6px;text-decoration:none}
.pbgdpl .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`.trim();

/** Server-rendered markup of the list, the same elements and classes as the widget renders. */
export function renderList(page, { target = '_blank' } = {}) {
  const items = page.items
    .map(
      (law) =>
        `<li class="item"><span class="number"><span>${esc(law.type.label)} </span>${esc(law.number)}</span><a class="abstract" href="${esc(law.url)}" target="${target}" rel="noopener">${esc(law.abstract)}<span class="visually-hidden"> (mở trong thẻ mới)</span></a><div class="meta"><span class="badge ${esc(law.validity.code)}"><span class="visually-hidden">Tình trạng: </span>${esc(law.validity.label)}</span><span class="date"><span class="visually-hidden">Ban hành ngày </span><time datetime="${esc(law.issuedOn)}">${ddmmyyyy(law.issuedOn)}</time></span><span class="issuer"><span class="visually-hidden">Cơ quan ban hành: </span>${esc(law.issuer.label)}</span></div></li>`,
    )
    .join('\n');
  return `<section class="pbgdpl" aria-labelledby="pbgdpl-heading">
<div class="heading" id="pbgdpl-heading" role="heading" aria-level="2">Văn bản pháp luật mới</div>
<ul class="list">
${items}
</ul>
<div class="footer">${page.nextCursor ? `<a class="more" href="https://vbpl.vn/" target="${target}" rel="noopener">Xem thêm</a>` : ''}</div>
</section>`;
}

/** The department's page around the list: the same markup and stylesheet for every variant. */
function hostPage({ title, head = '', slot }) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)} — Sở Tư pháp tỉnh Bắc Ninh</title>
<link rel="stylesheet" href="/site.css">
${head}
</head>
<body>
<header class="site">
<h1>Sở Tư pháp tỉnh Bắc Ninh</h1>
<p>Trang thông tin điện tử</p>
</header>
<nav class="site" aria-label="Chuyên mục"><a href="/">Trang chủ</a><a href="#">Phổ biến pháp luật</a><a href="#">Thủ tục hành chính</a></nav>
<div class="layout">
<main>
<article>
<h2 class="section">Phổ biến, giáo dục pháp luật</h2>
<p>Thực hiện Kế hoạch số 184/KH-UBND của UBND tỉnh về chuyển đổi số trong công tác phổ biến, giáo dục pháp luật, trang thông tin của Sở có module PBGDPL dưới đây.</p>
${slot}
</article>
<article>
<h2 class="section">Tin tức</h2>
<p>Hội nghị tập huấn nghiệp vụ phổ biến, giáo dục pháp luật năm 2026 cho đội ngũ báo cáo viên, tuyên truyền viên pháp luật cấp xã.</p>
<p>Ngày Pháp luật Việt Nam 9/11: các cơ quan, đơn vị tổ chức hưởng ứng bằng nhiều hình thức thiết thực.</p>
</article>
</main>
<aside>
<h2 class="section">Liên kết</h2>
<ul><li><a href="#">Cổng Dịch vụ công quốc gia</a></li><li><a href="#">Cơ sở dữ liệu quốc gia về văn bản pháp luật</a></li><li><a href="#">Cổng Pháp luật quốc gia</a></li></ul>
</aside>
</div>
<footer class="site">© Sở Tư pháp tỉnh Bắc Ninh — trang thử cho benchmark</footer>
</body>
</html>
`;
}

function framePage(page, css) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Văn bản pháp luật mới</title>
${css === 'link' ? '<link rel="stylesheet" href="/list.css">' : `<style>${FRAME_BODY_CSS}\n${LIST_CSS}</style>`}
</head>
<body>
${renderList(page, { target: '_blank' })}
</body>
</html>
`;
}
/** The iframe cannot inherit the host's font; it sets the same one (demo.css: 16px Times). */
const FRAME_BODY_CSS = 'html,body{margin:0;background:transparent}body{font:16px/1.6 "Times New Roman",Georgia,serif;color:#222}';

function send(req, res, status, type, body, cacheControl, { quality = 5, precompressed } = {}) {
  const accept = String(req.headers['accept-encoding'] ?? '');
  const headers = { 'Content-Type': type, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' };
  let out = Buffer.isBuffer(body) ? body : Buffer.from(body);
  if (/\bbr\b/.test(accept)) {
    out = precompressed?.br ?? brotliCompressSync(out, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
    headers['Content-Encoding'] = 'br';
  } else if (/\bgzip\b/.test(accept)) {
    out = precompressed?.gz ?? gzipSync(out, { level: 6 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = String(out.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : out);
}

const precompress = (text) => {
  const raw = Buffer.from(text);
  return { raw, br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), gz: gzipSync(raw, { level: 9 }) };
};

/**
 * Starts the host site and the iframe server. `api` is the API origin; the static page renders the
 * list the API returns now (fetched once); the iframe server fetches it again on every request.
 */
export async function startHosts({ api, hostPort, framePort, entryFile, depFiles = [] }) {
  const host = `http://localhost:${hostPort}`;
  const frame = `http://127.0.0.1:${framePort}`;
  const listUrl = `${api}/api/v1/laws?${LIST_QUERY}`;
  const fetchList = async () => {
    const res = await fetch(listUrl);
    if (!res.ok) throw new Error(`${listUrl}: HTTP ${res.status}`);
    return res.json();
  };
  const first = await fetchList();
  if (first.items.length < 5) throw new Error(`${listUrl} returned ${first.items.length} items; the benchmark needs 5`);

  const widget = (style) =>
    `<script src="${api}/embed/v1/loader.js" data-site="demo" async></script>\n<pbgdpl-latest-laws limit="5"${style ? ` style="${style}"` : ''}></pbgdpl-latest-laws>`;
  const iframe = (css) =>
    `<iframe src="${frame}/laws?${LIST_QUERY}&css=${css}" title="Văn bản pháp luật mới" style="display:block;width:100%;height:${IFRAME_HEIGHT}px;border:0"></iframe>`;

  /** name → { title, what, html } */
  const variants = {
    static: {
      what: 'the 5 documents rendered into the host page by its own server; list CSS in a <style> in the page',
      head: `<style>${LIST_CSS}</style>`,
      slot: renderList(first),
    },
    'iframe-inline': {
      what: `<iframe> (height ${IFRAME_HEIGHT}px) of a server-rendered page on ${frame}, CSS inlined in it`,
      slot: iframe('inline'),
    },
    'iframe-link': {
      what: `<iframe> (height ${IFRAME_HEIGHT}px) of a server-rendered page on ${frame}, CSS in a linked /list.css`,
      slot: iframe('link'),
    },
    widget: { what: 'the documented snippet: <script src=loader.js data-site async> + <pbgdpl-latest-laws limit="5">', slot: widget('') },
    'widget-reserved': { what: `the snippet with the documented style="${RESERVE.documented}"`, slot: widget(RESERVE.documented) },
    'widget-hints': {
      what: `WHAT-IF, not a supported snippet: widget-reserved plus hand-written <link rel=modulepreload> for ${[...depFiles, entryFile].map((f) => f.split('/').pop()).join(', ')} and <link rel=preload as=fetch crossorigin> for the list URL in <head>, so code and data start one round trip after the HTML`,
      experimental: true,
      head: [...depFiles, entryFile]
        .map((f) => `<link rel="modulepreload" crossorigin href="${api}/embed/v1/${f}">`)
        .concat(`<link rel="preload" as="fetch" crossorigin href="${api}/api/v1/laws?${LIST_QUERY}">`)
        .join('\n'),
      slot: widget(RESERVE.documented),
    },
    naive: {
      what: `<script type=module src=${api}/embed/v1/${entryFile}> + <pbgdpl-latest-laws limit="5" api site>: no loader, no modulepreload, no prefetch`,
      slot: `<script type="module" src="${api}/embed/v1/${entryFile}"></script>\n<pbgdpl-latest-laws limit="5" api="${api}" site="demo"></pbgdpl-latest-laws>`,
    },
  };
  const pages = new Map();
  for (const [name, v] of Object.entries(variants)) {
    v.url = `${host}/${name}.html`;
    pages.set(`/${name}.html`, precompress(hostPage({ title: name, head: v.head, slot: v.slot })));
  }
  const siteCss = precompress(readFileSync(join(ROOT, 'packages/api/demo/demo.css'), 'utf8'));
  const listCss = precompress(`${FRAME_BODY_CSS}\n${LIST_CSS}\n`);

  const hostServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', host).pathname;
    const page = pages.get(path);
    if (page) return send(req, res, 200, 'text/html; charset=utf-8', page.raw, CACHE.hostPage, { precompressed: page });
    if (path === '/site.css') return send(req, res, 200, 'text/css; charset=utf-8', siteCss.raw, CACHE.hostCss, { precompressed: siteCss });
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  const frameServer = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', frame);
    try {
      if (url.pathname === '/laws') {
        const css = url.searchParams.get('css') === 'link' ? 'link' : 'inline';
        return send(req, res, 200, 'text/html; charset=utf-8', framePage(await fetchList(), css), CACHE.framePage);
      }
      if (url.pathname === '/list.css') return send(req, res, 200, 'text/css; charset=utf-8', listCss.raw, CACHE.frameCss, { precompressed: listCss });
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } catch (e) {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end(String(e));
    }
  });
  await listen(hostServer, hostPort, '127.0.0.1', 'host site');
  await listen(frameServer, framePort, '127.0.0.1', 'iframe server');
  return { host, frame, variants, sizes: { siteCss: siteCss.br.length, listCss: listCss.br.length } };
}
