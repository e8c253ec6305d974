import * as z from 'zod/mini';
import {
  AdminFeedbackPage,
  AdminFeedbackQuery,
  AdminQuestion,
  AdminQuestionPage,
  AdminQuestionQuery,
  AnswerInput,
  AuditPage,
  AuditQuery,
  ClassifyInput,
  ExportQuery,
  NewStaffToken,
  PublishInput,
  RejectInput,
  ReplyInput,
  SiteReports,
  StaffToken,
  TokenInput,
  AdminFeedback,
} from './admin.js';
import { Code } from './common.js';
import { Law, LawPage } from './laws.js';
import { AdminLaw, AdminLawPage, AdminLawQuery, AttachmentUpload, LawInput, LawPatch } from './laws.admin.js';
import { ImportReport, ImportUpload } from './laws.import.js';
import { LangQuery, LawQuery } from './laws.query.js';
import { Meta } from './meta.js';
import { PublicSite, Site, SiteInput } from './sites.js';
import {
  ChallengeQuery,
  FeedbackInput,
  FeedbackReceipt,
  QuestionInput,
  QuestionPage,
  QuestionQuery,
  QuestionReceipt,
  QuestionStatusView,
  SuggestQuery,
  Suggestions,
} from './submissions.js';
import { PageViewReport, ViewToken, ViewTokenQuery } from './views.js';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: /api/v1/laws/{id} */
  path: string;
  summary: string;
  tags: string[];
  params?: z.ZodMiniObject;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Media type of the body; application/json unless said. */
  consumes?: string;
  /** JSON response; omitted for CSV and other bodies described by `produces`. */
  response?: z.ZodMiniType;
  produces?: string;
  /** Status of a success; 200 unless said. */
  status?: number;
  /** Public reads are cacheable and open to every origin. */
  cache?: 'public' | 'none';
  /** Staff routes: the bearer token's role must be at least this. */
  auth?: 'editor' | 'admin';
  /** A citizen's submission: registered origins only, Idempotency-Key, rate limits, ALTCHA. */
  submission?: boolean;
  /** Other refusals this route may answer, by status, with what they mean. */
  problems?: Record<number, string>;
}

const TrackingParams = z.strictObject({ code: z.string().check(z.maxLength(40), z.regex(/^[A-Za-z0-9-]+$/, 'not a tracking code')) });
const AttachmentParams = z.strictObject({ id: Code, attachmentId: z.uuid() });
const IdParams = z.strictObject({ id: z.string().check(z.maxLength(64), z.regex(/^[A-Za-z0-9-]+$/, 'not an id')) });

