import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-users.ts';
import { ApiClient, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ rateLimits: { global: 100_000, signIn: 5, publicForms: 3 } });
});
afterAll(async () => {
  await t.close();
});

describe('HTTP basics', () => {
  it('health and readiness', async () => {
    const c = new ApiClient(t.base);
    expect((await c.get('/health')).body).toEqual({ status: 'ok' });
    expect((await c.get('/ready')).body).toEqual({ status: 'ready' });
  });

  it('strict security headers: CSP without inline script, no framing, no sniffing', async () => {
    const r = await new ApiClient(t.base).get('/api/meta');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('publishes an OpenAPI document that lists the API', async () => {
    const r = await new ApiClient(t.base).get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/docs/json',
    );
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/login',
      '/api/reports',
      '/api/veilig-thuis/queue',
      '/api/audit/events',
      '/api/break-glass',
      '/api/admin/users',
    ]) {
      expect(Object.keys(r.body.paths)).toContain(path);
    }
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await new ApiClient(t.base).post('/api/auth/login', {
            username: 'vt.intake',
            password: `${DEMO_PASSWORD}-wrong`,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    await t.deps.db.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).execute();
  });

  it('limits the public forms per address', async () => {
    const advice = {
      municipalityCode: 'GM0268',
      violenceKinds: ['child_abuse'],
      violenceDuration: 'unknown',
      question: 'Vraag',
      anonymous: true,
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await new ApiClient(t.base).post('/api/public/advice', advice)).status);
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('logs carry no personal data', async () => {
    const lines: string[] = [];
    const { buildApp } = await import('../../src/http/app.ts');
    const { Writable } = await import('node:stream');
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ deps: t.deps, logLevel: 'info', logStream: stream });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vt.intake', password: 'Geheim-Wachtwoord-123' },
    });
    await app.close();
    const log = lines.join('\n');
    expect(log).toContain('"route":"/api/auth/login"');
    expect(log).not.toContain('vt.intake');
    expect(log).not.toContain('Geheim-Wachtwoord-123');
  });
});
