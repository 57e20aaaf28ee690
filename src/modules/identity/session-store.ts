import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const SESSION_IDLE_MS = 15 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** A session waiting for its second factor lives briefly. */
export const PENDING_SESSION_MS = 5 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 30 * 1000;

/** The cookie carries a random token; the database keeps only its hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  trx: Transaction<DB>,
  input: { userId: string; organisationId: string | null; mfaPassed: boolean; now: Date },
): Promise<{ token: string; id: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const lifetime = input.mfaPassed ? SESSION_ABSOLUTE_MS : PENDING_SESSION_MS;
  await trx
    .insertInto('session')
    .values({
      id,
      user_id: input.userId,
      organisation_id: input.organisationId,
      csrf_token: csrfToken,
      mfa_passed: input.mfaPassed,
      created_at: input.now,
      last_seen_at: input.now,
      absolute_expires_at: new Date(input.now.getTime() + lifetime),
    })
    .execute();
  return { token, id, csrfToken };
}

export async function findLiveSession(db: Kysely<DB>, token: string, now: Date) {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.user_id',
      'session.organisation_id',
      'session.csrf_token',
      'session.mfa_passed',
      'session.last_seen_at',
      'session.absolute_expires_at',
      'session.revoked_at',
      'app_user.username',
      'app_user.display_name',
      'app_user.active',
      'app_user.is_demo',
    ])
    .where('session.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { status: 'missing' as const };
  const expired =
    row.revoked_at !== null ||
    !row.active ||
    row.absolute_expires_at.getTime() <= now.getTime() ||
    now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS;
  if (expired) return { status: 'expired' as const, row };
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return { status: 'live' as const, row };
}

export async function revokeSession(db: Kysely<DB> | Transaction<DB>, id: string, now: Date) {
  await db
    .updateTable('session')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllSessions(db: Kysely<DB> | Transaction<DB>, userId: string, now: Date) {
  const result = await db
    .updateTable('session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
