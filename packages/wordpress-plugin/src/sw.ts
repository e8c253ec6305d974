/**
 * The offline mode's service worker. WordPress serves it at /?pbgdpl-sw=1 (includes/offline.php)
 * with its settings first, as self.PBGDPL_SW; the build bundles this file with Workbox and puts
 * the list of the embed bundle's files in place of self.__WB_MANIFEST.
 *
 *   loader.js and the widget chunks: stored when the worker installs; chunks cache first
 *   the province's API (GET …/api/…):  network first, the last good answer when offline
 *   the pages with widgets:           the network, or the copy stored as a visitor sees it
 *   the site's stylesheets:           network first, the stored copy when offline
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

interface Settings {
  /** The plugin's copy of the embed bundle, ending in /. */
  assets: string;
  /** The province's server. */
  api: string;
  /** The site's home, ending in /. */
  scope: string;
  /** Addresses never served from a copy: wp-admin, wp-login.php, the REST API. */
  skip: string[];
  version: string;
}

interface MessageEvent {
  data: unknown;
  ports: readonly MessagePort[];
  waitUntil(promise: Promise<unknown>): void;
}

/** The parts of the service worker's global scope used here (the DOM typings lack them). */
interface WorkerScope {
  PBGDPL_SW: Settings;
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
/** Replaced by the build (workbox-build's injectManifest) with the list of the bundle's files. */
const bundleFiles = (self as unknown as { __WB_MANIFEST: { url: string; revision: string | null }[] }).__WB_MANIFEST;
const settings = worker.PBGDPL_SW;
const PAGES = 'pbgdpl-pages';
const REFRESH_PAGE_MS = 10 * 60 * 1000;

setCacheNameDetails({ prefix: 'pbgdpl', suffix: 'v1' });
void worker.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();

const assets = new URL(settings.assets, worker.location.href).href;
const apiPrefix = `${settings.api.replace(/\/+$/, '')}/api/`;
const scope = new URL(settings.scope, worker.location.href).href;
const skipped = (url: string) => settings.skip.some((prefix) => url.startsWith(prefix));
const ok = () => new CacheableResponsePlugin({ statuses: [200] });

// The loader and every chunk of the bundle, with their revisions (loader.js?ver=… matches too).
precacheAndRoute(
  bundleFiles.map((entry) => ({ url: new URL(entry.url, assets).href, revision: entry.revision })),
  { ignoreURLParametersMatching: [/^ver$/] },
);

// Chunks have their hash in their name and never change.
registerRoute(
  ({ url }) => url.href.startsWith(`${assets}chunks/`),
  new CacheFirst({ cacheName: 'pbgdpl-chunks', plugins: [ok(), new ExpirationPlugin({ maxEntries: 60 })] }),
);
registerRoute(
  ({ url }) => url.href.startsWith(assets),
  new NetworkFirst({ cacheName: 'pbgdpl-assets', plugins: [ok(), new ExpirationPlugin({ maxEntries: 20 })] }),
);

// The province's data: fresh when the network answers within 8 s, else the last good answer.
registerRoute(
  ({ url }) => url.href.startsWith(apiPrefix),
  new NetworkFirst({
    cacheName: 'pbgdpl-api',
    networkTimeoutSeconds: 8,
    plugins: [ok(), new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 30 * 24 * 3600 })],
  }),
);

// The site's stylesheets, so a page read offline keeps its look.
const isSiteStylesheet = (url: URL) => url.href.startsWith(scope) && !skipped(url.href) && url.pathname.endsWith('.css');
registerRoute(({ url }) => isSiteStylesheet(url), new NetworkFirst({ cacheName: 'pbgdpl-styles', plugins: [ok(), new ExpirationPlugin({ maxEntries: 60 })] }));

// Pages: always the network; a stored copy (see PBGDPL_CACHE_PAGE) only when the network fails.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.href.startsWith(scope) && !skipped(url.href),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      const copy = await caches.open(PAGES).then((cache) => cache.match(request.url.split('#')[0]!));
      if (copy) return copy;
      throw error;
    }
  },
);

/** Stores a page with widgets as a visitor sees it (no cookies), at most every 10 minutes. */
async function storePage(address: unknown): Promise<boolean> {
  if (typeof address !== 'string') return false;
  const url = new URL(address, scope);
  url.hash = '';
  if (!url.href.startsWith(scope) || skipped(url.href) || url.searchParams.has('preview')) return false;
  const cache = await caches.open(PAGES);
  const stored = await cache.match(url.href);
  const storedAt = Number(stored?.headers.get('x-pbgdpl-stored-at') ?? 0);
  if (stored && Date.now() - storedAt < REFRESH_PAGE_MS) return true;
  const response = await fetch(url.href, { credentials: 'omit', redirect: 'follow' });
  const type = response.headers.get('content-type') ?? '';
  const control = response.headers.get('cache-control') ?? '';
  if (!response.ok || response.redirected || !type.includes('text/html') || /no-store|private/.test(control)) return false;
  const headers = new Headers(response.headers);
  headers.set('x-pbgdpl-stored-at', String(Date.now()));
  const body = await response.blob();
  await cache.put(url.href, new Response(body, { status: 200, statusText: 'OK', headers }));
  return true;
}

worker.addEventListener('message', (event) => {
  const data = event.data as { type?: string; url?: unknown } | null;
  if (data?.type !== 'PBGDPL_CACHE_PAGE') return;
  const done = storePage(data.url).catch(() => false);
  event.waitUntil(done);
  void done.then((stored) => event.ports[0]?.postMessage(stored));
});
