/**
 * Cross-site scripting payloads for every place staff- or citizen-written text reaches a page:
 * answers (HTML), question titles and texts, citations, suggestion excerpts, CSV exports.
 *
 * Each payload, if it ever ran, would set `window[XSS_FLAG]` to its own id: a test renders them,
 * then checks that the flag is still unset (and that no script, frame, event handler or
 * javascript: URL made it into the DOM). Plain data, no imports: the widgets' Chromium tests and
 * the API's Node tests both use it.
 */
export const XSS_FLAG = '__pbgdplXss';

export interface XssPayload {
  id: string;
  /** What it tries. */
  kind: string;
  html: string;
}

const run = (id: string) => `window.${XSS_FLAG}='${id}'`;

const payload = (id: string, kind: string, make: (js: string) => string): XssPayload => ({ id, kind, html: make(run(id)) });

export const XSS_PAYLOADS: readonly XssPayload[] = [
  payload('script', 'script element', (js) => `<script>${js}</script>`),
  payload('script-src', 'script with a data: src', (js) => `<script src="data:text/javascript,${encodeURIComponent(js)}"></script>`),
  payload('script-split', 'script split by a filter-stripping trick', (js) => `<scr<script>ipt>${js}</scr</script>ipt>`),
  payload('img-onerror', 'img onerror', (js) => `<img src=x onerror="${js}">`),
  payload('img-onerror-mixed', 'event handler in mixed case', (js) => `<IMG SRC=x OnErRoR="${js}">`),
  payload('img-onerror-noquote', 'unquoted handler, slash separator', (js) => `<img/src=x/onerror=${js}>`),
  payload('svg-onload', 'svg onload', (js) => `<svg onload="${js}"></svg>`),
  payload('svg-script', 'script inside svg', (js) => `<svg><script>${js}</script></svg>`),
  payload(
    'svg-animate',
    'svg animate setting href',
    (js) => `<svg><a><animate attributeName="href" values="javascript:${js}"/><text x="20" y="20">x</text></a></svg>`,
  ),
  payload('body-onload', 'body onload', (js) => `<body onload="${js}">`),
  payload('details-ontoggle', 'details ontoggle (fires without a click)', (js) => `<details open ontoggle="${js}"><summary>x</summary></details>`),
  payload('input-onfocus', 'autofocus onfocus', (js) => `<input autofocus onfocus="${js}">`),
  payload('video-onerror', 'media onerror', (js) => `<video><source onerror="${js}"></video>`),
  payload('a-javascript', 'javascript: URL in href', (js) => `<a href="javascript:${js}">link</a>`),
  payload('a-javascript-case', 'javascript: URL in mixed case and spaces', (js) => `<a href=" JaVaScRiPt:${js}">link</a>`),
  payload('a-javascript-tab', 'javascript: URL split by an encoded tab', (js) => `<a href="jav&#x09;ascript:${js}">link</a>`),
  payload(
    'a-javascript-entities',
    'javascript: URL in HTML entities',
    (js) => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${js}">link</a>`,
  ),
  payload('a-data', 'data: URL in href', (js) => `<a href="data:text/html,<script>${js}</script>">link</a>`),
  payload('a-vbscript', 'vbscript: URL', (js) => `<a href="vbscript:${js}">link</a>`),
  payload('iframe-src', 'iframe with javascript: src', (js) => `<iframe src="javascript:${js}"></iframe>`),
  payload('iframe-srcdoc', 'iframe srcdoc', (js) => `<iframe srcdoc="<script>parent.${js}</script>"></iframe>`),
  payload('object', 'object with a data: URL', (js) => `<object data="data:text/html,<script>${js}</script>"></object>`),
  payload('embed', 'embed with a javascript: src', (js) => `<embed src="javascript:${js}">`),
  payload('form-action', 'form with a javascript: action', (js) => `<form action="javascript:${js}"><button>Gửi</button></form>`),
  payload('style-expression', 'style with expression()', (js) => `<p style="width: expression(${js})">x</p>`),
  payload('style-url', 'style with url(javascript:)', (js) => `<p style="background: url('javascript:${js}')">x</p>`),
  payload('style-tag', 'style element with an import', (js) => `<style>@import 'javascript:${js}';</style><p>x</p>`),
  payload('meta-refresh', 'meta refresh to javascript:', (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`),
  payload('base-href', 'base element', (js) => `<base href="javascript:${js}//">`),
  payload('noscript-mxss', 'mXSS through noscript', (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`),
  payload('template-mxss', 'mXSS through template', (js) => `<template><img src=x onerror="${js}"></template>`),
  payload('math-mxss', 'MathML namespace confusion', (js) => `<math><mtext><table><mglyph><style><img src=x onerror="${js}">`),
  payload('svg-style-mxss', 'SVG namespace confusion with style', (js) => `<svg></p><style><a id="</style><img src=1 onerror=${js}>">`),
  payload('form-mxss', 'nested form mXSS', (js) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${js}>`),
  payload('comment-mxss', 'comment breaking out', (js) => `<!--<img src="--><img src=x onerror=${js}//">`),
  payload('attr-breakout', 'attribute break-out in a title', (js) => `<a title='"><img src=x onerror=${js}>'>x</a>`),
  payload('text-breakout', 'markup in what should be plain text', (js) => `"><img src=x onerror=${js}><"`),
  payload('srcset', 'img srcset onerror', (js) => `<img srcset="x" onerror="${js}">`),
  payload('link-import', 'link element', (js) => `<link rel="stylesheet" href="javascript:${js}">`),
  payload('marquee', 'marquee onstart', (js) => `<marquee onstart="${js}">x</marquee>`),
];

/** URLs alone, for href-like fields (a citation's url, a document's url). */
export const XSS_URLS: readonly XssPayload[] = [
  { id: 'url-javascript', kind: 'javascript: URL', html: `javascript:${run('url-javascript')}` },
  { id: 'url-javascript-case', kind: 'javascript: URL in mixed case', html: ` JavaScript:${run('url-javascript-case')}` },
  { id: 'url-javascript-tab', kind: 'javascript: URL with a tab', html: `java\tscript:${run('url-javascript-tab')}` },
  { id: 'url-data', kind: 'data: URL', html: `data:text/html,<script>${run('url-data')}</script>` },
  { id: 'url-vbscript', kind: 'vbscript: URL', html: `vbscript:${run('url-vbscript')}` },
];
