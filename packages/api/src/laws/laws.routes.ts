import { Hono } from 'hono';
import { routes } from '@pbgdpl/contract';
import type { Db } from '../db/database.js';
import { honoPath } from '../http/paths.js';
import { problem } from '../http/problem.js';
import { InputError, valid } from '../http/validate.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { getLaw, getMeta, listLaws, unknownCodes } from './laws.queries.js';

export function lawRoutes(db: Db) {
  const app = new Hono();

  app.get(honoPath(routes.listLaws.path), valid('query', routes.listLaws.query), async (c) => {
    const query = c.req.valid('query');
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (cursor === null) throw new InputError([{ path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' }]);
    const unknown = await unknownCodes(db.kysely, query);
    if (unknown.length) {
      throw new InputError(
        unknown.map(({ path, value }) => ({ path, code: 'unknown_value', message: `unknown ${path} "${value}"; GET /api/v1/meta lists the known values` })),
      );
    }
    const { items, next } = await listLaws(db.kysely, { ...query, cursor });
    return c.json({ items, nextCursor: next ? encodeCursor(next) : null });
  });

  app.get(honoPath(routes.getLaw.path), valid('param', routes.getLaw.params), valid('query', routes.getLaw.query), async (c) => {
    const { id } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const law = await getLaw(db.kysely, id, lang);
    return law ? c.json(law) : problem(c, 404, `no legal document with id "${id}"`);
  });

  app.get(honoPath(routes.getMeta.path), valid('query', routes.getMeta.query), async (c) => {
    const { lang } = c.req.valid('query');
    return c.json(await getMeta(db.kysely, lang));
  });

  return app;
}
