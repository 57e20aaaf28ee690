import { type Kysely, sql } from 'kysely';

/**
 * Household casework (issue 3): the case (casus) with its members, attached reports, team, phase
 * history, safety assessments with their actions, categorised notes and the versioned safety plan. One open case per
 * household is enforced by the service under an advisory lock (matching needs the BSN hash or
 * name + date of birth, which a unique index cannot express).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table household_case (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  region_id integer not null references region(id),
  municipality_code text not null references municipality(cbs_code),
  phase text not null default 'direct_safety',
  coordinator_user_id uuid not null references app_user(id),
  coordinator_organisation_id uuid not null references organisation(id),
  opened_by_user_id uuid not null references app_user(id),
  opened_at timestamptz not null,
  closed_at timestamptz
);
create index household_case_municipality on household_case(municipality_code);
create index household_case_coordinator on household_case(coordinator_user_id);

create table case_member (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  position integer not null,
  full_name text not null,
  date_of_birth date not null,
  role text not null,
  bsn_encrypted text,
  bsn_hash text
);
create index case_member_case on case_member(case_id);
create index case_member_bsn_hash on case_member(bsn_hash);
create index case_member_dob on case_member(date_of_birth);

create table case_report (
  report_id uuid primary key references report(id),
  case_id uuid not null references household_case(id),
  attached_at timestamptz not null,
  attached_by_user_id uuid not null references app_user(id)
);
create index case_report_case on case_report(case_id);

create table case_team_member (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  case_role text not null,
  joined_at timestamptz not null,
  joined_by_user_id uuid not null references app_user(id),
  left_at timestamptz,
  left_by_user_id uuid references app_user(id)
);
create unique index case_team_member_active on case_team_member(case_id, user_id, organisation_id) where left_at is null;
create index case_team_member_user on case_team_member(user_id, organisation_id) where left_at is null;

create table case_phase_change (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  from_phase text,
  to_phase text not null,
  reason text not null,
  changed_by_user_id uuid not null references app_user(id),
  changed_at timestamptz not null
);
create index case_phase_change_case on case_phase_change(case_id, changed_at);

create table case_assessment (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  assessed_at timestamptz not null,
  recorded_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  concerns text[] not null,
  min_score integer not null,
  median_score double precision not null
);
create index case_assessment_case on case_assessment(case_id, assessed_at);

create table case_assessment_score (
  assessment_id uuid not null references case_assessment(id),
  position integer not null,
  participant_id text not null,
  participant_type text not null,
  participant_label text not null,
  score integer not null,
  primary key (assessment_id, position)
);

create table case_action (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  assessment_id uuid not null references case_assessment(id),
  position integer not null,
  description text not null,
  owner_user_id uuid not null references app_user(id),
  due_on date not null,
  status text not null default 'open'
);
create index case_action_case on case_action(case_id);

create table case_note (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  category text not null,
  organisation_id uuid not null references organisation(id),
  author_user_id uuid not null references app_user(id),
  body text not null,
  created_at timestamptz not null
);
create index case_note_case on case_note(case_id, created_at);

create table case_safety_plan_version (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  version integer not null,
  status text not null,
  conditions text[] not null,
  agreements jsonb not null,
  if_it_goes_wrong text not null,
  change_note text,
  changed_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  changed_at timestamptz not null,
  unique (case_id, version)
);
`.execute(db);
}
