import type { SiteReport } from '@pbgdpl/contract';
import { api } from './api.js';

let loading: Promise<Map<string, string>> | null = null;

/**
 * The registered sites' names by key, for filters and headings: staff read "UBND xã Tam Sơn",
 * never "xa-tam-son". Loaded once (every page of the registry), again after `forgetSites`.
 */
export function siteNames(): Promise<Map<string, string>> {
  loading ??= (async () => {
    const names = new Map<string, string>();
    let cursor: string | null | undefined;
    do {
      const page = await api<{ items: SiteReport[]; nextCursor: string | null }>('GET', '/api/v1/admin/sites', {
        query: { limit: 100, cursor: cursor ?? undefined },
      });
      for (const s of page.items) names.set(s.key, s.name);
      cursor = page.nextCursor;
    } while (cursor);
    return names;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** After a site is registered or renamed. */
export const forgetSiteNames = () => void (loading = null);
