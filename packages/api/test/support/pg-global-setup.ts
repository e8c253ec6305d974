import pg from 'pg';

/** Fails the PostgreSQL run up front, with the reason, when the server cannot be used. */
export default async function checkPostgres() {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `The PostgreSQL suite needs a server at ${url} and could not use it: ${(error as Error).message}. ` +
        'Start PostgreSQL or set TEST_DATABASE_URL; this suite does not skip.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
