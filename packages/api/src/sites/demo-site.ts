import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import { getSite, putSite } from './sites.queries.js';

/**
 * The "demo" site the demo pages and the README's snippet use. Its submissions are accepted from
 * the origins given (the server's own, and DEMO_SITE_ORIGINS); reads are open to every origin anyway.
 */
export async function ensureDemoSite(db: Kysely<Tables>, origins: string[]) {
  const existing = await getSite(db, 'demo');
  await putSite(db, {
    key: 'demo',
    name: 'Trang thử của bộ công cụ PBGDPL',
    kind: 'so-ban-nganh',
    contactRule: existing?.contactRule ?? 'email-or-phone',
    requireName: existing?.requireName ?? true,
    answerDays: existing?.answerDays ?? 10,
    contact: existing?.contact ?? null,
    ...(existing ? { level: existing.level, webmaster: existing.webmaster } : {}),
    origins: [...new Set([...(existing?.origins ?? []), ...origins])],
  });
}
