/**
 * The embed loader: <script src="{origin}/embed/v1/loader.js" data-site="…" async></script>
 *
 * Finds <pbgdpl-…> elements and <div data-pbgdpl="…"> placeholders, loads the chunk of each widget
 * present (once), starts each widget's first data request while its chunk downloads, and keeps
 * watching for widgets a single-page app adds later. It defines only window.PBGDPL and never
 * throws into the host page.
 */
import { PLACEHOLDER_ATTRIBUTES } from '@pbgdpl/widgets/placeholder-attributes';
import { firstRequest, type Prefetch } from '@pbgdpl/widgets/prefetch';
import { apiUrl } from '@pbgdpl/widgets/api-url';

interface WidgetChunk {
  /** Entry chunk, relative to this script. */
  file: string;
  /** Chunks it imports, to preload in parallel instead of one after the other. */
  deps: string[];
}
declare const __WIDGETS__: Record<string, WidgetChunk>;
declare const __VERSION__: string;

const PREFIX = '[PBGDPL]';
const warn = (...args: unknown[]) => console.warn(PREFIX, ...args);

(() => {
  const global = window as unknown as { PBGDPL?: { version: string; prefetched: Map<string, Prefetch>; scan(root?: ParentNode): void } };
  if (global.PBGDPL) return; // included twice: the first copy already does the work
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || !script.src) return warn('cannot find my own <script> tag; load me with a src attribute');
  if (!window.customElements || !('noModule' in script)) return warn('this browser is too old for the widgets');

  const base = new URL('.', script.src);
  const config = script.dataset;
  const api = config.api || base.origin;
  const widgets = __WIDGETS__;
  const tags = Object.keys(widgets).map((name) => `pbgdpl-${name}`);
  const selector = [...tags, '[data-pbgdpl]'].join(',');
  const requested = new Set<string>();
  const prefetched = new Map<string, Prefetch>();

  const preload = (file: string) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.href = new URL(file, base).href;
    document.head.appendChild(link);
  };

  const load = (name: string) => {
    if (requested.has(name)) return;
    requested.add(name);
    const chunk = widgets[name]!;
    chunk.deps.forEach(preload);
    import(/* @vite-ignore */ new URL(chunk.file, base).href).catch((e: unknown) => warn(`could not load the ${name} widget`, e));
  };

  /** A CMS keeps <div data-pbgdpl="latest-laws" data-limit="5">; the element goes inside it. */
  const upgradePlaceholder = (div: Element): Element | null => {
    const name = div.getAttribute('data-pbgdpl') || '';
    if (div.hasAttribute('data-pbgdpl-ready')) return null;
    if (!widgets[name]) {
      warn(`unknown widget "${name}"; known: ${Object.keys(widgets).join(', ')}`);
      return null;
    }
    const el = document.createElement(`pbgdpl-${name}`);
    const allowed = PLACEHOLDER_ATTRIBUTES[name] ?? [];
    for (const { name: attr, value } of Array.from(div.attributes)) {
      if (!attr.startsWith('data-') || attr === 'data-pbgdpl') continue;
      if (allowed.includes(attr.slice(5))) el.setAttribute(attr.slice(5), value);
      else warn(`ignored ${attr} on a ${name} placeholder; it takes data-${allowed.join(', data-')}`);
    }
    div.setAttribute('data-pbgdpl-ready', '');
    div.appendChild(el);
    return el;
  };

  const prepare = (el: Element) => {
    const name = el.localName.slice('pbgdpl-'.length);
    if (!widgets[name]) return;
    if (!el.hasAttribute('api')) el.setAttribute('api', api);
    if (!el.hasAttribute('site') && config.site) el.setAttribute('site', config.site);
    if (!el.hasAttribute('lang') && config.lang) el.setAttribute('lang', config.lang);
    if (!customElements.get(el.localName)) {
      const url = firstRequest[name]?.(el, el.getAttribute('api') || api);
      if (url && !prefetched.has(url)) {
        // Parsed here, while the widget's code is still downloading, so the widget can draw the
        // list in its very first render instead of a skeleton first.
        const entry: Prefetch = {
          promise: fetch(url, { credentials: 'omit' }).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as unknown })),
        };
        entry.promise.then(
          (result) => (entry.result = result),
          () => {},
        ); // the widget sees a failure when it takes the request
        prefetched.set(url, entry);
      }
    }
    load(name);
    track(el);
  };

  // Once per page view, after the widgets rendered: a page token, then the report (path and
  // widgets), without cookies. The Department of Justice counts coverage from these.
  const shown: Element[] = [];
  const track = (el: Element) => shown.push(el) === 1 && config.site && setTimeout(() => report().catch(() => {}), 1000); // reporting never disturbs the page
  const report = async () => {
    const widgets = await Promise.race([
      Promise.all(
        shown.map((el) =>
          customElements
            .whenDefined(el.localName)
            .then(() => (el as Element & { updateComplete: unknown }).updateComplete)
            .then(() => el.localName.slice(7)),
        ),
      ),
      new Promise<string[]>((r) => setTimeout(r, 15000, [])),
    ]);
    const res = await fetch(apiUrl(api, '/api/v1/views/token', { site: config.site }), { credentials: 'omit' });
    const { token, registered } = (await res.json()) as { token?: string; registered?: boolean | null };
    if (!res.ok) return warn(`the site key "${config.site}" is not registered with the province's API ${api}`);
    if (registered === false)
      warn(
        `${location.origin} is not registered for the site "${config.site}": the widgets show, but questions and feedback cannot be sent; ask the Department of Justice to register this origin`,
      );
    if (widgets.length)
      await fetch(apiUrl(api, '/api/v1/views', {}), {
        method: 'POST',
        body: JSON.stringify({ token, path: location.pathname.slice(0, 300), widgets: [...new Set(widgets)] }),
        credentials: 'omit',
        keepalive: true,
      });
  };

  const scan = (root: ParentNode = document) => {
    try {
      const found = root instanceof Element && root.matches(selector) ? [root] : [];
      found.push(...Array.from(root.querySelectorAll(selector)));
      for (const node of found) {
        const el = node.hasAttribute('data-pbgdpl') ? upgradePlaceholder(node) : node;
        if (el) prepare(el);
      }
    } catch (e) {
      warn('scan failed', e);
    }
  };

  global.PBGDPL = { version: __VERSION__, prefetched, scan };
  scan();
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && scan(n as Element));
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
