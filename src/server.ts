import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { startDemoData } from './modules/demo/demo-data.ts';
import { seedDemo } from './modules/demo/seed-demo.ts';
import type { Deps } from './modules/deps.ts';
import { loadKeys } from './security/keys.ts';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface Running {
  app: FastifyInstance;
  database: Database;
  boss: PgBoss | null;
  url: string;
  stop(): Promise<void>;
}

export async function openDeps(config: Config): Promise<{ database: Database; deps: Deps }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const keys = loadKeys({
    secretKeyHex: config.secretKeyHex,
    dataDir: config.dataDir,
    production: config.env === 'production',
  });
  return { database, deps: { db: database.db, keys, now: () => new Date() } };
}

/** Migrates, optionally seeds the demo, starts the scheduler and serves HTTP. */
export async function startServer(
  config: Config,
  options: { demo: boolean; jobs?: boolean },
): Promise<Running> {
  const { database, deps } = await openDeps(config);
  await migrateToLatest(database.db as never);
  if (options.demo) await seedDemo(deps, config.env);
  const app = await buildApp({
    deps,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    webRoot: WEB_ROOT,
    demo: options.demo,
  });
  const boss =
    options.jobs === false
      ? null
      : await startScheduler({
          database,
          databaseUrl: config.databaseUrl,
          instance: randomUUID(),
          onError: (error) => app.log.error({ err: { type: error.name } }, 'scheduler error'),
        });
  const url = await app.listen({ host: config.host, port: config.port });
  // The demo region's figures are made in the background, once per data directory (demo-data.ts).
  const demoData = options.demo ? startDemoData(deps, { env: config.env, engine: database.engine }) : null;
  return {
    app,
    database,
    boss,
    url,
    async stop() {
      await demoData?.stop();
      await app.close();
      await boss?.stop({ graceful: false, wait: true });
      await database.close();
    },
  };
}
