import type { Migration } from 'kysely/migration';
import { laws } from './0001-laws.js';
import { submissions } from './0002-submissions.js';
import { wholeWordSearch } from './0003-whole-word-search.js';
import { altchaExpiryIndex } from './0004-altcha-expiry-index.js';
import { contactLimitAndPageViews } from './0005-contact-limit-and-page-views.js';
import { mailOutbox } from './0006-mail-outbox.js';
import { lawPublishing } from './0007-law-publishing.js';
import { staffAccounts } from './0008-staff-accounts.js';
import { moderationQueue } from './0009-moderation-queue.js';
import { privacyOperations } from './0010-privacy-operations.js';
import { lawFeeds } from './0011-law-feeds.js';
import { siteRegistry } from './0012-site-registry.js';

/**
 * Migrations in order; each must run on SQLite and PostgreSQL alike. A migration imports nothing
 * from outside this folder (test/migrations.test.ts checks): what it needs of the application's
 * code is copied in as it was, so it does today what it did when it was written.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_laws': laws,
  '0002_submissions': submissions,
  '0003_whole_word_search': wholeWordSearch,
  '0004_altcha_expiry_index': altchaExpiryIndex,
  '0005_contact_limit_and_page_views': contactLimitAndPageViews,
  '0006_mail_outbox': mailOutbox,
  '0007_law_publishing': lawPublishing,
  '0008_staff_accounts': staffAccounts,
  '0009_moderation_queue': moderationQueue,
  '0010_privacy_operations': privacyOperations,
  '0011_law_feeds': lawFeeds,
  '0012_site_registry': siteRegistry,
};
