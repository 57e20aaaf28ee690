import { isLocked, lockAfterFailure } from '../../domain/lockout.ts';
import { rolesRequireMfa } from '../../domain/roles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { RequestContext } from '../access/request-context.ts';
import { auditActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { createSession, findLiveSession, revokeAllSessions, revokeSession } from './session-store.ts';
import {
  findUserById,
  findUserByUsername,
  listMemberships,
  recordFailedLogin,
  resetFailedLogins,
} from './store.ts';
import { matchTotpStep, openTotpSecret } from './totp.ts';

export interface LoginResult {
  token: string;
  csrfToken: string;
  mfaRequired: boolean;
}

/** Step 1: password. Opens a short pending session that only the second factor can complete. */
export async function login(
  deps: Deps,
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const now = deps.now();
  const user = await findUserByUsername(deps.db, input.username);
  if (!user || !user.active) {
    await verifyAgainstDummy(input.password);
    await audit(deps, ctx, null, 'auth.login', 'failure', { reason: 'unknown_or_inactive' });
    throw new AppError('invalid_credentials');
  }
  if (isLocked(user.locked_until, now)) {
    await audit(deps, ctx, user.id, 'auth.login', 'denied', { reason: 'locked' });
    throw new AppError('account_locked');
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await failAttempt(deps, ctx, user.id, user.failed_logins, 'auth.login');
    throw new AppError('invalid_credentials');
  }
  const memberships = await listMemberships(deps.db, [user.id]);
  const mfaRequired = user.mfa_enrolled || rolesRequireMfa(memberships.map((m) => m.role));
  if (mfaRequired && !user.totp_secret_enc) {
    await audit(deps, ctx, user.id, 'auth.login', 'denied', { reason: 'mfa_not_enrolled' });
    throw new AppError('mfa_required');
  }
  return deps.db.transaction().execute(async (trx) => {
    const session = await createSession(trx, {
      userId: user.id,
      organisationId: memberships[0]?.organisationId ?? null,
      mfaPassed: !mfaRequired,
      now,
    });
    if (!mfaRequired) await resetFailedLogins(trx, user.id);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      actorUserId: user.id,
      action: 'auth.login',
      outcome: 'success',
      details: { step: 'password', mfaRequired },
    });
    return { token: session.token, csrfToken: session.csrfToken, mfaRequired };
  });
}

/** Step 2: the TOTP code. Replaces the pending session by a new one (no session fixation). */
export async function completeMfa(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  code: string,
): Promise<{ token: string; csrfToken: string }> {
  const now = deps.now();
  const found = await findLiveSession(deps.db, token, now);
  if (found.status !== 'live') throw new AppError('session_expired');
  const session = found.row;
  if (session.mfa_passed) throw new AppError('bad_request');
  const user = await findUserById(deps.db, session.user_id);
  if (!user?.totp_secret_enc) throw new AppError('session_expired');
  if (isLocked(user.locked_until, now)) {
    await revokeSession(deps.db, session.id, now);
    throw new AppError('account_locked');
  }
  const step = matchTotpStep(openTotpSecret(deps.keys, user.totp_secret_enc), code, now);
  const replayed = step !== null && user.totp_last_step !== null && step <= user.totp_last_step;
  if (step === null || replayed) {
    await failAttempt(
      deps,
      ctx,
      user.id,
      user.failed_logins,
      'auth.mfa',
      replayed ? { reason: 'code_reused' } : {},
    );
    throw new AppError('invalid_mfa_code');
  }
  return deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, session.id, now);
    const fresh = await createSession(trx, {
      userId: user.id,
      organisationId: session.organisation_id,
      mfaPassed: true,
      now,
    });
    await resetFailedLogins(trx, user.id);
    await trx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      actorUserId: user.id,
      action: 'auth.mfa',
      outcome: 'success',
    });
    return { token: fresh.token, csrfToken: fresh.csrfToken };
  });
}

async function failAttempt(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  failedSoFar: number,
  action: string,
  details: Record<string, unknown> = {},
) {
  const lock = lockAfterFailure(failedSoFar, deps.now());
  await deps.db.transaction().execute(async (trx) => {
    await recordFailedLogin(trx, userId, lock);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      actorUserId: userId,
      action,
      outcome: 'failure',
      details,
    });
    if (lock)
      await appendAuditEvent(trx, {
        ...auditActor(ctx),
        actorUserId: userId,
        action: 'auth.lockout',
        outcome: 'success',
      });
  });
}

async function audit(
  deps: Deps,
  ctx: RequestContext,
  userId: string | null,
  action: string,
  outcome: 'failure' | 'denied',
  details: Record<string, unknown>,
) {
  await deps.db
    .transaction()
    .execute((trx) =>
      appendAuditEvent(trx, { ...auditActor(ctx), actorUserId: userId, action, outcome, details }),
    );
}

export async function logout(deps: Deps, ctx: RequestContext): Promise<void> {
  if (!ctx.session) return;
  const sessionId = ctx.session.id;
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, sessionId, deps.now());
    await appendAuditEvent(trx, { ...auditActor(ctx), action: 'auth.logout' });
  });
}

/** Ends every session of the signed-in user on every device and instance. */
export async function logoutEverywhere(deps: Deps, ctx: RequestContext): Promise<number> {
  const user = ctx.user;
  if (!user) throw new AppError('unauthenticated');
  return deps.db.transaction().execute(async (trx) => {
    const count = await revokeAllSessions(trx, user.id, deps.now());
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'auth.logout_all',
      details: { sessions: count },
    });
    return count;
  });
}

/** Acting for another organisation the user is a member of. */
export async function switchOrganisation(
  deps: Deps,
  ctx: RequestContext,
  organisationId: string,
): Promise<void> {
  const user = ctx.user;
  const session = ctx.session;
  if (!user || !session?.mfaPassed) throw new AppError('unauthenticated');
  const memberships = await listMemberships(deps.db, [user.id]);
  if (!memberships.some((m) => m.organisationId === organisationId)) throw new AppError('not_found');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('session')
      .set({ organisation_id: organisationId })
      .where('id', '=', session.id)
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      actorOrganisationId: organisationId,
      action: 'auth.switch_organisation',
    });
  });
}
