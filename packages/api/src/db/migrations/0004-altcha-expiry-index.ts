import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const altchaExpiryIndex: Migration = {
  // Used proofs are swept by expiry every minute.
  async up(db: Kysely<any>) {
    await db.schema.createIndex('altcha_used_expires').on('altcha_used').column('expires_at').execute();
  },
};
