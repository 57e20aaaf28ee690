import { type Kysely, sql } from 'kysely';

/**
 * The meldcode assistant (Wet verplichte meldcode): a professional's record of the five steps,
 * kept in the professional's own organisation. Texts the record was answered under (steps and
 * afwegingskader) are stored as version ids, never copied or rewritten.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table meldcode_record (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation(id),
  created_by_user_id uuid not null references app_user(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  municipality_code text not null references municipality(cbs_code),
  persons jsonb not null,
  client_index int not null,
  expecting_child boolean not null,
  violence_kinds text[] not null,
  violence_kind_list_version text not null,
  steps_version text not null,
  signals text,
  kindcheck_note text,
  signals_at timestamptz,
  talk_held boolean,
  talk_summary text,
  talk_skipped_reason text,
  talk_at timestamptz,
  weighing_text_version text,
  weighing_answers jsonb,
  weighing_at timestamptz,
  outcome text,
  outcome_acute boolean,
  outcome_note text,
  decided_at timestamptz,
  report_id uuid references report(id),
  reported_at timestamptz
);
create index meldcode_record_organisation on meldcode_record(organisation_id, created_by_user_id, created_at);

create table meldcode_consultation (
  id uuid primary key default gen_random_uuid(),
  record_id uuid not null references meldcode_record(id),
  kind text not null,
  who text not null,
  consulted_on date not null,
  outcome text not null,
  advice_request_id uuid references advice_request(id),
  created_by_user_id uuid not null references app_user(id),
  created_at timestamptz not null
);
create index meldcode_consultation_record on meldcode_consultation(record_id, created_at);
`.execute(db);
}
