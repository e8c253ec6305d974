import { Hono, type Context } from 'hono';
import { routes } from '@pbgdpl/contract';
import type { Db } from '../db/database.js';
import { FRESH_READ } from '../http/cache.js';
import { honoPath } from '../http/paths.js';
import { problem } from '../http/problem.js';
import { valid } from '../http/validate.js';
import { contentDisposition } from './attachment-file.js';
import type { AttachmentStore } from './attachment-store.js';
import { encodeCursor } from './cursor.js';
import { checkListQuery } from './list-query.js';
import { getMeta, listLaws, readLaw } from './laws.queries.js';

const gone = (c: Context, withdrawnAt: string) => problem(c, 410, `the document was withdrawn on ${withdrawnAt.slice(0, 10)}`);

export function lawRoutes(db: Db, files: AttachmentStore) {
  const app = new Hono();

  app.get(honoPath(routes.listLaws.path), valid('query', routes.listLaws.query), async (c) => {
    const query = c.req.valid('query');
    const cursor = await checkListQuery(db.kysely, query);
    const { items, next } = await listLaws(db.kysely, { ...query, cursor });
    c.header('Cache-Control', FRESH_READ);
    return c.json({ items, nextCursor: next ? encodeCursor(next) : null });
  });

  app.get(honoPath(routes.getLaw.path), valid('param', routes.getLaw.params), valid('query', routes.getLaw.query), async (c) => {
    const { id } = c.req.valid('param');
    const { lang } = c.req.valid('query');
    const found = await readLaw(db.kysely, id, lang);
    if (!found) return problem(c, 404, `no legal document with id "${id}"`);
    const { withdrawnAt, withdrawnBy: _by, ...law } = found;
    if (withdrawnAt) return gone(c, withdrawnAt);
    c.header('Cache-Control', FRESH_READ);
    return c.json(law);
  });

  app.get(honoPath(routes.getLawAttachment.path), valid('param', routes.getLawAttachment.params), async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const row = await db.kysely
      .selectFrom('law_attachments as a')
      .innerJoin('laws as l', 'l.id', 'a.law_id')
      .select(['a.name', 'a.media_type', 'a.size', 'a.sha256', 'l.withdrawn_at'])
      .where('a.id', '=', attachmentId)
      .where('a.law_id', '=', id)
      .executeTakeFirst();
    if (!row) return problem(c, 404, `document "${id}" has no attachment "${attachmentId}"`);
    if (row.withdrawn_at) return gone(c, row.withdrawn_at);
    const bytes = await files.read(attachmentId);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': row.media_type,
      'Content-Length': String(row.size),
      'Content-Disposition': contentDisposition(row.name),
      'X-Content-Type-Options': 'nosniff',
      // The bytes of an attachment never change (a new file is a new attachment): its hash is its tag.
      ETag: `"${row.sha256}"`,
      'Cache-Control': FRESH_READ,
    });
  });

  app.get(honoPath(routes.getMeta.path), valid('query', routes.getMeta.query), async (c) => {
    const { lang } = c.req.valid('query');
    return c.json(await getMeta(db.kysely, lang));
  });

  return app;
}
