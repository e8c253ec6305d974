import type pg from 'pg';

/**
 * A dropped connection (the server restarting, a backend terminated) is an 'error' event on its
 * client, and an unhandled one ends the process. pg-pool listens only while a client is idle, so
 * every client gets a listener of its own for its whole life; the pool replaces dead clients.
 */
export function survivePoolErrors(pool: pg.Pool, log = (m: string) => console.error(`[pbgdpl-api] ${m}`)) {
  // An idle client's error reaches both listeners; one line per client is enough.
  const reported = new WeakSet<object>();
  const report = (error: Error, client: object) => {
    if (reported.has(client)) return;
    reported.add(client);
    const code = (error as { code?: string }).code;
    log(`database connection lost (${code ? `${code} ` : ''}${error.message}); it is replaced on next use`);
  };
  pool.on('error', (error, client) => report(error, client));
  pool.on('connect', (client) => client.on('error', (error) => report(error, client)));
}
