import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { OrganisationType } from '../../domain/organisation-type.ts';
import type { Role } from '../../domain/roles.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface MembershipView {
  id: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  regionId: number;
}

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMemberships(
  db: Db,
  userIds: readonly string[],
): Promise<(MembershipView & { userId: string })[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('membership')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select([
      'membership.id',
      'membership.user_id',
      'membership.role',
      'organisation.id as organisation_id',
      'organisation.name as organisation_name',
      'organisation.type as organisation_type',
      'organisation.region_id',
    ])
    .where('membership.user_id', 'in', userIds)
    .orderBy('organisation.name')
    .orderBy('membership.role')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    role: r.role as Role,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    organisationType: r.organisation_type as OrganisationType,
    regionId: r.region_id,
  }));
}

export async function recordFailedLogin(db: Db, userId: string, lockUntil: Date | null) {
  await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), locked_until: lockUntil }))
    .where('id', '=', userId)
    .execute();
}

export async function resetFailedLogins(db: Db, userId: string) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
