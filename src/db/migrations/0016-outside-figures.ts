import { type Kysely, sql } from 'kysely';

/**
 * Outside figures (issue 5 §5) and report runs (§4).
 *
 * - outside_figure: police incidents and crimes of domestic violence per municipality per year, with
 *   where they come from and who imported them. One value per source, measure, municipality and
 *   year: a re-import replaces it.
 * - Population goes into the existing municipality_population (0001), the one table every rate
 *   per 100,000 inhabitants reads; an import adds when the source was published and who imported it.
 * - insight_report_run: a requested PDF/XLSX/CSV report, its progress and, when done, the file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table outside_figure (
  id uuid primary key default gen_random_uuid(),
  source text not null check (source in ('police')),
  measure text not null check (measure in ('incidents_domestic_violence', 'crimes_domestic_violence')),
  municipality_code text not null references municipality(cbs_code),
  year int not null check (year between 1900 and 2200),
  value int not null check (value >= 0),
  source_text text not null,
  source_date date not null,
  imported_by_user_id uuid references app_user(id),
  imported_at timestamptz not null,
  unique (source, measure, municipality_code, year)
);
create index outside_figure_municipality_year on outside_figure(municipality_code, year);

alter table municipality_population
  add column source_date date,
  add column imported_by_user_id uuid references app_user(id),
  add column imported_at timestamptz;

create table insight_report_run (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('baseline', 'quarterly', 'yearly')),
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  municipality_code text references municipality(cbs_code),
  language text not null check (language in ('nl', 'en')),
  format text not null check (format in ('pdf', 'xlsx', 'csv')),
  region_id int not null references region(id),
  requested_by_user_id uuid not null references app_user(id),
  requested_by_organisation_id uuid not null references organisation(id),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress int not null default 0 check (progress between 0 and 100),
  file_name text,
  file_bytes bytea,
  failure jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz,
  check ((status = 'done') = (file_bytes is not null))
);
create index insight_report_run_requester on insight_report_run(requested_by_user_id, created_at desc);
`.execute(db);
}
