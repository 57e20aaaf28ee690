import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ApiClient as Client,
  freshCode,
  sampleReport,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/test-app.ts';

let t: TestApp;
let admin: Client;
let privacy: Client;
let region: { organisations: { id: string; name: string; type: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t, 'beheer.regio');
  privacy = await signIn(t, 'privacy.regio');
  region = (await admin.get<typeof region>('/api/region')).body;
});
afterAll(async () => {
  await t.close();
});

const orgOfType = (type: string) => {
  const org = region.organisations.find((o) => o.type === type);
  if (!org) throw new Error(`no ${type}`);
  return org;
};

describe('user administration', () => {
  let userId: string;
  let secret: string;

  it('an administrator creates a user who must enrol a second factor', async () => {
    const r = await admin.post<{ id: string; totpSecret: string; totpUri: string }>('/api/admin/users', {
      username: 'nieuwe.collega',
      displayName: 'Nieuwe Collega',
      password: 'een-lang-wachtwoord-123',
      organisationId: orgOfType('veilig_thuis').id,
      role: 'vt_intake',
    });
    expect(r.status).toBe(201);
    expect(r.body.totpUri).toMatch(/^otpauth:\/\/totp\//);
    userId = r.body.id;
    secret = r.body.totpSecret;
    const c = new ApiClient(t.base);
    const login = await c.post<{ mfaRequired: boolean; csrfToken: string }>('/api/auth/login', {
      username: 'nieuwe.collega',
      password: 'een-lang-wachtwoord-123',
    });
    expect(login.body.mfaRequired).toBe(true);
    c.csrfToken = login.body.csrfToken;
    expect((await c.post('/api/auth/mfa', { code: freshCode(t, secret) })).status).toBe(200);
  });

  it('the user list never contains secrets', async () => {
    const r = await admin.get<unknown[]>('/api/admin/users');
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.body);
    expect(text).toContain('nieuwe.collega');
    expect(text).not.toMatch(/password|totp|argon2/i);
  });

  it('duplicate usernames and weak passwords are refused', async () => {
    const dup = await admin.post('/api/admin/users', {
      username: 'nieuwe.collega',
      displayName: 'X',
      password: 'een-lang-wachtwoord-123',
      organisationId: orgOfType('police').id,
      role: 'professional',
    });
    expect(dup.status).toBe(409);
    const weak = await admin.post('/api/admin/users', {
      username: 'zwak',
      displayName: 'X',
      password: 'kort',
      organisationId: orgOfType('police').id,
      role: 'professional',
    });
    expect(weak.status).toBe(400);
  });

  it('taking a role away ends the user’s sessions at once, and is audited', async () => {
    const c = new ApiClient(t.base);
    const login = await c.post<{ csrfToken: string }>('/api/auth/login', {
      username: 'nieuwe.collega',
      password: 'een-lang-wachtwoord-123',
    });
    c.csrfToken = login.body.csrfToken;
    expect((await c.post('/api/auth/mfa', { code: freshCode(t, secret) })).status).toBe(200);
    expect((await c.get('/api/veilig-thuis/queue')).status).toBe(200);
    const users = await admin.get<{ id: string; memberships: { id: string }[] }[]>('/api/admin/users');
    const membership = users.body.find((u) => u.id === userId)?.memberships[0];
    const removed = await admin.request('DELETE', `/api/admin/users/${userId}/memberships/${membership?.id}`);
    expect(removed.status).toBe(200);
    expect((await c.get('/api/veilig-thuis/queue')).status).toBe(401);
    const events = await t.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', userId)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'membership.add', 'membership.remove']),
    );
  });

  it('only a functional administrator manages users', async () => {
    for (const username of ['vt.intake', 'privacy.regio', 'beleid.regio']) {
      const c = username === 'privacy.regio' ? privacy : await signIn(t, username);
      expect((await c.get('/api/admin/users')).status).toBe(403);
      expect(
        (
          await c.post('/api/admin/users', {
            username: 'x.y',
            displayName: 'X',
            password: 'een-lang-wachtwoord-123',
            organisationId: orgOfType('police').id,
            role: 'functional_admin',
          })
        ).status,
      ).toBe(403);
    }
  });

  it('an administrator cannot hand out memberships of another region', async () => {
    const foreign = await t.deps.db
      .insertInto('region')
      .values({ code: 'elders', name: 'Elders', source: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const org = await t.deps.db
      .insertInto('organisation')
      .values({ region_id: foreign.id, key: 'vt-elders', name: 'VT Elders', type: 'veilig_thuis' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = await admin.get<{ id: string; username: string }[]>('/api/admin/users');
    const target = users.body.find((u) => u.username === 'vt.intake');
    const r = await admin.post(`/api/admin/users/${target?.id}/memberships`, {
      organisationId: org.id,
      role: 'vt_intake',
    });
    expect(r.status).toBe(400);
  });
});

describe('the privacy officer’s audit screen', () => {
  it('finds who read a report, and the search itself is audited', async () => {
    const local = await signIn(t, 'wijkteam.nijmegen');
    const vt = await signIn(t, 'vt.intake');
    const created = await local.post<{ id: string }>('/api/reports', sampleReport());
    await vt.get(`/api/reports/${created.body.id}`);
    const r = await privacy.get<{ action: string; actorUsername: string; recordId: string }[]>(
      `/api/audit/events?recordId=${created.body.id}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.map((e) => `${e.action}/${e.actorUsername}`)).toEqual(
      expect.arrayContaining(['report.create/wijkteam.nijmegen', 'report.read/vt.intake']),
    );
    const searches = await t.deps.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'audit.search')
      .execute();
    expect(searches.length).toBeGreaterThan(0);
  });
  it('verifies the chain', async () => {
    const r = await privacy.get<{ count: number; problems: unknown[] }>('/api/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body.problems).toEqual([]);
    expect(r.body.count).toBeGreaterThan(10);
  });
  it('nobody else can search the trail', async () => {
    for (const c of [admin, await signIn(t, 'vt.teamleider')]) {
      expect((await c.get('/api/audit/events')).status).toBe(403);
      expect((await c.get('/api/audit/verify')).status).toBe(403);
    }
  });
  it('security events are in the trail: sign-ins, failures and role changes', async () => {
    await new ApiClient(t.base).post('/api/auth/login', {
      username: 'vt.intake',
      password: 'definitely-wrong',
    });
    const r = await privacy.get<{ action: string; outcome: string }[]>('/api/audit/events?action=auth.');
    const seen = new Set(r.body.map((e) => `${e.action}:${e.outcome}`));
    expect(seen).toContain('auth.login:success');
    expect(seen).toContain('auth.mfa:success');
    expect(seen).toContain('auth.login:failure');
  });
});

describe('a policy advisor never receives personal data', () => {
  it('every personal-data endpoint answers 403 or 404', async () => {
    const policy = await signIn(t, 'beleid.regio');
    for (const path of [
      '/api/reports/mine',
      '/api/veilig-thuis/queue',
      '/api/admin/users',
      '/api/audit/events',
      '/api/break-glass',
    ]) {
      expect([403, 404]).toContain((await policy.get(path)).status);
    }
  });
});
