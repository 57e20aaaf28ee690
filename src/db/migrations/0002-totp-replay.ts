import { type Kysely, sql } from 'kysely';

/** RFC 6238 §5.2: a one-time code may be used once. We keep the last accepted time step per user. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column totp_last_step bigint`.execute(db);
}
