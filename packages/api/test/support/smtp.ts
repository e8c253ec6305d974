import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Relay {
  port: number;
  /** SMTP_URL for this relay, with the credentials it wants. */
  url: string;
  /** Every message the relay took (answered 250), parsed. */
  messages: ParsedMail[];
  /** The user each session logged in as. */
  logins: string[];
  /** Resolves once `n` messages have arrived; fails after `timeoutMs`. */
  received(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export const RELAY_USER = 'pbgdpl-relay';
export const RELAY_PASS = 'relay-secret-0123';

/**
 * A local SMTP relay on 127.0.0.1 (smtp-server), with AUTH over plain TCP as a relay inside a
 * province's network would have it. `refuse` names recipients it answers 550 to.
 */
export async function startRelay(port = 0, refuse: string[] = []): Promise<Relay> {
  const messages: ParsedMail[] = [];
  const logins: string[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username !== RELAY_USER || auth.password !== RELAY_PASS) return callback(new Error('535 authentication failed'));
      logins.push(auth.username);
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      // As Postfix words it, quoting the address.
      if (refuse.includes(address.address))
        return callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            messages.push(mail);
            for (const w of waiters.splice(0)) w();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as { port: number }).port;
  return {
    port: actual,
    url: `smtp://${RELAY_USER}:${RELAY_PASS}@127.0.0.1:${actual}`,
    messages,
    logins,
    async received(n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < n) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the relay got ${messages.length} message(s), not ${n}, within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
