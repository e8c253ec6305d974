/**
 * Offline mode, on the page: registers the plugin's service worker (with workbox-window) and
 * tells it what this page used before it was in control: the loader, the widget chunks, the
 * province's API responses, the page's stylesheets and the page itself. The worker keeps them,
 * so the page still shows its widgets without a network.
 *
 * Its <script> tag carries data-sw (the worker's address), data-scope, data-assets (the
 * plugin's copy of the embed bundle) and data-api (the province's server). When everything is
 * stored, <html> gets data-pbgdpl-offline="ready".
 */
import { Workbox } from 'workbox-window';

const script = document.currentScript as HTMLScriptElement | null;
const config = script?.dataset ?? {};

if ('serviceWorker' in navigator && config.sw && config.scope && config.assets && config.api) {
  const { sw, scope, assets, api } = config as Record<'sw' | 'scope' | 'assets' | 'api', string>;
  const apiPrefix = `${api.replace(/\/+$/, '')}/api/`;
  const site = new URL(scope, location.href);
  const worth = (url: string) => url.startsWith(assets) || url.startsWith(apiPrefix) || (url.startsWith(site.href) && new URL(url).pathname.endsWith('.css'));

  const wb = new Workbox(sw, { scope });
  let syncing: Promise<unknown> = Promise.resolve();

  const sync = () => {
    const urlsToCache = [
      ...new Set(
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter(worth),
      ),
    ];
    syncing = syncing
      .then(() =>
        Promise.all([
          wb.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache } }),
          wb.messageSW({ type: 'PBGDPL_CACHE_PAGE', url: location.href.split('#')[0] }),
        ]),
      )
      .then(() => document.documentElement.setAttribute('data-pbgdpl-offline', 'ready'))
      .catch((e: unknown) => console.warn('[PBGDPL] offline mode:', e));
    return syncing;
  };

  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else addEventListener('load', () => resolve(), { once: true });
  });

  wb.register()
    .then(() => wb.active)
    .then(() => loaded)
    .then(sync)
    .catch((e: unknown) => console.warn('[PBGDPL] offline mode: the service worker could not start', e));

  // A widget that finishes loading later: store its data too (once the worker runs).
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('pbgdpl-loaded', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void wb.active.then(() => loaded).then(sync), 300);
  });
}
