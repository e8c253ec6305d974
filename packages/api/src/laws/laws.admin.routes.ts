import { createHash, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { routes } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { jsonBody } from '../http/json-body.js';
import { honoPath } from '../http/paths.js';
import { ProblemError } from '../http/problem.js';
import { valid } from '../http/validate.js';
import type { SuggestIndex } from '../questions/suggest.js';
import { audit, requireStaff, type StaffEnv } from '../security/staff.js';
import { attachmentName, sniffAttachment } from './attachment-file.js';
import type { AttachmentStore } from './attachment-store.js';
import { encodeCursor } from './cursor.js';
import { checkListQuery } from './list-query.js';
import { countLaws, listLaws, readLaw, withdrawnAt } from './laws.queries.js';
import { createLaw, loadForChange, touchLaw, updateLaw, withdrawLaw } from './laws.write.js';

export interface LawAdminDeps {
  db: Kysely<Tables>;
  suggestions: SuggestIndex;
  files: AttachmentStore;
  /** ATTACHMENT_MAX_MB in bytes. */
  attachmentMaxBytes: number;
  /** Where a document's full-text link points when staff give none; {number} is replaced. */
  fullTextUrl: string;
  log: (message: string, error?: unknown) => void;
}

/** A document's fields and relations fit in far less; the abstract is at most 1000 characters. */
const LAW_BODY = 64 * 1024;
/** What multipart/form-data adds around the file: boundaries and part headers. */
const MULTIPART_OVERHEAD = 16 * 1024;

/** Staff publishing legal documents: create, change, withdraw, attach files. Every change is audited. */
export function lawAdminRoutes({ db, suggestions, files, attachmentMaxBytes, fullTextUrl, log }: LawAdminDeps) {
  const app = new Hono<StaffEnv>();
  const editor = requireStaff(db, 'editor');
  // Withdrawing takes a document off every site that shows it: administrators only.
  const admin = requireStaff(db, 'admin');
  const body = jsonBody(LAW_BODY);
  const view = async (id: string) => (await readLaw(db, id, 'vi'))!;
  const tooLarge = () => {
    throw new HTTPException(413, { message: `the file is larger than ${attachmentMaxBytes / 1024 / 1024} MB (ATTACHMENT_MAX_MB)` });
  };
  const multipart = bodyLimit({ maxSize: attachmentMaxBytes + MULTIPART_OVERHEAD, onError: tooLarge });
  for (const path of ['/api/v1/admin/laws', '/api/v1/admin/laws/*']) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  app.get(honoPath(routes.adminListLaws.path), editor, valid('query', routes.adminListLaws.query), async (c) => {
    const query = c.req.valid('query');
    const cursor = await checkListQuery(db, query);
    const [{ items, next }, total] = await Promise.all([listLaws(db, { ...query, cursor }), countLaws(db, query)]);
    const withdrawn = await withdrawnAt(
      db,
      items.map((i) => i.id),
    );
    return c.json({ items: items.map((i) => ({ ...i, withdrawnAt: withdrawn.get(i.id) ?? null })), total, nextCursor: next ? encodeCursor(next) : null });
  });

  app.get(honoPath(routes.adminGetLaw.path), editor, valid('param', routes.adminGetLaw.params), async (c) => {
    const { id } = c.req.valid('param');
    const law = await readLaw(db, id, 'vi');
    if (!law) throw new ProblemError(404, `no document with id "${id}"`);
    return c.json(law);
  });

  app.post(honoPath(routes.adminCreateLaw.path), editor, body, valid('json', routes.adminCreateLaw.body), async (c) => {
    const id = await createLaw(db, c.get('staff'), c.req.valid('json'), fullTextUrl);
    suggestions.invalidate();
    return c.json(await view(id), 201);
  });

  app.patch(
    honoPath(routes.adminUpdateLaw.path),
    editor,
    valid('param', routes.adminUpdateLaw.params),
    body,
    valid('json', routes.adminUpdateLaw.body),
    async (c) => {
      const { id } = c.req.valid('param');
      await updateLaw(db, c.get('staff'), id, c.req.valid('json'));
      suggestions.invalidate();
      return c.json(await view(id));
    },
  );

  app.delete(honoPath(routes.adminWithdrawLaw.path), admin, valid('param', routes.adminWithdrawLaw.params), async (c) => {
    const { id } = c.req.valid('param');
    await withdrawLaw(db, c.get('staff'), id);
    suggestions.invalidate();
    return c.json(await view(id));
  });

  app.post(
    honoPath(routes.adminAddLawAttachment.path),
    editor,
    valid('param', routes.adminAddLawAttachment.params),
    async (c, next) => {
      if (!/^multipart\/form-data\s*;/i.test(c.req.header('Content-Type') ?? '')) {
        throw new HTTPException(415, { message: 'send the file as multipart/form-data, in a part named "file" (curl -F file=@name.pdf)' });
      }
      await loadForChange(db, c.req.valid('param').id);
      await next();
    },
    multipart,
    valid('form', routes.adminAddLawAttachment.body),
    async (c) => {
      const { id } = c.req.valid('param');
      const { file } = c.req.valid('form');
      if (file.size > attachmentMaxBytes) tooLarge();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = sniffAttachment(bytes);
      if (!type) throw new ProblemError(415, `"${file.name}" is not a PDF or DOCX file (by its content); only those are accepted`);
      const named = attachmentName(file.name, type);
      if (!named.ok) throw new ProblemError(415, named.message);
      const staff = c.get('staff');
      const row = {
        id: randomUUID(),
        law_id: id,
        name: named.name,
        media_type: type,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        added_at: new Date().toISOString(),
        added_by: staff.name,
      };
      // The file first, then the row: a row never points at a missing file, and a failed transaction removes the file.
      await files.write(row.id, bytes);
      try {
        await db.transaction().execute(async (trx) => {
          await loadForChange(trx, id);
          await trx.insertInto('law_attachments').values(row).execute();
          await touchLaw(trx, id);
          await audit(trx, staff, 'add-attachment', `law:${id}`, { attachment: row.id, name: row.name, mediaType: type, size: row.size, sha256: row.sha256 });
        });
      } catch (error) {
        await files.remove(row.id);
        throw error;
      }
      return c.json(await view(id), 201);
    },
  );

  app.delete(honoPath(routes.adminDeleteLawAttachment.path), editor, valid('param', routes.adminDeleteLawAttachment.params), async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const staff = c.get('staff');
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('law_attachments').select(['name']).where('id', '=', attachmentId).where('law_id', '=', id).executeTakeFirst();
      if (!row) throw new ProblemError(404, `document "${id}" has no attachment "${attachmentId}"`);
      await trx.deleteFrom('law_attachments').where('id', '=', attachmentId).execute();
      await touchLaw(trx, id);
      await audit(trx, staff, 'delete-attachment', `law:${id}`, { attachment: attachmentId, name: row.name });
    });
    // The row is gone, so nobody is served the file any more; a file left behind is only disk space.
    await files.remove(attachmentId).catch((error: unknown) => log(`could not remove the file of attachment ${attachmentId}`, error));
    return c.json(await view(id));
  });

  return app;
}
