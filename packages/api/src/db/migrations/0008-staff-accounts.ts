import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const staffAccounts: Migration = {
  // People sign in with accounts (bearer tokens stay for scripts). Sessions, invites and sign-in
  // failures live in the database so that several API instances behave as one.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('staff_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      // The user name lower-cased: "Admin" and "admin" are one account.
      .addColumn('username_key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      // scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash.
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('totp_secret', 'text')
      .addColumn('totp_pending_secret', 'text')
      // The last TOTP time step accepted: a code works once.
      .addColumn('totp_last_step', 'integer')
      .addColumn('disabled_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_sign_in_at', 'text')
      .execute();
    await db.schema
      .createTable('staff_sessions')
      // SHA-256 of the cookie's value: a database dump opens no session.
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('staff_accounts.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_account').on('staff_sessions').column('account_id').execute();
    await db.schema
      .createTable('staff_invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('account_id', 'text')
      .execute();
    await db.schema
      .createTable('sign_in_failures')
      // The folded user name typed, known or not.
      .addColumn('username_key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
