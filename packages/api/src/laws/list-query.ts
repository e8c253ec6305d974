import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';
import { InputError } from '../http/validate.js';
import { decodeCursor, type LawCursor } from './cursor.js';
import { unknownCodes } from './laws.queries.js';

/**
 * What the zod schema cannot check in a list's query, the same for the public and the staff list:
 * the cursor is one we made, and the type, issuer and field codes exist. Returns the decoded cursor.
 */
export async function checkListQuery(
  db: Kysely<Tables>,
  query: { cursor?: string; field?: string; type?: string; issuer?: string },
): Promise<LawCursor | undefined> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);
  const unknown = await unknownCodes(db, query);
  if (unknown.length) {
    throw new InputError(
      unknown.map(({ path, value }) => ({ path, code: 'unknown_value', message: `unknown ${path} "${value}"; GET /api/v1/meta lists the known values` })),
    );
  }
  return cursor;
}
