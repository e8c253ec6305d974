import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { createTransport } from 'nodemailer';
import type { ConsentPurpose } from '@pbgdpl/contract';
import type { Tables } from '../db/schema.js';
import { citationsOf } from '../questions/questions.queries.js';
import { composeAnswerMail } from './answer-mail.js';

export interface MailSettings {
  /** The province's relay: smtp://user:pass@relay:587 (STARTTLS when offered) or smtps://… (TLS from the start). */
  smtpUrl: string;
  /** The sender, e.g. "Sở Tư pháp <hoidap@stp.example.gov.vn>". */
  from: string;
  /** The wait after the first failed attempt, doubling after each one up to MAX_WAIT_S. */
  retrySeconds: number;
  /** Milliseconds since the epoch; tests move it on instead of waiting. */
  now?: () => number;
  log?: (message: string) => void;
}

/** The part of a transport the outbox uses: nodemailer's, or a test's. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<{ response: string }>;
  close(): void;
}

const EMAIL_CONSENT: ConsentPurpose = 'nhan-tra-loi-qua-email';
/** An attempt holds its mail this long; past it, its process is taken to have died and another attempt may start. */
export const LEASE_MS = 2 * 60_000;
const MAX_WAIT_S = 3600;
/** A mail the relay has not taken after this long is given up: an answer that late is read on the site. */
export const GIVE_UP_MS = 48 * 3600_000;
const BATCH = 50;

export type AnswerMailOutcome = 'queued' | 'no-email' | 'not-asked' | 'over-limit' | 'already-sent' | 'no-smtp';

/**
 * Queues the mail that carries an answer, in the transaction that stores the answer: only when the
 * citizen left an e-mail, ticked "send me the answer by e-mail" (and has not withdrawn it), and the
 * contact was not over its limit (anyone could have typed that address). One mail per question: an
 * answer corrected before its mail went out replaces the mail's text; after, it sends nothing more.
 */
export async function enqueueAnswerMail(trx: Transaction<Tables>, questionId: string, now: Date): Promise<AnswerMailOutcome> {
  const q = await trx
    .selectFrom('questions as q')
    .innerJoin('sites as s', 's.key', 'q.site_key')
    .select(['q.tracking_code', 'q.asker_email', 'q.contact_over_limit', 'q.answer_html', 'q.page_url', 's.name as site_name'])
    .where('q.id', '=', questionId)
    .executeTakeFirstOrThrow();
  if (!q.asker_email) return 'no-email';
  if (Number(q.contact_over_limit) === 1) return 'over-limit';
  const consents = await trx
    .selectFrom('consents')
    .select('purposes')
    .where('subject_type', '=', 'question')
    .where('subject_id', '=', questionId)
    .where('withdrawn_at', 'is', null)
    .execute();
  if (!consents.some((c) => (JSON.parse(c.purposes) as string[]).includes(EMAIL_CONSENT))) return 'not-asked';

  const citations = (await citationsOf(trx, [questionId])).get(questionId) ?? [];
  const mail = composeAnswerMail({ siteName: q.site_name, trackingCode: q.tracking_code, answerHtml: q.answer_html ?? '', citations, pageUrl: q.page_url });
  const at = now.toISOString();
  const content = { recipient: q.asker_email, subject: mail.subject, text_body: mail.text, html_body: mail.html };
  const written = await trx
    .insertInto('mail_outbox')
    .values({
      id: randomUUID(),
      kind: 'answer',
      subject_id: questionId,
      ...content,
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      locked_until: null,
      created_at: at,
      sent_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.columns(['kind', 'subject_id']).doUpdateSet(content).where('mail_outbox.state', '=', 'pending'))
    .executeTakeFirst();
  return Number(written.numInsertedOrUpdatedRows ?? 0) === 1 ? 'queued' : 'already-sent';
}

/** A refusal that will not change by trying again: the relay said 5xx to the recipient or the message. */
function isPermanent(error: unknown): boolean {
  const e = error as { responseCode?: number; command?: string };
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && /^(RCPT TO|DATA)/.test(e.command ?? '');
}

/** The sender's domain, for the Message-ID: "Sở Tư pháp <hoidap@stp.example.gov.vn>" → "stp.example.gov.vn". */
const domainOf = (from: string) => /@([^>\s]+)/.exec(from)?.[1] ?? 'pbgdpl.invalid';

/** A relay's reply may quote the recipient ("550 <an@example.com>: unknown"): kept and logged without it. */
const redact = (text: string) => text.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '…@…');

const describeError = (error: unknown) => {
  const e = error as { code?: string; response?: string; message?: string };
  return redact([e.code, e.response ?? e.message].filter(Boolean).join(': ').slice(0, 1000) || String(error));
};

