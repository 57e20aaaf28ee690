import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { buildApp } from '../../../src/http/app.ts';
import { seedDemo } from '../../../src/modules/demo/seed-demo.ts';
import type { Deps } from '../../../src/modules/deps.ts';
import { keysFromMaster } from '../../../src/security/keys.ts';
import { WEB_ROOT } from '../../../src/server.ts';
import { TEST_KEY, TestClock } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

export interface E2eServer {
  base: string;
  app: FastifyInstance;
  deps: Deps;
  clock: TestClock;
  /** Moves the server's clock to an Amsterdam wall-clock time, e.g. '2027-04-22T10:00'. */
  setAmsterdamTime(iso: string): void;
  close(): Promise<void>;
}

/** The real app with the built web app and the demo region, on a clock the test controls. */
export async function startE2eServer(): Promise<E2eServer> {
  const testDb: TestDatabase = await createTestDatabase();
  const clock = new TestClock();
  const deps: Deps = { db: testDb.database.db, keys: keysFromMaster(TEST_KEY), now: clock.now };
  await seedDemo(deps, 'test');
  const app = await buildApp({
    deps,
    logLevel: 'silent',
    webRoot: WEB_ROOT,
    demo: true,
    rateLimits: { global: 100_000, signIn: 10_000, publicForms: 10_000 },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base,
    app,
    deps,
    clock,
    setAmsterdamTime(iso) {
      clock.offsetMs = DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toMillis() - Date.now();
    },
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
