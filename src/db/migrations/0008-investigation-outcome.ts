import { type Kysely, sql } from 'kysely';

/** The conclusion of Veilig Thuis' own investigation: confirmed, not confirmed or refuted (CBS 84853NED). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table report
  add column investigation_concluded_at timestamptz,
  add column investigation_outcome text,
  add column investigation_conclusion text;
`.execute(db);
}
