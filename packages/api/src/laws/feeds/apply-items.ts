import { LawInput, type FeedRunItem } from '@pbgdpl/contract';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { ProblemError } from '../../http/problem.js';
import { InputError, validOrThrow } from '../../http/validate.js';
import type { Staff } from '../../security/staff.js';
import type { Lists } from '../import/cell-values.js';
import { lawId } from '../law-id.js';
import { createLawIn } from '../laws.write.js';
import type { FeedItem } from './parse-feed.js';
import { readItem, type FeedDefaults } from './read-item.js';

export interface ApplyContext {
  trx: Kysely<Tables>;
  /** Who the audit log says created the documents: the feed. */
  staff: Staff;
  lists: Lists;
  defaults: FeedDefaults;
  fullTextUrl: string;
}

/**
 * Each item through the same write as POST /api/v1/admin/laws, in the caller's transaction: a
 * number already published (by staff, an import, another feed, an earlier run, or an earlier item
 * of this feed) is skipped as a duplicate; an item the schema or the write refuses is refused with
 * the reason. Nothing here throws for one bad item.
 */
export async function applyItems(ctx: ApplyContext, items: FeedItem[]): Promise<FeedRunItem[]> {
  const done: FeedRunItem[] = [];
  const seen = new Map<string, string>();
  for (const item of items) done.push(await applyItem(ctx, item, seen));
  return done;
}

async function applyItem(ctx: ApplyContext, item: FeedItem, seen: Map<string, string>): Promise<FeedRunItem> {
  const base = { title: item.title, link: item.link };
  const read = readItem(item, ctx.lists, ctx.defaults);
  if (!read.ok) return { ...base, number: read.number, action: 'refused', id: null, reason: read.reason, reasonCode: read.code };
  const refused = (reason: string): FeedRunItem => ({ ...base, number: read.law.number, action: 'refused', id: null, reason, reasonCode: 'invalid' });
  let law: LawInput;
  try {
    law = await validOrThrow(LawInput, read.law);
  } catch (error) {
    if (error instanceof InputError) return refused(error.message);
    throw error;
  }
  const key = lawId(law.number, law.issuedOn);
  const earlier = seen.get(key);
  if (earlier)
    return {
      ...base,
      number: law.number,
      action: 'duplicate',
      id: earlier,
      reason: 'the same number is on an earlier item of this feed',
      reasonCode: 'same-in-feed',
    };
  const existing = await ctx.trx.selectFrom('laws').select('id').where('number_key', '=', key).executeTakeFirst();
  if (existing) {
    seen.set(key, existing.id);
    return { ...base, number: law.number, action: 'duplicate', id: existing.id, reason: null, reasonCode: null };
  }
  try {
    const id = await createLawIn(ctx.trx, ctx.staff, law, ctx.fullTextUrl);
    seen.set(key, id);
    return { ...base, number: law.number, action: 'create', id, reason: null, reasonCode: null };
  } catch (error) {
    if (error instanceof InputError) return refused(error.message);
    if (error instanceof ProblemError && error.status < 500) return refused(error.detail);
    throw error;
  }
}

export const countsOf = (items: FeedRunItem[]) => ({
  seen: items.length,
  created: items.filter((i) => i.action === 'create').length,
  duplicates: items.filter((i) => i.action === 'duplicate').length,
  refused: items.filter((i) => i.action === 'refused').length,
});
