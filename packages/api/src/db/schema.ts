/** Tables as kysely sees them. Dates are ISO text and flags are 0/1 on both engines, so one query fits both. */
export interface DocTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  normative: number;
  position: number;
}

export interface FieldTable {
  code: string;
  name_vi: string;
  name_en: string;
  position: number;
}

export interface IssuerTable {
  code: string;
  name_vi: string;
  name_en: string;
  position: number;
}

export interface LawTable {
  id: string;
  number: string;
  type_code: string;
  issuer_code: string;
  signer_name: string | null;
  signer_title: string | null;
  issued_on: string;
  effective_on: string | null;
  expires_on: string | null;
  validity: string;
  abstract: string;
  url: string;
  /** foldVietnamese() of everything a citizen may type to find the document. */
  search_text: string;
  updated_at: string;
  /** 0/1 set by staff; null: what its type usually is (doc_types.normative). */
  normative: number | null;
  /** lawId() of number and date of issue: two documents with the same key are the same document. */
  number_key: string | null;
  /** Withdrawn by staff: kept, but out of every public read. */
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** A file attached to a document; its bytes are in the data folder under attachments/<id>. */
export interface LawAttachmentTable {
  id: string;
  law_id: string;
  /** The name it is downloaded under, as staff uploaded it (without any folder). */
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
}

export interface LawFieldTable {
  law_id: string;
  field_code: string;
}

export interface LawRelationTable {
  law_id: string;
  position: number;
  kind: string;
  target_number: string;
}

export interface Tables extends SubmissionTables {
  doc_types: DocTypeTable;
  fields: FieldTable;
  issuers: IssuerTable;
  laws: LawTable;
  law_fields: LawFieldTable;
  law_relations: LawRelationTable;
  law_attachments: LawAttachmentTable;
}

export interface SecretTable {
  name: string;
  value: string;
}

export interface SiteTable {
  key: string;
  name: string;
  kind: string;
  /** JSON array of origins allowed to submit. */
  origins: string;
  contact_rule: string;
  require_name: number;
  answer_days: number;
  contact: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionTable {
  id: string;
  tracking_code: string;
  site_key: string;
  field_code: string;
  title: string;
  content: string;
  asker_name: string | null;
  asker_email: string | null;
  asker_phone: string | null;
  status: string;
  handling_unit: string | null;
  created_at: string;
  due_on: string;
  answer_html: string | null;
  answered_by: string | null;
  answered_at: string | null;
  published: number;
  published_at: string | null;
  rejected_reason: string | null;
  page_url: string | null;
  /** foldVietnamese() of title, question and answer: what search and suggestions match. */
  search_text: string;
  /** 1 when its contact was given more often than the per-contact limit: nobody writes to it unchecked. */
  contact_over_limit: number;
}

export interface QuestionCitationTable {
  question_id: string;
  position: number;
  number: string;
  article: string | null;
  law_id: string | null;
}

export interface FeedbackTable {
  id: string;
  site_key: string;
  kind: string;
  law_id: string | null;
  rating: number;
  message: string;
  contact: string | null;
  page_url: string | null;
  status: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  created_at: string;
  contact_over_limit: number;
}

/** Proof of consent: purposes (JSON array), the notice version shown, and when. */
export interface ConsentTable {
  id: string;
  subject_type: string;
  subject_id: string;
  purposes: string;
  notice_version: string;
  given_at: string;
  withdrawn_at: string | null;
}

export interface IdempotencyTable {
  scope: string;
  key: string;
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: string | null;
  locked_at: string;
  created_at: string;
}

export interface AltchaUsedTable {
  signature: string;
  expires_at: number;
}

export interface StaffTokenTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string | null;
}

export interface UsageTable {
  day: string;
  site_key: string;
  endpoint: string;
  hits: number;
}

/** Page views the loader reported with a page token, per day, page and the widgets it showed. */
export interface PageViewTable {
  day: string;
  site_key: string;
  origin: string;
  path: string;
  /** The widgets that rendered, sorted, comma-separated. */
  widgets: string;
  /** 1 when the origin is registered for the site; views from other origins are kept apart. */
  registered: number;
  views: number;
}

/** Page tokens already counted, until they expire: each token counts one view. */
export interface ViewTokenUsedTable {
  nonce: string;
  expires_at: number;
}

/** A mail to send, written in the transaction of what caused it (an answer), sent by the worker in mail/outbox.ts. */
export interface MailOutboxTable {
  id: string;
  /** What it is about: "answer", and the question's id; one mail per kind and subject. */
  kind: string;
  subject_id: string;
  /** The address, until the mail is sent or given up; then null, so the outbox keeps no copy of it. */
  recipient: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  /** pending → sending → sent; back to pending to retry; failed when the relay refused it for good or too long went by. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** While sending: until when this attempt holds it; past that, a worker takes it over (its process died). */
  locked_until: string | null;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** Every attempt to hand a mail to the relay, and what came of it. */
export interface MailAttemptTable {
  mail_id: string;
  attempt: number;
  started_at: string;
  finished_at: string | null;
  /** sending (under way, or its process died: then interrupted), sent, retry, failed. */
  outcome: string;
  /** The relay's reply ("250 2.0.0 Ok: queued as …") or the error. */
  detail: string | null;
}

export interface SubmissionTables {
  secrets: SecretTable;
  sites: SiteTable;
  questions: QuestionTable;
  question_citations: QuestionCitationTable;
  feedback: FeedbackTable;
  consents: ConsentTable;
  idempotency: IdempotencyTable;
  altcha_used: AltchaUsedTable;
  staff_tokens: StaffTokenTable;
  audit_log: AuditTable;
  usage_daily: UsageTable;
  page_views_daily: PageViewTable;
  view_tokens_used: ViewTokenUsedTable;
  mail_outbox: MailOutboxTable;
  mail_attempts: MailAttemptTable;
}
