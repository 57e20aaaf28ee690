import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/modules/demo/demo-users.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import type { Deps } from '../../src/modules/deps.ts';
import { currentTotp, totpStep } from '../../src/modules/identity/totp.ts';
import { keysFromMaster } from '../../src/security/keys.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const TEST_KEY = Buffer.alloc(32, 7);

/** A clock tests can move, to cross idle timeouts and deadlines without waiting. */
export class TestClock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  base: string;
  deps: Deps;
  clock: TestClock;
  testDb: TestDatabase;
  close(): Promise<void>;
}

export async function startTestApp(
  options: { demo?: boolean; rateLimits?: { global: number; signIn: number; publicForms: number } } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock = new TestClock();
  const deps: Deps = { db: testDb.database.db, keys: keysFromMaster(TEST_KEY), now: clock.now };
  if (options.demo !== false) await seedDemo(deps, 'test');
  const app = await buildApp({
    deps,
    logLevel: 'silent',
    rateLimits: options.rateLimits ?? { global: 100_000, signIn: 10_000, publicForms: 10_000 },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    base,
    deps,
    clock,
    testDb,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export class ApiClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(readonly base: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; rawBody?: string; contentType?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined || options.rawBody !== undefined)
      headers['content-type'] = options.contentType ?? 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair?.startsWith('kring_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
}

export function demoSecret(username: string): string {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.totpSecret;
}

const lastStepUsed = new Map<string, number>();

/**
 * A second-factor code that has not been used yet: codes work once (RFC 6238 §5.2), so when this
 * secret's current time step is spent the test clock moves on to the next step.
 */
export function freshCode(server: { clock: TestClock }, secret: string): string {
  let step = totpStep(server.clock.now());
  const last = lastStepUsed.get(secret);
  if (last !== undefined && step <= last) {
    server.clock.advance((last + 1 - step) * 30_000);
    step = totpStep(server.clock.now());
  }
  lastStepUsed.set(secret, step);
  return currentTotp(secret, server.clock.now());
}

/** Signs a demo user in with password and second factor. */
export async function signIn(
  server: { base: string; clock: TestClock },
  username: string,
): Promise<ApiClient> {
  const client = new ApiClient(server.base);
  const first = await client.post<{ mfaRequired: boolean; csrfToken: string }>('/api/auth/login', {
    username,
    password: DEMO_PASSWORD,
  });
  if (first.status !== 200) throw new Error(`login failed for ${username}: ${JSON.stringify(first.body)}`);
  client.csrfToken = first.body.csrfToken;
  if (first.body.mfaRequired) {
    const second = await client.post<{ csrfToken: string }>('/api/auth/mfa', {
      code: freshCode(server, demoSecret(username)),
    });
    if (second.status !== 200) throw new Error(`mfa failed for ${username}: ${JSON.stringify(second.body)}`);
    client.csrfToken = second.body.csrfToken;
  }
  return client;
}

export const sampleReport = (overrides: Record<string, unknown> = {}) => ({
  municipalityCode: 'GM0268',
  persons: [
    { fullName: 'Jan Jansen', dateOfBirth: '1985-02-03', bsn: '999996708', role: 'perpetrator' },
    { fullName: 'Sara Jansen', dateOfBirth: '2015-06-01', role: 'child' },
  ],
  violenceKinds: ['partner_violence', 'child_abuse'],
  acute: false,
  description: 'Buren horen al weken geschreeuw; kind vertelt op school over slaan.',
  ...overrides,
});
