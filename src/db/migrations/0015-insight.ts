import { type Kysely, sql } from 'kysely';

/**
 * Regional insight (issue 5): national reference figures a region's policy advisor enters with
 * their source and date, to compare the region's own figures with. One figure per region,
 * indicator and year; entering it again replaces it (the audit trail keeps the earlier value).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table insight_reference_figure (
  id uuid primary key default gen_random_uuid(),
  region_id integer not null references region(id),
  indicator text not null,
  year integer not null check (year between 1990 and 2100),
  value double precision not null check (value >= 0),
  source text not null,
  source_date date not null,
  entered_by_user_id uuid not null references app_user(id),
  entered_at timestamptz not null,
  unique (region_id, indicator, year)
);
`.execute(db);
}
