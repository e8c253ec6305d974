import * as z from 'zod/mini';
import { Code, IsoDate, Labelled } from './common.js';

/** Tình trạng hiệu lực: fixed by law, so a closed list. */
export const VALIDITY = ['con-hieu-luc', 'het-hieu-luc-mot-phan', 'het-hieu-luc-toan-bo', 'chua-co-hieu-luc', 'ngung-hieu-luc'] as const;
export const Validity = z.enum(VALIDITY);
export type Validity = z.infer<typeof Validity>;

export const RELATION_KINDS = ['amends', 'replaces', 'repeals', 'guides'] as const;
export const RelationKind = z.enum(RELATION_KINDS);

/** Files staff may attach to a document (the full text as signed, an appendix): PDF or DOCX, told apart by their bytes. */
export const ATTACHMENT_TYPES = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
} as const;
export const AttachmentMediaType = z.enum(Object.keys(ATTACHMENT_TYPES) as [keyof typeof ATTACHMENT_TYPES, ...(keyof typeof ATTACHMENT_TYPES)[]]);

/** A file attached to a document; `url` serves it to anyone, as a download. */
export const LawAttachment = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: AttachmentMediaType,
  /** Bytes. */
  size: z.number(),
  url: z.string(),
  addedAt: z.string(),
});
export type LawAttachment = z.infer<typeof LawAttachment>;

/** One document in a list: what a widget shows. */
export const LawSummary = z.object({
  id: Code,
  number: z.string(),
  type: Labelled,
  issuer: Labelled,
  issuedOn: IsoDate,
  effectiveOn: z.nullable(IsoDate),
  validity: z.object({ code: Validity, label: z.string() }),
  fields: z.array(Labelled),
  abstract: z.string(),
  url: z.string(),
});
export type LawSummary = z.infer<typeof LawSummary>;

/** One document in full: the Decree 42/2022 minimum plus relations. */
export const Law = z.extend(LawSummary, {
  normative: z.boolean(),
  signer: z.nullable(z.object({ name: z.string(), title: z.string() })),
  expiresOn: z.nullable(IsoDate),
  relations: z.array(z.object({ kind: RelationKind, number: z.string(), id: z.nullable(Code) })),
  attachments: z.array(LawAttachment),
  updatedAt: z.string(),
});
export type Law = z.infer<typeof Law>;

export const LawPage = z.object({
  items: z.array(LawSummary),
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type LawPage = z.infer<typeof LawPage>;
