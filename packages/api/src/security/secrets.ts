import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';

/**
 * A server secret kept in the database, made on first use: every instance behind a load balancer
 * shares it, and it survives restarts (ALTCHA challenges and contact keys stay valid).
 */
export async function secret(db: Kysely<Tables>, name: string): Promise<string> {
  const found = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
}
