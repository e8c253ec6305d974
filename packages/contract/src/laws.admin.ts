import * as z from 'zod/mini';
import { Code, IsoDate } from './common.js';
import { Law, LawSummary, RelationKind, Validity } from './laws.js';
import { fromNotAfterTo, lawQueryShape } from './laws.query.js';

const Text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** "91/2025/QH15", "184/KH-UBND": letters, digits and the usual separators; "91 / 2025 / QH15" is stored as "91/2025/QH15". */
export const DocumentNumber = z.string().check(
  z.trim(),
  z.overwrite((s) => s.replace(/\s*([/-])\s*/g, '$1').replace(/\s+/g, ' ')),
  z.minLength(1),
  z.maxLength(60),
  z.regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, 'must be a document number such as 91/2025/QH15'),
);

/** The full-text link is shown to citizens as a link: http(s) only. */
const WebUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).check(z.maxLength(2000));

/** What staff write about a document; the codes must be in GET /api/v1/meta. */
const lawFields = {
  number: DocumentNumber,
  type: Code,
  /** Whether it is a normative legal document (VBQPPL); by default, what its type usually is. */
  normative: z.optional(z.boolean()),
  issuer: Code,
  signer: z.optional(z.nullable(z.strictObject({ name: Text(2, 100), title: Text(0, 150) }))),
  issuedOn: IsoDate,
  effectiveOn: z.optional(z.nullable(IsoDate)),
  expiresOn: z.optional(z.nullable(IsoDate)),
  validity: Validity,
  fields: z.array(Code).check(
    z.minLength(1, 'name at least one field'),
    z.maxLength(10),
    z.refine((codes) => new Set(codes).size === codes.length, 'a field is named twice'),
  ),
  abstract: Text(1, 1000),
  /** Where the full text is; by default the national legal database's search for the number. */
  url: z.optional(WebUrl),
  /** Documents this one amends, replaces, repeals or guides, by number (they need not be in the list). */
  relations: z.optional(z.array(z.strictObject({ kind: RelationKind, number: DocumentNumber })).check(z.maxLength(50))),
};

/** POST /api/v1/admin/laws. */
export const LawInput = z.strictObject(lawFields);
export type LawInput = z.output<typeof LawInput>;

/** PATCH /api/v1/admin/laws/{id}: only what changes; null clears an optional value. */
export const LawPatch = z.partial(LawInput).check(z.refine((v) => Object.keys(v).length > 0, 'the body changes nothing; send at least one field'));
export type LawPatch = z.output<typeof LawPatch>;

/** A document as staff see it: withdrawn ones too. */
export const AdminLaw = z.extend(Law, {
  /** Withdrawn documents stay in the database, out of every public list; their public detail answers 410. */
  withdrawnAt: z.nullable(z.string()),
  withdrawnBy: z.nullable(z.string()),
});
export type AdminLaw = z.infer<typeof AdminLaw>;

/** Which documents the staff list shows. */
export const LawStatus = z.enum(['published', 'withdrawn', 'all']);
export type LawStatus = z.infer<typeof LawStatus>;

/** Query of GET /api/v1/admin/laws: the public filters, and withdrawn documents when asked (all by default). */
export const AdminLawQuery = z.strictObject({ ...lawQueryShape, status: z._default(LawStatus, 'all') }).check(fromNotAfterTo);
export type AdminLawQuery = z.input<typeof AdminLawQuery>;

export const AdminLawSummary = z.extend(LawSummary, { withdrawnAt: z.nullable(z.string()) });
export type AdminLawSummary = z.infer<typeof AdminLawSummary>;

export const AdminLawPage = z.object({
  items: z.array(AdminLawSummary),
  /** How many documents match, all pages together. */
  total: z.number(),
  nextCursor: z.nullable(z.string()),
});
export type AdminLawPage = z.infer<typeof AdminLawPage>;

/** POST /api/v1/admin/laws/{id}/attachments, as multipart/form-data with one part. */
export const AttachmentUpload = z.strictObject({
  /** The PDF or DOCX file; its name (UTF-8) is the name it is downloaded under. */
  file: z.file(),
});
