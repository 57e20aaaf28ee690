import { type Kysely, sql } from 'kysely';

/** A region's working agreements (werkafspraken) from its region file; see src/domain/region-agreements.ts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table region add column agreements jsonb not null default '{}'::jsonb`.execute(db);
}
