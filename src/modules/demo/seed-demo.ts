import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { hashPassword } from '../identity/password.ts';
import { sealTotpSecret } from '../identity/totp.ts';
import { importRegionFile } from '../region/service.ts';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users.ts';

export const REGIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../config/regions',
);
export const DEMO_REGION_FILE = path.join(REGIONS_DIR, 'gelderland-zuid.json');

/** Demo data must never reach a production installation. */
export function assertDemoAllowed(env: string) {
  if (env === 'production') throw new Error('refusing to create demo users when NODE_ENV=production');
}

async function findOrganisation(deps: Deps, regionId: number, wanted: DemoUser['organisation']) {
  const types = wanted.type === 'local_team_or_municipality' ? ['local_team', 'municipality'] : [wanted.type];
  let query = deps.db
    .selectFrom('organisation')
    .select(['organisation.id', 'organisation.type'])
    .where('organisation.region_id', '=', regionId)
    .where('organisation.type', 'in', types);
  if (wanted.serves) {
    const code = wanted.serves;
    query = query.where(
      'organisation.id',
      'in',
      deps.db.selectFrom('organisation_municipality').select('organisation_id').where('cbs_code', '=', code),
    );
  }
  const rows = await query.orderBy('organisation.type').orderBy('organisation.name').execute();
  // Prefer a local team over the municipality itself where the region has one.
  return rows.find((r) => r.type === 'local_team') ?? rows[0];
}

/** Loads the Gelderland-Zuid region and one demo user per role. Safe to run again. */
export async function seedDemo(deps: Deps, env: string): Promise<{ created: string[] }> {
  assertDemoAllowed(env);
  const existing = await deps.db
    .selectFrom('app_user')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { created: [] };
  const outcome = await importRegionFile(deps, DEMO_REGION_FILE, 'demo');
  if (!outcome.ok) throw new Error(`demo region file is invalid: ${JSON.stringify(outcome.problems)}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    for (const u of DEMO_USERS) {
      const org = await findOrganisation({ ...deps, db: trx }, outcome.regionId, u.organisation);
      // The shipped demo region lacks an organisation this demo user needs: a packaging error.
      if (!org) throw new Error(`no organisation for demo user ${u.username} in the demo region`);
      const user = await trx
        .insertInto('app_user')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
          totp_secret_enc: sealTotpSecret(deps.keys, u.totpSecret),
          mfa_enrolled: true,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('membership')
        .values({ user_id: user.id, organisation_id: org.id, role: u.role })
        .execute();
      await appendAuditEvent(trx, {
        actorUserId: null,
        actorOrganisationId: null,
        action: 'user.create',
        recordType: 'user',
        recordId: user.id,
        details: { via: 'demo', role: u.role },
      });
      created.push(u.username);
    }
  });
  return { created };
}

/** For the login page of a demo installation: who can sign in, with which role, for which organisation. */
export async function listDemoAccounts(deps: Pick<Deps, 'db'>) {
  const rows = await deps.db
    .selectFrom('app_user')
    .innerJoin('membership', 'membership.user_id', 'app_user.id')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select(['app_user.username', 'membership.role', 'organisation.name as organisation'])
    .where('app_user.is_demo', '=', true)
    .where('app_user.active', '=', true)
    .execute();
  const order = DEMO_USERS.map((u) => u.username);
  rows.sort((a, b) => order.indexOf(a.username) - order.indexOf(b.username));
  return { password: DEMO_PASSWORD, users: rows };
}
