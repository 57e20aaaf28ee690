import { type Kysely, sql } from 'kysely';

/**
 * Monitoring moments, reasoned closure with a letter, reopening (issue 3 §11).
 * - A monitoring moment is planned when the case enters monitoring (one round per entry); leaving
 *   monitoring ends the round (`ended_at`), so moments not done by then are cancelled, not overdue.
 * - A monitoring contact records who checked, when, with whom, the outcome and an optional score.
 * - A closure keeps the reason code, the explanation and the letter exactly as generated at closing
 *   (the letter the household received must stay readable as it was).
 * - A reopening refers to the closure it undoes; the case's phase history stays as it is.
 * - A succession links a new case to the closed case of the same household it follows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table case_monitoring_moment (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  round_started_at timestamptz not null,
  months_after integer not null,
  due_on date not null,
  window_starts_at timestamptz not null,
  due_at timestamptz not null,
  ended_at timestamptz,
  unique (case_id, round_started_at, months_after)
);
create index case_monitoring_moment_case on case_monitoring_moment(case_id, due_at);
create index case_monitoring_moment_open on case_monitoring_moment(due_at) where ended_at is null;

create table case_monitoring_contact (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  moment_id uuid not null references case_monitoring_moment(id),
  contacted_at timestamptz not null,
  contact_with text not null,
  outcome text not null,
  score integer check (score between 0 and 10),
  note text not null,
  recorded_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  recorded_at timestamptz not null
);
create index case_monitoring_contact_moment on case_monitoring_contact(moment_id, contacted_at);
create index case_monitoring_contact_case on case_monitoring_contact(case_id);

create table case_closure (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  reason_code text not null,
  explanation text not null,
  closed_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  closed_at timestamptz not null,
  letter_subject text not null,
  letter_paragraphs text[] not null,
  letter_protected_passages integer not null
);
create index case_closure_case on case_closure(case_id, closed_at);

create table case_reopening (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references household_case(id),
  closure_id uuid not null unique references case_closure(id),
  reason text not null,
  to_phase text not null,
  reopened_by_user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  reopened_at timestamptz not null
);
create index case_reopening_case on case_reopening(case_id, reopened_at);

create table case_succession (
  case_id uuid primary key references household_case(id),
  previous_case_id uuid not null references household_case(id),
  report_id uuid not null references report(id),
  linked_at timestamptz not null
);
create index case_succession_previous on case_succession(previous_case_id);
`.execute(db);
}
