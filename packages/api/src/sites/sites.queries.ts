import type { Kysely } from 'kysely';
import { slugify, type ContactRule, type PublicSite, type Site, type SiteLevel } from '@pbgdpl/contract';
import type { SiteTable, Tables } from '../db/schema.js';
import { ProblemError } from '../http/problem.js';
import { searchText } from '../search/text-search.js';

export const toSite = (r: SiteTable): Site => ({
  key: r.key,
  name: r.name,
  kind: r.kind as Site['kind'],
  level: r.level as SiteLevel,
  contactRule: r.contact_rule as ContactRule,
  requireName: Number(r.require_name) === 1,
  answerDays: Number(r.answer_days),
  origins: JSON.parse(r.origins) as string[],
  contact: r.contact,
  webmaster: { name: r.webmaster_name, phone: r.webmaster_phone, email: r.webmaster_email },
  createdAt: r.created_at,
});

/** `answersByEmail`: whether this server sends answers by e-mail (it has an SMTP relay). */
export const toPublicSite = ({ key, name, kind, contactRule, requireName, answerDays }: Site, answersByEmail: boolean): PublicSite => ({
  key,
  name,
  kind,
  contactRule,
  requireName,
  answerDays,
  answersByEmail,
});

export async function getSite(db: Kysely<Tables>, key: string): Promise<Site | null> {
  const row = await db.selectFrom('sites').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toSite(row) : null;
}

export async function listSites(db: Kysely<Tables>): Promise<Site[]> {
  return (await db.selectFrom('sites').selectAll().orderBy('key').execute()).map(toSite);
}

/** What is written of a site; level and webmaster may be left out (a commune's committee is at level xa). */
export type SiteWrite = Omit<Site, 'createdAt' | 'level' | 'webmaster'> & { level?: SiteLevel; webmaster?: Site['webmaster'] };

const orNull = (text: string | null | undefined) => (text ? text : null);

function columns(s: SiteWrite, now: string) {
  return {
    name: s.name,
    kind: s.kind,
    level: s.level ?? (s.kind === 'ubnd-xa' ? 'xa' : 'tinh'),
    origins: JSON.stringify([...new Set(s.origins)]),
    contact_rule: s.contactRule,
    require_name: s.requireName ? 1 : 0,
    answer_days: s.answerDays,
    contact: s.contact,
    webmaster_name: orNull(s.webmaster?.name),
    webmaster_phone: orNull(s.webmaster?.phone),
    webmaster_email: orNull(s.webmaster?.email),
    search_text: searchText(s.name, s.key),
    updated_at: now,
  };
}

/** Registers the site under its key, or replaces what is registered under it. */
export async function putSite(db: Kysely<Tables>, s: SiteWrite): Promise<Site> {
  const now = new Date().toISOString();
  const values = columns(s, now);
  await db
    .insertInto('sites')
    .values({ key: s.key, created_at: now, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  return (await getSite(db, s.key))!;
}

/** Registers a new site; a key already registered is a 409, and nothing is changed. */
export async function registerSite(db: Kysely<Tables>, s: SiteWrite): Promise<Site> {
  const now = new Date().toISOString();
  const inserted = await db
    .insertInto('sites')
    .values({ key: s.key, created_at: now, ...columns(s, now) })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!inserted) throw new ProblemError(409, `a site with the key "${s.key}" is registered already`);
  return (await getSite(db, s.key))!;
}

/** The longest key the contract accepts. */
const KEY_MAX = 64;

/**
 * A key for a new site made from its name, without diacritics ("UBND xã Tân Sơn" → "ubnd-xa-tan-son"),
 * with "-2", "-3"… when it is taken.
 */
export async function freeKey(db: Kysely<Tables>, name: string): Promise<string> {
  const base =
    slugify(name)
      .slice(0, KEY_MAX - 4)
      .replace(/-+$/, '') || 'site';
  const taken = new Set(
    (
      await db
        .selectFrom('sites')
        .select('key')
        .where((eb) => eb.or([eb('key', '=', base), eb('key', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.key),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Origins of every registered site, for CORS preflights (which do not say the site), for refusing a
 * write from an unknown origin before its body is read, and for the usage counter (which counts
 * registered keys only). Re-read at most every 30 s, and at once (at most once a second) when an
 * origin is not in it, so a site registered a moment ago is not refused.
 */
export class SiteDirectory {
  private cache: { at: number; origins: Set<string>; keys: Set<string>; bySite: Map<string, Set<string>> } | null = null;
  private reading: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Tables>) {}

  async snapshot() {
    if (!this.cache || Date.now() - this.cache.at > 30_000) await this.reload();
    return this.cache!;
  }

  knowsOrigin(origin: string): Promise<boolean> {
    if (!origin) return Promise.resolve(false);
    return this.knows((c) => c.origins.has(origin));
  }

  knowsSite(key: string): Promise<boolean> {
    return this.knows((c) => c.keys.has(key));
  }

  /** Whether `origin` is registered for the site `key`. */
  originOf(key: string, origin: string): Promise<boolean> {
    return this.knows((c) => c.bySite.get(key)?.has(origin) === true);
  }

  private async knows(test: (cache: NonNullable<SiteDirectory['cache']>) => boolean): Promise<boolean> {
    if (test(await this.snapshot())) return true;
    if (Date.now() - this.cache!.at > 1000) await this.reload();
    return test(this.cache!);
  }

  invalidate() {
    this.cache = null;
  }

  private reload() {
    this.reading ??= listSites(this.db)
      .then((sites) => {
        this.cache = {
          at: Date.now(),
          origins: new Set(sites.flatMap((s) => s.origins)),
          keys: new Set(sites.map((s) => s.key)),
          bySite: new Map(sites.map((s) => [s.key, new Set(s.origins)])),
        };
      })
      .finally(() => (this.reading = null));
    return this.reading;
  }
}
