import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { ApiClient, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: false });
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('is refused when NODE_ENV=production, and nothing is written', async () => {
    await expect(seedDemo(t.deps, 'production')).rejects.toThrow(/NODE_ENV=production/);
    const users = await t.deps.db.selectFrom('app_user').select('id').execute();
    const regions = await t.deps.db.selectFrom('region').select('id').execute();
    expect(users).toEqual([]);
    expect(regions).toEqual([]);
  });

  it('loads Gelderland-Zuid and one user per role, once', async () => {
    const first = await seedDemo(t.deps, 'development');
    expect(first.created).toHaveLength(9);
    const again = await seedDemo(t.deps, 'development');
    expect(again.created).toEqual([]);
    const roles = await t.deps.db.selectFrom('membership').select('role').distinct().execute();
    expect(roles.map((r) => r.role).sort()).toEqual([
      'coordinator',
      'functional_admin',
      'policy_advisor',
      'privacy_officer',
      'professional',
      'team_lead',
      'vt_intake',
    ]);
  });

  it('a server that is not a demo does not show demo accounts', async () => {
    const meta = await new ApiClient(t.base).get<{ demo: boolean; demoAccounts?: unknown }>('/api/meta');
    expect(meta.body.demo).toBe(false);
    expect(meta.body.demoAccounts).toBeUndefined();
  });
});
