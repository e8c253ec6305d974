import { hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';

export type SecretSource = (name: string) => Promise<string>;

/**
 * Where the server's secrets (ALTCHA keys, the contact HMAC key, the page-token key) come from.
 * With a master secret (PBGDPL_SECRET or PBGDPL_SECRET_FILE) each is derived from it and none is
 * written anywhere: a copy of the database alone does not give them away. Without one, each is
 * made on first use and kept in the database, so every instance behind a load balancer shares
 * it and it survives restarts.
 */
export function secretSource(db: Kysely<Tables>, master?: string): SecretSource {
  if (master) return async (name) => Buffer.from(hkdfSync('sha256', master, 'pbgdpl', `secret:${name}`, 32)).toString('base64url');
  return (name) => storedSecret(db, name);
}

async function storedSecret(db: Kysely<Tables>, name: string): Promise<string> {
  const found = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
}
