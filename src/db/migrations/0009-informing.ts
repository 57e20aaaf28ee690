import { type Kysely, sql } from 'kysely';

/**
 * Informing after a report: the reporter about the steps taken (Wmo 2015 art. 4.1.1 g) and the
 * persons concerned within four weeks, extendable by two weeks at a time with a reason (art. 5.3.1).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table report
  add column reporter_informed_at timestamptz,
  add column household_informed_at timestamptz;
create table report_informing_extension (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references report(id) on delete cascade,
  days int not null check (days between 1 and 14),
  reason text not null,
  granted_at timestamptz not null,
  granted_by_user_id uuid not null references app_user(id)
);
create index report_informing_extension_report on report_informing_extension(report_id);
`.execute(db);
}
