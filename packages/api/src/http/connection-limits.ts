import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { normaliseAddress } from '../security/client-ip.js';

export interface ConnectionLimits {
  /** Open connections one address may hold; 0 for no cap. */
  maxPerAddress: number;
  /** Time to send the request headers. */
  headersTimeoutMs: number;
  /** Time to send the whole request, body included: a body sent a byte a minute is cut off. */
  requestTimeoutMs: number;
  /** Time an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

/**
 * Node keeps a slow request open for 300 s by default (and checks only every 30 s): a few clients
 * sending a byte now and then would hold every socket. These are the server's own timeouts.
 */
export function serverTimeouts(limits: ConnectionLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
  };
}

/** Closes at once a connection past the per-address cap, so one address cannot take every socket. */
export function capConnectionsPerAddress(server: Server, maxPerAddress: number) {
  if (!maxPerAddress) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = normaliseAddress(socket.remoteAddress ?? '') || 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > maxPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
