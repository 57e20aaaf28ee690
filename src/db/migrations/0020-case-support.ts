import { type Kysely, sql } from 'kysely';

/**
 * Help offered around a household case beyond the measures (issue 5 §1, outcomes): help for a
 * perpetrator (*plegerhulp*: a programme such as De Waag or Kairos, offered to a member of the
 * household) and an experience expert (*ervaringsdeskundige*) taking part. One row per offer, with
 * its outcome once known: used (the help started, the expert took part) or declined. Insight counts
 * them without names (src/modules/insight/store.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table case_support (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  kind text not null check (kind in ('perpetrator_help', 'experience_expert')),
  member_id uuid references case_member(id),
  provider text not null,
  category text not null,
  offered_at timestamptz not null,
  note text,
  outcome text check (outcome in ('used', 'declined')),
  outcome_at timestamptz,
  outcome_note text,
  outcome_recorded_by_user_id uuid references app_user(id),
  recorded_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  recorded_at timestamptz not null,
  check ((outcome is null) = (outcome_at is null)),
  check ((outcome is null) = (outcome_recorded_by_user_id is null)),
  check (outcome_at is null or outcome_at >= offered_at),
  check (kind <> 'perpetrator_help' or member_id is not null)
);
create index case_support_case on case_support(case_id, offered_at);
`.execute(db);
}
