import { type Kysely, sql } from 'kysely';

/**
 * Handovers between organisations with escalation (issue 3 §9): what is handed over (the case's
 * coordination, or a task), from whom to which organisation, the receiver's deadline, the warm
 * handover's joint contact, the escalation level with its deadline, and the outcome. Every step is
 * kept in case_handover_event (who, when, why). A case has at most one open coordination handover.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table case_handover (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  subject text not null check (subject in ('coordination', 'task')),
  task_description text,
  summary text not null,
  warm boolean not null,
  from_organisation_id uuid not null references organisation(id),
  from_user_id uuid not null references app_user(id),
  to_organisation_id uuid not null references organisation(id),
  to_user_id uuid references app_user(id),
  status text not null check (status in ('proposed', 'accepted', 'declined', 'withdrawn', 'escalated', 'resolved')),
  proposed_at timestamptz not null,
  response_due_at timestamptz not null,
  reason text,
  escalation_level integer,
  escalation_due_at timestamptz,
  joint_contact_at timestamptz,
  joint_contact_mode text,
  joint_contact_sender_user_id uuid references app_user(id),
  joint_contact_receiver_user_id uuid references app_user(id),
  joint_contact_note text,
  resolution text check (resolution in ('handed_over', 'stays_with_sender', 'other')),
  decided_at timestamptz,
  taken_over_by_user_id uuid references app_user(id),
  check (from_organisation_id <> to_organisation_id),
  check ((subject = 'task') = (task_description is not null)),
  check (status <> 'escalated' or (escalation_level is not null and escalation_due_at is not null))
);
create index case_handover_case on case_handover(case_id, proposed_at);
create index case_handover_waiting_organisation on case_handover(to_organisation_id)
  where status in ('proposed', 'escalated');
create index case_handover_waiting_user on case_handover(to_user_id)
  where status in ('proposed', 'escalated');
create index case_handover_response_due on case_handover(response_due_at) where status = 'proposed';
create index case_handover_escalation_due on case_handover(escalation_due_at) where status = 'escalated';
create unique index case_handover_one_open_coordination on case_handover(case_id)
  where subject = 'coordination' and status in ('proposed', 'declined', 'escalated');

create table case_handover_event (
  id uuid primary key default gen_random_uuid(),
  handover_id uuid not null references case_handover(id),
  position integer not null,
  action text not null,
  from_status text,
  to_status text not null,
  actor_user_id uuid references app_user(id),
  actor_organisation_id uuid references organisation(id),
  automatic boolean not null default false,
  reason text,
  escalation_level integer,
  occurred_at timestamptz not null,
  unique (handover_id, position)
);
`.execute(db);
}
