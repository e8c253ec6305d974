import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../db/schema.js';

/** A claim older than this is taken to belong to a process that died mid-request. */
export const LEASE_MS = 30_000;

export interface StoredResponse {
  status: number;
  body: string;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'in-flight' } | { kind: 'mismatch' };

/** JSON with sorted keys, so the same body hashes the same however its keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const requestHash = (body: unknown) => createHash('sha256').update(canonical(body)).digest('hex');

/**
 * Exactly-once for submissions. The key is claimed in its own committed write, so a concurrent
 * request with the same key sees it at once (409); the submission and the stored response are
 * then committed together (completeKey inside the submission's transaction), so a crash leaves
 * either nothing or both. A claim whose process died is taken over after LEASE_MS.
 */
export async function claimKey(db: Kysely<Tables>, scope: string, key: string, hash: string): Promise<Claim> {
  const now = new Date();
  const inserted = await db
    .insertInto('idempotency')
    .values({
      scope,
      key,
      request_hash: hash,
      state: 'in-flight',
      response_status: null,
      response_body: null,
      locked_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'claimed' };

  const row = await db.selectFrom('idempotency').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  if (!row) return claimKey(db, scope, key, hash); // released meanwhile
  if (row.request_hash !== hash) return { kind: 'mismatch' };
  if (row.state === 'done') return { kind: 'replay', response: { status: Number(row.response_status), body: row.response_body ?? '' } };
  if (now.getTime() - Date.parse(row.locked_at) < LEASE_MS) return { kind: 'in-flight' };
  const taken = await db
    .updateTable('idempotency')
    .set({ locked_at: now.toISOString() })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('state', '=', 'in-flight')
    .where('locked_at', '=', row.locked_at)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? { kind: 'claimed' } : { kind: 'in-flight' };
}

export async function completeKey(trx: Transaction<Tables>, scope: string, key: string, response: StoredResponse) {
  await trx
    .updateTable('idempotency')
    .set({ state: 'done', response_status: response.status, response_body: response.body })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/** After a refusal that stored nothing, the key is free again, for a corrected retry. */
export async function releaseKey(db: Kysely<Tables>, scope: string, key: string) {
  await db.deleteFrom('idempotency').where('scope', '=', scope).where('key', '=', key).where('state', '=', 'in-flight').execute();
}
