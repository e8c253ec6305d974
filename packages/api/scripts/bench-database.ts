import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The settings that put a benchmark's server on SQLite in its data folder or on a fresh schema of
 * PostgreSQL, and how to drop that schema afterwards.
 */
export async function benchDatabase(engine: 'sqlite' | 'postgres', url: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { env: {}, drop: async () => {} };
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`create schema ${schema}`);
  return { env: { DATABASE_URL: url, DATABASE_SCHEMA: schema }, drop: () => run(`drop schema ${schema} cascade`) };
}
