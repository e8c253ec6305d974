import * as z from 'zod/mini';
import { RelationKind } from './laws.js';

/**
 * The columns an import reads, named as the document's fields are (signer split in two; each kind
 * of relation a column of its own, named as RELATION_KINDS). The required ones are those a new document must have.
 */
export const IMPORT_FIELDS = [
  'number',
  'type',
  'issuer',
  'signerName',
  'signerTitle',
  'issuedOn',
  'effectiveOn',
  'expiresOn',
  'validity',
  'fields',
  'abstract',
  'url',
  'normative',
  'amends',
  'replaces',
  'repeals',
  'guides',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS = ['number', 'type', 'issuer', 'issuedOn', 'validity', 'fields', 'abstract'] as const satisfies readonly ImportField[];

const Header = z.string().check(z.minLength(1), z.maxLength(200));

/** Our field → the spreadsheet's column header, as written in its header row. */
export const ImportMapping = z.strictObject({
  number: Header,
  type: Header,
  issuer: Header,
  signerName: z.optional(Header),
  signerTitle: z.optional(Header),
  issuedOn: Header,
  effectiveOn: z.optional(Header),
  expiresOn: z.optional(Header),
  validity: Header,
  fields: Header,
  abstract: Header,
  url: z.optional(Header),
  normative: z.optional(Header),
  /** Numbers of the documents this one amends, replaces, repeals or guides: one or several in a cell, separated by ";" or line breaks. */
  amends: z.optional(Header),
  replaces: z.optional(Header),
  repeals: z.optional(Header),
  guides: z.optional(Header),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

/** POST /api/v1/admin/laws/imports, as multipart/form-data. */
export const ImportUpload = z.strictObject({
  /** An XLSX workbook (its first sheet) or a UTF-8 CSV file; the first non-empty row holds the headers. */
  file: z.file(),
  /** ImportMapping as JSON; without it the answer proposes one and writes nothing. */
  mapping: z.optional(z.string()),
  /** "false" writes; anything else (or nothing) only reports what would happen. */
  dryRun: z.optional(z.enum(['true', 'false', '1', '0'])),
});

const FieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** What an import does with one row: `unchanged` when the document already says all the row says. */
export const ImportRow = z.object({
  /** The row number the spreadsheet shows. */
  row: z.number(),
  action: z.enum(['create', 'update', 'unchanged', 'refused']),
  number: z.nullable(z.string()),
  /** The document's id (for create, the id it gets; null when refused). */
  id: z.nullable(z.string()),
  /** Why it is refused, per field (`path` is our field name, `column` the header). */
  errors: z.array(z.extend(FieldError, { column: z.nullable(z.string()) })),
  /**
   * The relations the row gives (empty when refused or when no relation column is mapped), each with the id
   * of the published document of that number, this file's rows included; null when none is published.
   */
  relations: z.array(z.object({ kind: RelationKind, number: z.string(), id: z.nullable(z.string()) })),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportReport = z.object({
  dryRun: z.boolean(),
  /** Whether the rows were written (never for a dry run, a proposal or a refused row). */
  applied: z.boolean(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  /** True when the mapping is the server's proposal from the headers, not one that was sent. */
  proposed: z.boolean(),
  /** Required fields no column is mapped to: the rows cannot be read until they are. */
  missing: z.array(z.string()),
  counts: z.object({ rows: z.number(), create: z.number(), update: z.number(), unchanged: z.number(), refused: z.number() }),
  rows: z.array(ImportRow),
});
export type ImportReport = z.infer<typeof ImportReport>;
