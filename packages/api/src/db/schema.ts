import type { ColumnType } from 'kysely';

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
  law_feeds: LawFeedTable;
  law_feed_runs: LawFeedRunTable;
}

/** A portal's feed read on a schedule (laws/feeds/); the row is also the lock of its runs. */
export interface LawFeedTable {
  id: string;
  name: string;
  url: string;
  every_hours: number;
  default_type: string | null;
  default_issuer: string | null;
  default_field: string;
  enabled: number;
  created_at: string;
  updated_at: string;
  next_run_at: string;
  /** While a run holds the feed: until when; past it, the run is taken to have died. */
  lease_until: string | null;
  lease_owner: string | null;
  last_run_id: string | null;
}

export interface LawFeedRunTable {
  id: string;
  feed_id: string;
  trigger: string;
  /** running, ok, failed, interrupted. */
  state: string;
  started_at: string;
  finished_at: string | null;
  seen: number;
  created: number;
  duplicates: number;
  refused: number;
  error: string | null;
  /** FEED_ERRORS of the contract. */
  error_code: string | null;
  /** JSON array of FeedRunItem. */
  items: string;
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
  /** tinh (provincial) or xa (commune). */
  level: string;
  webmaster_name: string | null;
  webmaster_phone: string | null;
  webmaster_email: string | null;
  /** searchText() of name and key. */
  search_text: string;
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
  /** contactKey() of the e-mail and of the phone: how a person's questions are found (privacy/contact-index.ts). */
  email_key: string | null;
  phone_key: string | null;
  /** When the asker's identity was erased (a request, or the retention purge); the question and answer stay. */
  erased_at: string | null;
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
  /** searchText() of message, contact and reply; '' (found by no search) when an insert leaves it out. */
  search_text: ColumnType<string, string | undefined, string>;
  /** contactKey() of the contact: how a person's feedback is found (privacy/contact-index.ts). */
  contact_key: string | null;
  /** When the contact was erased (a request, or the retention purge). */
  erased_at: string | null;
}

/**
 * Proof of consent: purposes in force (JSON array), the notice version shown, and when. A purpose
 * withdrawn leaves the array and is kept in consent_withdrawals; withdrawn_at is set when none is left.
 */
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

export interface StaffAccountTable {
  id: string;
  username: string;
  username_key: string;
  name: string;
  role: string;
  password_hash: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  disabled_at: string | null;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface StaffSessionTable {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface StaffInviteTable {
  id: string;
  token_hash: string;
  name: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  account_id: string | null;
}

export interface SignInFailureTable {
  username_key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
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

/** The province's settings, one row each; `value` is JSON. "answer_days": working days for an answer; "satisfaction_target": the percentage aimed at. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: string | null;
  updated_by: string | null;
}

/** A purpose of a consent the person withdrew: when, and which member of staff recorded it. */
export interface ConsentWithdrawalTable {
  id: string;
  consent_id: string;
  purpose: string;
  withdrawn_at: string;
  withdrawn_by: string;
}

/** A run of the retention purge: the day's scheduled one (run_key "daily:YYYY-MM-DD", one per day) or one staff started. */
export interface PrivacyPurgeRunTable {
  id: string;
  run_key: string;
  /** daily or manual. */
  trigger: string;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  /** running, done, failed, interrupted. */
  state: string;
  /** JSON: what was erased or deleted, by kind. */
  counts: string | null;
  error: string | null;
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
  staff_accounts: StaffAccountTable;
  staff_sessions: StaffSessionTable;
  staff_invites: StaffInviteTable;
  sign_in_failures: SignInFailureTable;
  usage_daily: UsageTable;
  page_views_daily: PageViewTable;
  view_tokens_used: ViewTokenUsedTable;
  mail_outbox: MailOutboxTable;
  mail_attempts: MailAttemptTable;
  consent_withdrawals: ConsentWithdrawalTable;
  privacy_purge_runs: PrivacyPurgeRunTable;
  settings: SettingTable;
}
