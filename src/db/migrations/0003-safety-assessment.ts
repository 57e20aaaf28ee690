import { type Kysely, sql } from 'kysely';

/** The veiligheidsbeoordeling and its route decision on a report; the end of VT's involvement. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table report
  add column assessed_at timestamptz,
  add column assessed_by_user_id uuid references app_user(id),
  add column acute_unsafety boolean,
  add column structural_unsafety boolean,
  add column route text,
  add column route_reason text,
  add column investigation_start_by timestamptz,
  add column investigation_conclude_by timestamptz,
  add column involvement_ended_at timestamptz;
create index report_person_dob on report_person(date_of_birth);
`.execute(db);
}
