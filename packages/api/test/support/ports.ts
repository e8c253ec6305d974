import { createServer, type Server } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

/** The ports this package's tests and benchmark may listen on; each run picks at random inside. */
export const PORT_RANGE = { from: 8860, to: 8879 } as const;

const tryListen = (server: Server, port: number) =>
  new Promise<boolean>((resolve) => {
    const onError = () => resolve(false);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve(true);
    });
  });

function shuffledPorts(): number[] {
  const ports = Array.from({ length: PORT_RANGE.to - PORT_RANGE.from + 1 }, (_, i) => PORT_RANGE.from + i);
  for (let i = ports.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ports[i], ports[j]] = [ports[j]!, ports[i]!];
  }
  return ports;
}

/** A port in the range nobody listens on right now (another process may still take it first). */
export async function freePort(): Promise<number> {
  for (const port of shuffledPorts()) {
    const probe = createServer();
    if (await tryListen(probe, port)) {
      await new Promise((r) => probe.close(r));
      return port;
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.from}–${PORT_RANGE.to}`);
}

/** Serves a fetch handler on a free port of the range, over real sockets; close() when done. */
export async function listen(fetch: (req: Request, env?: unknown) => Response | Promise<Response>) {
  for (const port of shuffledPorts()) {
    const server = createAdaptorServer({ fetch: fetch }) as unknown as Server;
    if (await tryListen(server, port)) {
      return {
        port,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => r());
          }),
      };
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.from}–${PORT_RANGE.to}`);
}
