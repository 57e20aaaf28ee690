import { type Kysely, sql } from 'kysely';

/**
 * Multi-agency meetings and plan actions from their decisions (issue 3 §8). A meeting's record
 * carries an information category (an Actieoverleg defaults to justice, see
 * src/domain/casework/meeting.ts), and so does each piece of information shared in it. A decision
 * is written as a case action with how it is monitored; an action now comes from exactly one
 * source: a safety assessment or a meeting. Closing an action keeps who, when and why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table case_meeting (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  kind text not null check (kind in ('mda_table', 'action_meeting', 'case_meeting')),
  held_at timestamptz not null,
  category text not null check (category in ('team', 'organisation', 'justice', 'health')),
  agenda text[] not null,
  organisation_id uuid not null references organisation(id),
  recorded_by_user_id uuid not null references app_user(id),
  recorded_at timestamptz not null
);
create index case_meeting_case on case_meeting(case_id, held_at);

create table case_meeting_participant (
  meeting_id uuid not null references case_meeting(id),
  position integer not null,
  user_id uuid references app_user(id),
  organisation_id uuid references organisation(id),
  case_role text,
  outside_name text,
  outside_organisation text,
  outside_role text,
  is_chair boolean not null default false,
  primary key (meeting_id, position),
  check (
    (user_id is not null and organisation_id is not null and case_role is not null
      and outside_name is null and outside_organisation is null and outside_role is null)
    or (user_id is null and organisation_id is null and case_role is null
      and outside_name is not null and outside_organisation is not null and outside_role is not null)
  )
);
create unique index case_meeting_one_chair on case_meeting_participant(meeting_id) where is_chair;

create table case_meeting_information (
  meeting_id uuid not null references case_meeting(id),
  position integer not null,
  category text not null check (category in ('team', 'organisation', 'justice', 'health')),
  body text not null,
  primary key (meeting_id, position)
);

alter table case_action alter column assessment_id drop not null;
alter table case_action add column meeting_id uuid references case_meeting(id);
alter table case_action add column monitoring text;
alter table case_action add constraint case_action_one_source
  check (num_nonnulls(assessment_id, meeting_id) = 1);
alter table case_action add constraint case_action_meeting_monitored
  check (meeting_id is null or monitoring is not null);
alter table case_action add constraint case_action_status
  check (status in ('open', 'done', 'not_done'));
create index case_action_meeting on case_action(meeting_id);
create index case_action_owner_open on case_action(owner_user_id, due_on) where status = 'open';

create table case_action_status_change (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references case_action(id),
  from_status text not null,
  to_status text not null,
  note text not null,
  changed_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  changed_at timestamptz not null
);
-- An action is closed once (done or not done); a second change would be a new decision.
create unique index case_action_status_change_action on case_action_status_change(action_id);
`.execute(db);
}
