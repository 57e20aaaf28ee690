import { type Kysely, sql } from 'kysely';

/**
 * Advice requests (adviesvragen) through every channel, and reports from residents through the
 * public page: such a report has no signed-in author, but a reporter known to Veilig Thuis who may
 * stay anonymous towards the household (identity kept encrypted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table advice_request (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  region_id int not null references region(id),
  municipality_code text not null references municipality(cbs_code),
  channel text not null,
  created_by_user_id uuid references app_user(id),
  created_by_organisation_id uuid references organisation(id),
  asker_role text not null,
  asker_function text,
  asker_organisation text,
  anonymous boolean not null,
  contact_encrypted text,
  violence_kinds text[] not null,
  violence_kind_list_version text not null,
  violence_duration text not null,
  question text not null,
  received_at timestamptz not null,
  status text not null default 'open',
  answered_at timestamptz,
  answered_by_user_id uuid references app_user(id),
  answer text
);
create index advice_request_queue on advice_request(municipality_code, status, received_at);

alter table report
  alter column created_by_user_id drop not null,
  alter column created_by_organisation_id drop not null,
  add column reporter_kind text not null default 'professional',
  add column reporter_identity_encrypted text,
  add column reporter_anonymous_to_household boolean not null default false;
`.execute(db);
}
