import { type Kysely, sql } from 'kysely';

/**
 * Foundation: regions, organisations, identity, sessions, audit, break-the-glass and the first
 * slice of intake (reports to Veilig Thuis). Forward-only; later changes get their own number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table region (
  id serial primary key,
  code text not null unique,
  name text not null,
  source text not null,
  period_from int,
  period_to int,
  imported_at timestamptz not null default now()
);

create table municipality (
  cbs_code text primary key check (cbs_code ~ '^GM[0-9]{4}$'),
  name text not null
);

create table region_municipality (
  region_id int not null references region(id) on delete cascade,
  cbs_code text not null references municipality(cbs_code),
  subregion text,
  is_centre boolean not null default false,
  primary key (region_id, cbs_code)
);

create table municipality_population (
  cbs_code text not null references municipality(cbs_code),
  year int not null check (year between 1900 and 2200),
  inhabitants int not null check (inhabitants >= 0),
  source text not null,
  primary key (cbs_code, year)
);

create table municipality_purpose_region (
  cbs_code text not null references municipality(cbs_code),
  purpose text not null,
  region_name text not null,
  note text,
  primary key (cbs_code, purpose, region_name)
);

create table region_figure (
  region_id int not null references region(id) on delete cascade,
  key text not null,
  year int,
  value numeric not null,
  unit text not null,
  source text not null
);
create index region_figure_region on region_figure(region_id, key);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  region_id int not null references region(id) on delete cascade,
  key text not null,
  name text not null,
  type text not null,
  unique (region_id, key)
);

create table organisation_municipality (
  organisation_id uuid not null references organisation(id) on delete cascade,
  cbs_code text not null references municipality(cbs_code),
  primary key (organisation_id, cbs_code)
);
create index organisation_municipality_code on organisation_municipality(cbs_code);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  email text,
  password_hash text not null,
  totp_secret_enc text,
  mfa_enrolled boolean not null default false,
  failed_logins int not null default 0,
  locked_until timestamptz,
  active boolean not null default true,
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);

create table membership (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user(id) on delete cascade,
  organisation_id uuid not null references organisation(id) on delete cascade,
  role text not null,
  created_at timestamptz not null default now(),
  unique (user_id, organisation_id, role)
);
create index membership_org on membership(organisation_id);

create table session (
  id text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  organisation_id uuid references organisation(id) on delete cascade,
  csrf_token text not null,
  mfa_passed boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  absolute_expires_at timestamptz not null,
  revoked_at timestamptz
);
create index session_by_user on session(user_id);

create table audit_event (
  position bigint primary key,
  id uuid not null unique default gen_random_uuid(),
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_organisation_id uuid,
  action text not null,
  record_type text,
  record_id text,
  purpose text,
  request_id text,
  outcome text not null,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_event_record on audit_event(record_type, record_id);
create index audit_event_actor on audit_event(actor_user_id, occurred_at);
create index audit_event_time on audit_event(occurred_at);

-- The audit trail is append-only for the application: updates and deletes are refused by the
-- database itself. Tampering by a database owner is caught by the hash chain (kring audit verify).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();

create table break_glass_grant (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user(id),
  organisation_id uuid not null references organisation(id),
  record_type text not null,
  record_id uuid not null,
  reason text not null,
  granted_at timestamptz not null default now(),
  expires_at timestamptz not null,
  reviewed_by uuid references app_user(id),
  reviewed_at timestamptz,
  review_verdict text,
  review_note text
);
create index break_glass_active on break_glass_grant(user_id, record_type, record_id, expires_at);

create table report (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  region_id int not null references region(id),
  municipality_code text not null references municipality(cbs_code),
  created_by_user_id uuid not null references app_user(id),
  created_by_organisation_id uuid not null references organisation(id),
  violence_kinds text[] not null,
  violence_kind_list_version text not null,
  acute boolean not null,
  description text not null,
  received_at timestamptz not null,
  assessment_due_at timestamptz not null,
  status text not null default 'received'
);
create index report_queue on report(municipality_code, status, assessment_due_at);
create index report_creator on report(created_by_user_id);

create table report_person (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references report(id) on delete cascade,
  position int not null,
  full_name text not null,
  date_of_birth date not null,
  role text not null,
  bsn_encrypted text,
  bsn_hash text
);
create index report_person_report on report_person(report_id);
create index report_person_bsn on report_person(bsn_hash) where bsn_hash is not null;

create table report_note (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references report(id) on delete cascade,
  category text not null,
  organisation_id uuid not null references organisation(id),
  author_user_id uuid not null references app_user(id),
  body text not null,
  created_at timestamptz not null default now()
);
create index report_note_report on report_note(report_id);

create table job_run (
  id uuid primary key default gen_random_uuid(),
  job text not null,
  slot text not null,
  instance text not null,
  ran_at timestamptz not null default now(),
  details jsonb not null default '{}'::jsonb,
  unique (job, slot)
);
`.execute(db);
}
