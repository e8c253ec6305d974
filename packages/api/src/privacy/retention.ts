import type { Retention } from '@pbgdpl/contract';

/**
 * How long personal data is kept for each purpose, in days, unless the operator sets otherwise
 * (PRIVACY_*_RETENTION_DAYS; docs/privacy.md). A question's identity stays a year after it was
 * answered or rejected, for follow-up questions and complaints about the answer; feedback's
 * contact a year after it arrived; a mail's row a month after it went out (or was given up), for
 * delivery questions; the address itself leaves the outbox as soon as the mail is sent.
 */
export const DEFAULT_RETENTION: Retention = { questionDays: 365, feedbackDays: 365, mailDays: 30 };

const DAY_MS = 86_400_000;

/** The instant before which a record kept `days` days is past retention. */
export const cutoff = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
