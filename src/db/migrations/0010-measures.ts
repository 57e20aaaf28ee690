import { type Kysely, sql } from 'kysely';

/**
 * Measures with legal clocks on a case (issue 3 §7): the measure with the members it concerns, its
 * extensions, and the reminders and expiries the scheduled job recorded. `end_at` and
 * `maximum_end_at` are computed by the pure rules (src/domain/casework/measure-clock.ts) and stored
 * so that deadline queries ("what ends this week") run on an index; an extension rewrites `end_at`
 * in the same transaction. A reminder is unique per measure, kind and moment: a job that runs twice
 * records it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table case_measure (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  kind text not null,
  category text not null,
  imposed_at timestamptz not null,
  decided_by text not null,
  decision_reference text,
  note text,
  end_at timestamptz not null,
  maximum_end_at timestamptz,
  lifted_at timestamptz,
  lifted_reason text,
  lifted_decided_by text,
  lifted_by_user_id uuid references app_user(id),
  recorded_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  recorded_at timestamptz not null,
  check (maximum_end_at is null or end_at <= maximum_end_at),
  check (end_at > imposed_at)
);
create index case_measure_case on case_measure(case_id, imposed_at);
create index case_measure_running_end on case_measure(end_at) where lifted_at is null;

create table case_measure_member (
  measure_id uuid not null references case_measure(id),
  member_id uuid not null references case_member(id),
  part text not null,
  primary key (measure_id, member_id)
);

create table case_measure_extension (
  id uuid primary key default gen_random_uuid(),
  measure_id uuid not null references case_measure(id),
  previous_end_at timestamptz not null,
  new_end_at timestamptz not null,
  reason text not null,
  decided_by text not null,
  recorded_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  recorded_at timestamptz not null,
  check (new_end_at > previous_end_at)
);
create index case_measure_extension_measure on case_measure_extension(measure_id, recorded_at);

create table case_measure_reminder (
  id uuid primary key default gen_random_uuid(),
  measure_id uuid not null references case_measure(id),
  reminder_kind text not null,
  days_before integer,
  due_at timestamptz not null,
  end_at timestamptz not null,
  recorded_at timestamptz not null,
  job_slot text not null,
  unique (measure_id, reminder_kind, due_at)
);
`.execute(db);
}
