/** Socket-level codes of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATEs of a server going away or not accepting connections yet: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
/** What pg and pg-pool say when a connection is gone or none could be had in time. */
const MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|connection timeout/i;

/**
 * A PostgreSQL error that says the connection, not the statement, failed: the server restarting,
 * a backend terminated, a failover. Trying again in a moment, on another connection, can succeed.
 */
export function isTransientDbError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08/.test(code)) return true;
  }
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  if (error instanceof AggregateError && error.errors.some(isTransientDbError)) return true;
  return MESSAGES.test(error.message);
}