/**
 * Sends what enqueueAnswerMail queued. A loop wakes every few seconds (and at once after an
 * answer), claims each mail that is due with a conditional update (so one instance sends it,
 * however many run), hands it to the relay and records the attempt. A mail is marked sent only
 * after the relay's 250; a process that dies between that and the mark sends it again after the
 * lease: at least once, and twice only in that window (its Message-ID is the same both times, so
 * the receiving side can tell). Failures wait retrySeconds, doubling up to an hour, for two days.
 */
export class MailOutbox {
  readonly from: string;
  private readonly transport: MailTransport;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly settings: MailSettings,
    transport?: MailTransport,
  ) {
    this.from = settings.from;
    this.now = settings.now ?? Date.now;
    this.log = settings.log ?? ((m) => console.error(`[pbgdpl-api] ${m}`));
    this.transport = transport ?? createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  /** Runs the loop: a pass every `everyMs`, and one at once. */
  start(everyMs = 5_000) {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      void this.drain()
        .catch((error: unknown) => this.log(`mail: a pass over the outbox failed: ${describeError(error)}`))
        .finally(() => {
          if (this.running) this.timer = setTimeout(tick, everyMs);
        });
    };
    tick();
  }

  /** A mail was queued: send it now rather than at the next pass. */
  wake() {
    if (this.running) void this.drain().catch((error: unknown) => this.log(`mail: a pass over the outbox failed: ${describeError(error)}`));
  }

  /** One pass: every mail due now, one after another; passes never overlap. Resolves with how many were sent. */
  drain(): Promise<number> {
    const pass = this.queue.then(() => this.sendDue());
    this.queue = pass.catch(() => {});
    return pass;
  }

  /** Stops the loop and waits for the pass under way. */
  async stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.queue;
    this.transport.close();
  }

  private iso = (ms: number) => new Date(ms).toISOString();

  private async sendDue(): Promise<number> {
    const now = this.iso(this.now());
    const due = await this.db
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) =>
        eb.or([eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('state', '=', 'sending'), eb('locked_until', '<', now)])]),
      )
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    let sent = 0;
    for (const { id } of due) if (await this.attempt(id)) sent++;
    return sent;
  }

  private async attempt(id: string): Promise<boolean> {
    const startedMs = this.now();
    const started = this.iso(startedMs);
    const mail = await this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('mail_outbox')
        .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), locked_until: this.iso(startedMs + LEASE_MS) }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', started)]),
            eb.and([eb('state', '=', 'sending'), eb('locked_until', '<', started)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      await trx
        .updateTable('mail_attempts')
        .set({ outcome: 'interrupted', finished_at: started })
        .where('mail_id', '=', id)
        .where('outcome', '=', 'sending')
        .execute();
      const row = await trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await trx
        .insertInto('mail_attempts')
        .values({ mail_id: id, attempt: Number(row.attempts), started_at: started, finished_at: null, outcome: 'sending', detail: null })
        .execute();
      return row;
    });
    if (!mail) return false;
    const attempt = Number(mail.attempts);

    let outcome: 'sent' | 'retry' | 'failed';
    let detail: string;
    try {
      if (!mail.recipient) throw Object.assign(new Error('no recipient'), { responseCode: 550, command: 'RCPT TO' });
      const info = await this.transport.sendMail({
        from: this.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body,
        messageId: `<${mail.id}@${domainOf(this.from)}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      outcome = 'sent';
      detail = redact(info.response);
    } catch (error) {
      detail = describeError(error);
      outcome = isPermanent(error) || this.now() - Date.parse(mail.created_at) > GIVE_UP_MS ? 'failed' : 'retry';
    }

    const finished = this.iso(this.now());
    const waitS = Math.min(MAX_WAIT_S, this.settings.retrySeconds * 2 ** (attempt - 1));
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('mail_attempts').set({ outcome, detail, finished_at: finished }).where('mail_id', '=', id).where('attempt', '=', attempt).execute();
      await trx
        .updateTable('mail_outbox')
        .set(
          outcome === 'retry'
            ? { state: 'pending', next_attempt_at: this.iso(this.now() + waitS * 1000), locked_until: null, last_error: detail }
            : // Sent or given up: the outbox keeps no copy of the address.
              {
                state: outcome,
                locked_until: null,
                recipient: null,
                ...(outcome === 'sent' ? { sent_at: finished, last_error: null } : { last_error: detail }),
              },
        )
        // Still this attempt's: a lease taken over meanwhile is the other attempt's to finish.
        .where('id', '=', id)
        .where('state', '=', 'sending')
        .where('attempts', '=', attempt)
        .execute();
    });
    if (outcome === 'failed') this.log(`mail ${id} (${mail.kind} ${mail.subject_id}) was given up after ${attempt} attempt(s): ${detail}`);
    return outcome === 'sent';
  }
}