/** Every route of the API. The server validates with these, and OpenAPI is generated from them. */
export const routes = {
  listLaws: {
    method: 'get',
    path: '/api/v1/laws',
    tags: ['laws'],
    cache: 'public',
    summary: 'Newest legal documents first, filtered and searched (diacritics optional).',
    query: LawQuery,
    response: LawPage,
  },
  getLaw: {
    method: 'get',
    path: '/api/v1/laws/{id}',
    tags: ['laws'],
    cache: 'public',
    summary: 'One legal document in full.',
    params: z.strictObject({ id: Code }),
    query: LangQuery,
    response: Law,
    problems: { 410: 'The document was withdrawn by the province.' },
  },
  getLawAttachment: {
    method: 'get',
    path: '/api/v1/laws/{id}/attachments/{attachmentId}',
    tags: ['laws'],
    cache: 'public',
    summary: "A file attached to a document, as a download under its original name (the `url` of the document's `attachments`).",
    params: AttachmentParams,
    problems: { 410: 'The document was withdrawn by the province.' },
  },
  getMeta: {
    method: 'get',
    path: '/api/v1/meta',
    tags: ['laws'],
    cache: 'public',
    summary: 'The lists a filter may use: fields, types, issuers, validity, with labels.',
    query: LangQuery,
    response: Meta,
  },
  getSite: {
    method: 'get',
    path: '/api/v1/sites/{key}',
    tags: ['sites'],
    cache: 'public',
    summary: 'What a form needs to know about the site it is on: which contacts are required, how soon answers come.',
    params: z.strictObject({ key: Code }),
    response: PublicSite,
  },
  getChallenge: {
    method: 'get',
    path: '/api/v1/challenge',
    tags: ['submissions'],
    cache: 'none',
    summary: 'An ALTCHA proof-of-work challenge; solve it and send the payload as `altcha` with a question or feedback.',
    query: ChallengeQuery,
    response: z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.optional(z.string()) }),
  },
  listQuestions: {
    method: 'get',
    path: '/api/v1/questions',
    tags: ['questions'],
    cache: 'public',
    summary: 'Published questions and their answers: newest first, or with `q` the most relevant first (diacritics do not matter); `total` counts them all.',
    query: QuestionQuery,
    response: QuestionPage,
  },
  suggestAnswers: {
    method: 'get',
    path: '/api/v1/questions/suggest',
    tags: ['questions'],
    cache: 'public',
    summary: 'While a citizen writes: the closest published answers and the most relevant documents, with citations.',
    query: SuggestQuery,
    response: Suggestions,
  },
  askQuestion: {
    method: 'post',
    path: '/api/v1/questions',
    tags: ['questions'],
    status: 201,
    submission: true,
    summary: 'Ask a question. Returns a tracking code.',
    body: QuestionInput,
    response: QuestionReceipt,
  },
  getQuestionStatus: {
    method: 'get',
    path: '/api/v1/questions/{code}',
    tags: ['questions'],
    cache: 'none',
    summary: 'Status and answer of a question, by its tracking code.',
    params: TrackingParams,
    response: QuestionStatusView,
  },
  getViewToken: {
    method: 'get',
    path: '/api/v1/views/token',
    tags: ['usage'],
    cache: 'none',
    summary: 'A signed token for one page view, valid a few minutes; the loader asks for it after the widgets have rendered.',
    query: ViewTokenQuery,
    response: ViewToken,
  },
  reportView: {
    method: 'post',
    path: '/api/v1/views',
    tags: ['usage'],
    status: 204,
    consumes: 'text/plain',
    summary:
      "The loader's report of one page view: the token, the page's path and the widgets that rendered, as JSON sent as text/plain (no preflight, no cookie). Counted once per token, apart when the Origin is not registered for the site.",
    body: PageViewReport,
  },
  sendFeedback: {
    method: 'post',
    path: '/api/v1/feedback',
    tags: ['feedback'],
    status: 201,
    submission: true,
    summary: 'Send feedback on a page, a complaint about a legal document, or a comment on a draft.',
    body: FeedbackInput,
    response: FeedbackReceipt,
  },

  adminListQuestions: {
    method: 'get',
    path: '/api/v1/admin/questions',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'Questions for staff, with personal data (each read is audited).',
    query: AdminQuestionQuery,
    response: AdminQuestionPage,
  },
  adminGetQuestion: {
    method: 'get',
    path: '/api/v1/admin/questions/{id}',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'One question, with personal data (audited).',
    params: IdParams,
    response: AdminQuestion,
  },
  adminClassifyQuestion: {
    method: 'patch',
    path: '/api/v1/admin/questions/{id}',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'Classify: set the field, the handling unit, or mark it in progress.',
    params: IdParams,
    body: ClassifyInput,
    response: AdminQuestion,
  },
  adminAnswerQuestion: {
    method: 'post',
    path: '/api/v1/admin/questions/{id}/answer',
    tags: ['moderation'],
    auth: 'editor',
    summary: "Answer with citations; optionally publish (only with the citizen's consent to publication).",
    params: IdParams,
    body: AnswerInput,
    response: AdminQuestion,
  },
  adminPublishQuestion: {
    method: 'post',
    path: '/api/v1/admin/questions/{id}/publish',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'Publish or withdraw an answered question.',
    params: IdParams,
    body: PublishInput,
    response: AdminQuestion,
  },
  adminRejectQuestion: {
    method: 'post',
    path: '/api/v1/admin/questions/{id}/reject',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'Reject a question, with the reason the citizen will see.',
    params: IdParams,
    body: RejectInput,
    response: AdminQuestion,
  },
  adminListFeedback: {
    method: 'get',
    path: '/api/v1/admin/feedback',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'Feedback for staff, with contacts (audited).',
    query: AdminFeedbackQuery,
    response: AdminFeedbackPage,
  },
  adminReplyFeedback: {
    method: 'post',
    path: '/api/v1/admin/feedback/{id}/reply',
    tags: ['moderation'],
    auth: 'editor',
    summary: 'Record the reply given to a feedback.',
    params: IdParams,
    body: ReplyInput,
    response: AdminFeedback,
  },
  adminExportQuestions: {
    method: 'get',
    path: '/api/v1/admin/export/questions.csv',
    tags: ['moderation'],
    auth: 'admin',
    summary: 'All questions as CSV (UTF-8 with BOM, spreadsheet formulas neutralised; audited).',
    query: ExportQuery,
    produces: 'text/csv',
  },
  adminExportFeedback: {
    method: 'get',
    path: '/api/v1/admin/export/feedback.csv',
    tags: ['moderation'],
    auth: 'admin',
    summary: 'All feedback as CSV (audited).',
    query: ExportQuery,
    produces: 'text/csv',
  },
  adminSites: {
    method: 'get',
    path: '/api/v1/admin/sites',
    tags: ['sites'],
    auth: 'editor',
    summary: 'Which sites carry the module: last seen, requests, questions, feedback and satisfaction per site.',
    response: SiteReports,
  },
  adminPutSite: {
    method: 'put',
    path: '/api/v1/admin/sites/{key}',
    tags: ['sites'],
    auth: 'admin',
    summary: 'Register a site or change it: name, kind, allowed origins, contact rule.',
    params: z.strictObject({ key: Code }),
    body: SiteInput,
    response: Site,
  },
  adminListLaws: {
    method: 'get',
    path: '/api/v1/admin/laws',
    tags: ['laws'],
    auth: 'editor',
    summary: 'Documents for staff, withdrawn ones too: the public filters and search, `status`, the total, paging.',
    query: AdminLawQuery,
    response: AdminLawPage,
  },
  adminCreateLaw: {
    method: 'post',
    path: '/api/v1/admin/laws',
    tags: ['laws'],
    auth: 'editor',
    status: 201,
    summary: 'Publish a legal document: it is listed and found by search at once.',
    body: LawInput,
    response: AdminLaw,
    problems: { 409: 'A document with the same number (ignoring case, spaces and diacritics) exists; `detail` names it.' },
  },
  adminImportLaws: {
    method: 'post',
    path: '/api/v1/admin/laws/imports',
    tags: ['laws'],
    auth: 'editor',
    consumes: 'multipart/form-data',
    summary:
      'Import documents from an XLSX or CSV file (part `file`, up to IMPORT_MAX_MB and 20,000 rows), with a column `mapping` (JSON) and `dryRun`. ' +
      'Without a mapping, proposes one from the header row. A number already published updates that document. ' +
      'Applying writes every row in one transaction, or none.',
    body: ImportUpload,
    response: ImportReport,
    problems: {
      413: 'The file is larger than IMPORT_MAX_MB, or has more than 20,000 rows.',
      415: 'The body is not multipart/form-data, or the file is neither an XLSX workbook nor UTF-8 CSV text (by its content).',
      422: 'The file has formula cells or no header row, or (when applying) a row is refused: the row report comes back as `rows`, nothing is written.',
    },
  },
  adminUpdateLaw: {
    method: 'patch',
    path: '/api/v1/admin/laws/{id}',
    tags: ['laws'],
    auth: 'editor',
    summary: 'Change some fields of a document; the others stay as they are. Relations, when sent, replace the old ones.',
    params: z.strictObject({ id: Code }),
    body: LawPatch,
    response: AdminLaw,
    problems: { 409: "The new number is another document's, or the document is withdrawn." },
  },
  adminWithdrawLaw: {
    method: 'delete',
    path: '/api/v1/admin/laws/{id}',
    tags: ['laws'],
    auth: 'admin',
    summary: 'Withdraw a document (administrators): kept, with who withdrew it and when, but out of the list, search and suggestions; its detail answers 410.',
    params: z.strictObject({ id: Code }),
    response: AdminLaw,
  },
  adminAddLawAttachment: {
    method: 'post',
    path: '/api/v1/admin/laws/{id}/attachments',
    tags: ['laws'],
    auth: 'editor',
    status: 201,
    consumes: 'multipart/form-data',
    summary: 'Attach a PDF or DOCX file (checked by its content, up to ATTACHMENT_MAX_MB) as the part `file`.',
    params: z.strictObject({ id: Code }),
    body: AttachmentUpload,
    response: AdminLaw,
    problems: {
      409: 'The document is withdrawn.',
      413: 'The file is larger than the server allows (ATTACHMENT_MAX_MB).',
      415: 'The body is not multipart/form-data, or the file is not a PDF or DOCX (by its content), or its name ends otherwise.',
    },
  },
  adminDeleteLawAttachment: {
    method: 'delete',
    path: '/api/v1/admin/laws/{id}/attachments/{attachmentId}',
    tags: ['laws'],
    auth: 'editor',
    summary: 'Remove a file from a document; its URL answers 404 from then on.',
    params: AttachmentParams,
    response: AdminLaw,
  },
  adminListTokens: {
    method: 'get',
    path: '/api/v1/admin/tokens',
    tags: ['staff'],
    auth: 'admin',
    summary: 'Staff tokens (never the secret).',
    response: z.object({ items: z.array(StaffToken) }),
  },
  adminCreateToken: {
    method: 'post',
    path: '/api/v1/admin/tokens',
    tags: ['staff'],
    auth: 'admin',
    status: 201,
    summary: 'A token for a member of staff; the secret is shown once.',
    body: TokenInput,
    response: NewStaffToken,
  },
  adminRevokeToken: {
    method: 'delete',
    path: '/api/v1/admin/tokens/{id}',
    tags: ['staff'],
    auth: 'admin',
    summary: 'Revoke a token.',
    params: IdParams,
    response: StaffToken,
  },
  adminAudit: {
    method: 'get',
    path: '/api/v1/admin/audit',
    tags: ['staff'],
    auth: 'admin',
    summary: 'The audit log: every read and export of personal data, every change.',
    query: AuditQuery,
    response: AuditPage,
  },
} satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
