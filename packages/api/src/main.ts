import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { sql } from 'kysely';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrations.js';
import { loadCatalog, seedIfEmpty } from './db/seed.js';
import { loadQaCatalog, seedQaIfEmpty } from './db/seed-qa.js';
import { capConnectionsPerAddress, serverTimeouts } from './http/connection-limits.js';
import { privateDataDir, privateDatabaseFiles, writePrivateFile } from './security/private-files.js';
import { bootstrapAdmin } from './security/staff.js';
import { bootstrapFirstAccount } from './security/staff-accounts.js';
import { backfillContactKeys } from './privacy/contact-index.js';
import { createServices } from './services.js';
import { ensureDemoSite } from './sites/demo-site.js';

const VERSION = '0.1.0';
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig(process.env, packageRoot);
const log = (m: string) => console.log(`[pbgdpl-api] ${m}`);

privateDataDir(config.dataDir, log);
const sqliteFile = /^postgres(ql)?:\/\//.test(config.databaseUrl) ? null : config.databaseUrl;
if (sqliteFile) privateDataDir(dirname(sqliteFile), log);
const db = openDatabase({ url: config.databaseUrl, pgSchema: config.databaseSchema });
if (sqliteFile) privateDatabaseFiles(sqliteFile, log);
const damage = await db.integrity?.check();
if (damage && !damage.ok) {
  console.error(
    `[pbgdpl-api] the SQLite database ${config.databaseUrl} is damaged; not starting on it.\n` +
      `  pragma quick_check: ${damage.problems.slice(0, 5).join('\n                     ')}\n` +
      '  Restore the file (and remove its -wal and -shm files) from a backup, then start again.',
  );
  process.exit(1);
}
if (db.engine === 'postgres' && config.databaseSchema) await sql`create schema if not exists ${sql.id(config.databaseSchema)}`.execute(db.kysely);
await migrate(db.kysely);
const origin = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
await ensureDemoSite(db.kysely, [origin, `http://localhost:${config.port}`, ...config.demoOrigins]);
if (config.seed === 'sample') {
  const laws = await seedIfEmpty(db, await loadCatalog(resolve(packageRoot, 'seed/catalog.json')), config.fullTextUrl);
  if (laws) log(`seeded ${laws} legal documents`);
  const qa = loadQaCatalog(resolve(packageRoot, 'seed/qa.json'));
  const questions = qa ? await seedQaIfEmpty(db, qa, 'demo') : 0;
  if (questions) log(`seeded ${questions} published questions and answers`);
}
const firstToken = await bootstrapAdmin(db.kysely, config.adminToken);
// A token printed to the console would end up in journald and every log collector: it goes to a file only its owner can read.
const tokenFile = firstToken && !config.adminToken ? writePrivateFile(resolve(config.dataDir, 'admin-token'), `${firstToken}\n`) : null;
// The first person's account, "admin": its password never goes to the log either.
const firstAccount = await bootstrapFirstAccount(db.kysely, config.adminPassword);
const passwordFile = firstAccount?.generated ? writePrivateFile(resolve(config.dataDir, 'admin-password'), `${firstAccount.password}\n`) : null;

const services = createServices(
  db,
  config.submission,
  config.masterSecret,
  config.mail,
  undefined,
  {
    ...config.feeds,
    ...(config.fullTextUrl ? { fullTextUrl: config.fullTextUrl } : {}),
  },
  { retention: config.retention },
);
services.usage.start(config.usageFlushMs);
services.mail?.start();
services.feeds.start();
const keyed = await backfillContactKeys(db.kysely, (await services.secrets()).contactSecret);
if (keyed) log(`indexed the contacts of ${keyed} earlier questions and feedback for privacy requests`);
services.purge.start();
const app = createApp({
  db,
  version: VERSION,
  embedDir: config.embedDir,
  demoDir: config.demoDir,
  adminDir: config.adminDir,
  services,
  laws: { ...config.laws, fullTextUrl: config.fullTextUrl },
  staffAuth: config.staffAuth,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: serverTimeouts(config.connections) }, (info) => {
  const here = `http://${config.host}:${info.port}`;
  console.log(
    [
      `[pbgdpl-api] PBGDPL kit ${VERSION} on ${db.engine}`,
      `  demo pages   ${here}/`,
      `  loader       ${here}/embed/v1/loader.js`,
      `  API          ${here}/api/v1/laws   (OpenAPI: ${here}/api/v1/openapi.json)`,
      `  console      ${here}/admin/`,
      `  mail         ${services.mail ? `answers by e-mail from ${services.mail.from}` : 'off (no SMTP_URL)'}`,
      ...(passwordFile
        ? [
            `  first sign-in user "admin", password in ${passwordFile} (readable by this user only; change it after signing in, then delete the file: docs/console/accounts.md)`,
          ]
        : []),
      ...(tokenFile ? [`  admin token  in ${tokenFile} (readable by this user only; keep it for scripts, then delete the file: docs/staff-api.md)`] : []),
    ].join('\n'),
  );
});

capConnectionsPerAddress(server as Server, config.connections.maxPerAddress);

const stop = () => {
  services.purge.stop();
  server.close(
    () =>
      void Promise.allSettled([services.usage.stop(), services.mail?.stop(), services.feeds.stop()])
        .finally(() => db.close())
        .then(() => process.exit(0)),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
