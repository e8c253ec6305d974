import { serve } from '@hono/node-server';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrations.js';
import { loadCatalog, seedIfEmpty } from './db/seed.js';

const VERSION = '0.1.0';
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig(process.env, packageRoot);

const db = openDatabase({ url: config.databaseUrl });
await migrate(db.kysely);
if (config.seed === 'sample') {
  const added = await seedIfEmpty(db, await loadCatalog(resolve(packageRoot, 'seed/catalog.json')), config.fullTextUrl);
  if (added) console.log(`[pbgdpl-api] seeded ${added} legal documents`);
}

const app = createApp({ db, version: VERSION, embedDir: config.embedDir, demoDir: config.demoDir });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const origin = `http://${config.host}:${info.port}`;
  console.log(
    [
      `[pbgdpl-api] PBGDPL kit ${VERSION} on ${db.engine}`,
      `  demo pages   ${origin}/`,
      `  loader       ${origin}/embed/v1/loader.js`,
      `  API          ${origin}/api/v1/laws   (OpenAPI: ${origin}/api/v1/openapi.json)`,
    ].join('\n'),
  );
});

const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
