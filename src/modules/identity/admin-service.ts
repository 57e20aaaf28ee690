import type { Role } from '../../domain/roles.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { auditActor, type RequestContext, requireRole } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { hashPassword, isAcceptablePassword } from './password.ts';
import { revokeAllSessions } from './session-store.ts';
import { listMemberships } from './store.ts';
import { createTotpSecret, sealTotpSecret, totpUri } from './totp.ts';

/** A functional administrator manages the people of the organisations in their own region. */
function requireAdmin(ctx: RequestContext) {
  return requireRole(ctx, 'functional_admin');
}

async function regionUserIds(deps: Deps, regionId: number): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select('membership.user_id')
    .distinct()
    .where('organisation.region_id', '=', regionId)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function listUsers(deps: Deps, ctx: RequestContext) {
  const admin = requireAdmin(ctx);
  const ids = await regionUserIds(deps, admin.organisation.regionId);
  if (ids.length === 0) return [];
  const [users, memberships] = await Promise.all([
    deps.db
      .selectFrom('app_user')
      .select(['id', 'username', 'display_name', 'email', 'active', 'mfa_enrolled', 'locked_until'])
      .where('id', 'in', ids)
      .orderBy('username')
      .execute(),
    listMemberships(deps.db, ids),
  ]);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    active: u.active,
    mfaEnrolled: u.mfa_enrolled,
    locked: u.locked_until !== null && u.locked_until.getTime() > deps.now().getTime(),
    memberships: memberships
      .filter((m) => m.userId === u.id && m.regionId === admin.organisation.regionId)
      .map((m) => ({
        id: m.id,
        role: m.role,
        organisationId: m.organisationId,
        organisationName: m.organisationName,
      })),
  }));
}

async function requireOrganisationInRegion(deps: Deps, organisationId: string, regionId: number) {
  const org = await deps.db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', organisationId)
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (!org)
    throw new AppError('validation_failed', [
      { path: 'body.organisationId', message: FIELD_MESSAGES.unknown_organisation },
    ]);
}

/** Creates a user with a first membership; returns the MFA enrolment secret once, never again. */
export async function createUser(
  deps: Deps,
  ctx: RequestContext,
  input: {
    username: string;
    displayName: string;
    email?: string | undefined;
    password: string;
    organisationId: string;
    role: Role;
  },
) {
  const admin = requireAdmin(ctx);
  if (!isAcceptablePassword(input.password)) {
    throw new AppError('validation_failed', [
      { path: 'body.password', message: FIELD_MESSAGES.password_too_short },
    ]);
  }
  await requireOrganisationInRegion(deps, input.organisationId, admin.organisation.regionId);
  const secret = createTotpSecret();
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (existing)
      throw new AppError('conflict', [{ path: 'body.username', message: FIELD_MESSAGES.username_taken }]);
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        email: input.email ?? null,
        password_hash: passwordHash,
        totp_secret_enc: sealTotpSecret(deps.keys, secret),
        mfa_enrolled: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('membership')
      .values({ user_id: user.id, organisation_id: input.organisationId, role: input.role })
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'user.create',
      recordType: 'user',
      recordId: user.id,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'membership.add',
      recordType: 'user',
      recordId: user.id,
      details: { organisationId: input.organisationId, role: input.role },
    });
    return { id: user.id, totpSecret: secret, totpUri: totpUri(input.username, secret) };
  });
}

export async function addMembership(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  input: { organisationId: string; role: Role },
) {
  const admin = requireAdmin(ctx);
  if (!(await regionUserIds(deps, admin.organisation.regionId)).includes(userId))
    throw new AppError('not_found');
  await requireOrganisationInRegion(deps, input.organisationId, admin.organisation.regionId);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('membership')
      .values({ user_id: userId, organisation_id: input.organisationId, role: input.role })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('conflict');
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'membership.add',
      recordType: 'user',
      recordId: userId,
      details: input,
    });
    return { id: row.id };
  });
}

export async function removeMembership(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  membershipId: string,
) {
  const admin = requireAdmin(ctx);
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('membership')
      .where('membership.id', '=', membershipId)
      .where('membership.user_id', '=', userId)
      .where(
        'membership.organisation_id',
        'in',
        trx.selectFrom('organisation').select('id').where('region_id', '=', admin.organisation.regionId),
      )
      .returning(['organisation_id', 'role'])
      .executeTakeFirst();
    if (!removed) throw new AppError('not_found');
    // A role taken away takes effect at once: the user's sessions end.
    await revokeAllSessions(trx, userId, deps.now());
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'membership.remove',
      recordType: 'user',
      recordId: userId,
      details: { organisationId: removed.organisation_id, role: removed.role },
    });
  });
}

export async function setUserActive(deps: Deps, ctx: RequestContext, userId: string, active: boolean) {
  const admin = requireAdmin(ctx);
  if (userId === admin.user.id) throw new AppError('forbidden');
  if (!(await regionUserIds(deps, admin.organisation.regionId)).includes(userId))
    throw new AppError('not_found');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ active, failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
    if (!active) await revokeAllSessions(trx, userId, deps.now());
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: active ? 'user.activate' : 'user.deactivate',
      recordType: 'user',
      recordId: userId,
    });
  });
}
