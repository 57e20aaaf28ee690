import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-users.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/modules/identity/session-store.ts';
import { ApiClient, demoSecret, freshCode, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function auditCount(action: string, outcome?: string) {
  let q = t.deps.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action);
  if (outcome) q = q.where('outcome', '=', outcome);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe('sign in with a second factor', () => {
  it('password alone gives a pending session that cannot read anything', async () => {
    const c = new ApiClient(t.base);
    const login = await c.post<{ mfaRequired: boolean; csrfToken: string }>('/api/auth/login', {
      username: 'vt.intake',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.mfaRequired).toBe(true);
    const cookie = login.headers.getSetCookie().find((x) => x.startsWith('kring_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const queue = await c.get('/api/veilig-thuis/queue');
    expect(queue.status).toBe(401);
    expect(queue.body).toMatchObject({ error: { code: 'mfa_required' } });
  });

  it('the code completes the sign-in with a new session id (no fixation)', async () => {
    const c = new ApiClient(t.base);
    const login = await c.post<{ csrfToken: string }>('/api/auth/login', {
      username: 'vt.intake',
      password: DEMO_PASSWORD,
    });
    c.csrfToken = login.body.csrfToken;
    const pendingCookie = c.cookie;
    const mfa = await c.post<{ csrfToken: string }>('/api/auth/mfa', {
      code: freshCode(t, demoSecret('vt.intake')),
    });
    expect(mfa.status).toBe(200);
    expect(c.cookie).not.toBe(pendingCookie);
    c.csrfToken = mfa.body.csrfToken;
    const session = await c.get<{ signedIn: boolean; roles: string[]; organisation: { type: string } }>(
      '/api/session',
    );
    expect(session.body.signedIn).toBe(true);
    expect(session.body.roles).toEqual(['vt_intake']);
    expect(session.body.organisation.type).toBe('veilig_thuis');
    const old = new ApiClient(t.base);
    old.cookie = pendingCookie;
    expect((await old.get<{ signedIn: boolean }>('/api/session')).body.signedIn).toBe(false);
  });

  it('a code works once: replaying it is refused', async () => {
    const code = freshCode(t, demoSecret('vt.teamleider'));
    const first = new ApiClient(t.base);
    first.csrfToken = (
      await first.post<{ csrfToken: string }>('/api/auth/login', {
        username: 'vt.teamleider',
        password: DEMO_PASSWORD,
      })
    ).body.csrfToken;
    expect((await first.post('/api/auth/mfa', { code })).status).toBe(200);
    const replay = new ApiClient(t.base);
    replay.csrfToken = (
      await replay.post<{ csrfToken: string }>('/api/auth/login', {
        username: 'vt.teamleider',
        password: DEMO_PASSWORD,
      })
    ).body.csrfToken;
    const again = await replay.post('/api/auth/mfa', { code });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: { code: 'invalid_mfa_code' } });
    await t.deps.db
      .updateTable('app_user')
      .set({ failed_logins: 0 })
      .where('username', '=', 'vt.teamleider')
      .execute();
  });

  it('a wrong code is refused and audited', async () => {
    const c = new ApiClient(t.base);
    const login = await c.post<{ csrfToken: string }>('/api/auth/login', {
      username: 'wijkteam.tiel',
      password: DEMO_PASSWORD,
    });
    c.csrfToken = login.body.csrfToken;
    const before = await auditCount('auth.mfa', 'failure');
    const good = freshCode(t, demoSecret('wijkteam.tiel'));
    const wrong = good === '000000' ? '111111' : '000000';
    const mfa = await c.post('/api/auth/mfa', { code: wrong });
    expect(mfa.status).toBe(401);
    expect(mfa.body).toMatchObject({ error: { code: 'invalid_mfa_code' } });
    expect(await auditCount('auth.mfa', 'failure')).toBe(before + 1);
    await t.deps.db
      .updateTable('app_user')
      .set({ failed_logins: 0 })
      .where('username', '=', 'wijkteam.tiel')
      .execute();
  });

  it('unknown user and wrong password give the same answer', async () => {
    const a = await new ApiClient(t.base).post('/api/auth/login', {
      username: 'nobody',
      password: 'whatever-password',
    });
    const b = await new ApiClient(t.base).post('/api/auth/login', {
      username: 'politie.nijmegen',
      password: 'wrong-password-1',
    });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect((a.body as { error: { code: string } }).error.code).toBe(
      (b.body as { error: { code: string } }).error.code,
    );
  });

  it('five wrong passwords lock the account, even for the right password, and the lock is audited', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await new ApiClient(t.base).post('/api/auth/login', {
        username: 'regisseur.nijmegen',
        password: `wrong-${i}-xxxxxxxx`,
      });
      expect(r.status).toBe(401);
    }
    const locked = await new ApiClient(t.base).post('/api/auth/login', {
      username: 'regisseur.nijmegen',
      password: DEMO_PASSWORD,
    });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ error: { code: 'account_locked' } });
    expect(await auditCount('auth.lockout')).toBeGreaterThanOrEqual(1);
    await t.deps.db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null })
      .where('username', '=', 'regisseur.nijmegen')
      .execute();
  });

  it('login input is validated', async () => {
    const r = await new ApiClient(t.base).post('/api/auth/login', { username: '', password: 'x', extra: 1 });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('sessions expire and can be ended everywhere', () => {
  it('after 15 minutes idle the session is gone', async () => {
    const c = await signIn(t, 'wijkteam.nijmegen');
    expect((await c.get('/api/reports/mine')).status).toBe(200);
    t.clock.advance(SESSION_IDLE_MS + 1000);
    try {
      const r = await c.get('/api/reports/mine');
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error: { code: 'session_expired' } });
    } finally {
      t.clock.advance(-(SESSION_IDLE_MS + 1000));
    }
  });

  it('after 12 hours the session ends even when in use', async () => {
    const c = await signIn(t, 'wijkteam.nijmegen');
    const steps = Math.ceil(SESSION_ABSOLUTE_MS / (SESSION_IDLE_MS - 60_000));
    let moved = 0;
    try {
      for (let i = 0; i < steps; i++) {
        t.clock.advance(SESSION_IDLE_MS - 60_000);
        moved += SESSION_IDLE_MS - 60_000;
        const r = await c.get('/api/reports/mine');
        if (moved < SESSION_ABSOLUTE_MS) expect(r.status).toBe(200);
        else expect(r.status).toBe(401);
      }
    } finally {
      t.clock.advance(-moved);
    }
  });

  it('sign out everywhere ends the other devices too', async () => {
    const laptop = await signIn(t, 'privacy.regio');
    const phone = await signIn(t, 'privacy.regio');
    const r = await phone.post<{ sessions: number }>('/api/auth/logout-everywhere');
    expect(r.status).toBe(200);
    expect(r.body.sessions).toBeGreaterThanOrEqual(2);
    expect((await laptop.get('/api/audit/events')).status).toBe(401);
  });

  it('a write without the CSRF token is refused and writes nothing', async () => {
    const c = await signIn(t, 'wijkteam.nijmegen');
    const before = await t.deps.db
      .selectFrom('report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const body = {
      municipalityCode: 'GM0268',
      persons: [{ fullName: 'A B', dateOfBirth: '1990-01-01', role: 'victim' }],
      violenceKinds: ['partner_violence'],
      acute: false,
      description: 'x',
    };
    const noToken = await c.request('POST', '/api/reports', body, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatchObject({ error: { code: 'csrf_failed' } });
    const saved = c.csrfToken;
    c.csrfToken = 'forged-token';
    const forged = await c.request('POST', '/api/reports', body);
    c.csrfToken = saved;
    expect(forged.status).toBe(403);
    const after = await t.deps.db
      .selectFrom('report')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
