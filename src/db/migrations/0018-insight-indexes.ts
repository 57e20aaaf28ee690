import { type Kysely, sql } from 'kysely';

/**
 * Regional insight at national scale (issue 5 §7): the dashboard reads one summary row per region
 * and quarter (`insight_quarter_summary`: the unprotected counts of that quarter, grouped in SQL)
 * instead of the records themselves. Triggers on every table an indicator reads note the region
 * and quarter a change touches in `insight_stale_quarter` (quarter '*': the whole region); the
 * store recomputes those quarters before it answers (src/modules/insight/store.ts), so a summary
 * is never read stale. Statement-level triggers with transition tables: a bulk insert notes each
 * quarter once, not once per row. The indexes serve the recomputation and the live figures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
-- The quarter "2024-Q3" of an instant on the Amsterdam calendar (src/domain/insight/quarters.ts).
create function insight_quarter(at timestamptz) returns text language sql stable parallel safe as
$$ select to_char(at at time zone 'Europe/Amsterdam', 'YYYY"-Q"Q') $$;

-- The name as the re-report linkage compares it: trimmed, single spaces, lower case.
create function insight_name_key(name text) returns text language sql immutable parallel safe as
$$ select lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) $$;

create index report_person_name_key on report_person (date_of_birth, insight_name_key(full_name));
create index report_region_received on report (region_id, received_at) include (municipality_code);
create index report_region_concluded on report (region_id, investigation_concluded_at)
  where investigation_concluded_at is not null;
create index report_region_unassessed on report (region_id, received_at) where assessed_at is null;
create index advice_request_region_received on advice_request (region_id, received_at)
  include (municipality_code);
create index household_case_region_opened on household_case (region_id, opened_at);
create index household_case_region_open on household_case (region_id) where closed_at is null;

create table insight_quarter_summary (
  region_id integer not null references region(id),
  quarter text not null,
  -- SUMMARY_VERSION of the code that computed it; another version is recomputed.
  version integer not null,
  counts jsonb not null,
  computed_at timestamptz not null,
  primary key (region_id, quarter)
);

-- Append-only notes of changed quarters; the store deletes the notes it has seen before it
-- recomputes, so a change committed during a recomputation leaves its note for the next read.
create table insight_stale_quarter (
  region_id integer not null,
  quarter text not null
);
create index insight_stale_quarter_region on insight_stale_quarter (region_id, quarter);

-- Later reports sharing a person with the given persons (same BSN key, or the same name and date of
-- birth when either lacks one): their classification as re-report reads the earlier report.
create function insight_note_linked(persons jsonb) returns void language sql as $$
  with p as (
    select * from jsonb_to_recordset(persons) as p(report_id uuid, bsn_hash text, date_of_birth date,
      full_name text, since timestamptz)
  ), q as (
    select p.since, q.report_id from p
    join report_person q on q.bsn_hash = p.bsn_hash and q.report_id <> p.report_id
    where p.bsn_hash is not null
    union
    select p.since, q.report_id from p
    join report_person q on q.date_of_birth = p.date_of_birth
      and insight_name_key(q.full_name) = insight_name_key(p.full_name) and q.report_id <> p.report_id
    where p.bsn_hash is null or q.bsn_hash is null
  )
  insert into insight_stale_quarter (region_id, quarter)
  select distinct l.region_id, insight_quarter(l.received_at)
  from q join report l on l.id = q.report_id and l.received_at > q.since
$$;

create function insight_report_inserted() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct region_id, insight_quarter(at) from (
    select region_id, received_at as at from new_rows
    union all select region_id, investigation_concluded_at from new_rows
      where investigation_concluded_at is not null) c;
  return null;
end $$;
create trigger insight_report_inserted after insert on report
  referencing new table as new_rows for each statement execute function insight_report_inserted();

create function insight_report_updated() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct v.region_id, insight_quarter(v.at)
  from old_rows o join new_rows n on n.id = o.id,
    lateral (values (o.region_id, o.received_at), (o.region_id, o.investigation_concluded_at),
      (n.region_id, n.received_at), (n.region_id, n.investigation_concluded_at)) v(region_id, at)
  where v.at is not null
    and (o.region_id, o.municipality_code, o.received_at, o.violence_kinds, o.reporter_kind, o.source,
      o.created_by_organisation_id, o.assessed_at, o.assessment_due_at, o.investigation_concluded_at,
      o.investigation_conclude_by, o.involvement_ended_at)
    is distinct from (n.region_id, n.municipality_code, n.received_at, n.violence_kinds, n.reporter_kind,
      n.source, n.created_by_organisation_id, n.assessed_at, n.assessment_due_at,
      n.investigation_concluded_at, n.investigation_conclude_by, n.involvement_ended_at);
  -- A later report of the same people changes class only when it was received after the old or new
  -- receipt of this one, or from the earlier of its old and new end of involvement.
  perform insight_note_linked(coalesce(jsonb_agg(jsonb_build_object('report_id', p.report_id,
      'bsn_hash', p.bsn_hash, 'date_of_birth', p.date_of_birth, 'full_name', p.full_name,
      'since', c.since)), '[]'::jsonb))
  from (
    select n.id, least(
      case when o.received_at is distinct from n.received_at
        then least(o.received_at, n.received_at) else 'infinity'::timestamptz end,
      case when o.involvement_ended_at is distinct from n.involvement_ended_at
        then greatest(n.received_at, least(coalesce(o.involvement_ended_at, 'infinity'),
          coalesce(n.involvement_ended_at, 'infinity')) - interval '1 microsecond')
        else 'infinity'::timestamptz end) as since
    from old_rows o join new_rows n on n.id = o.id
  ) c join report_person p on p.report_id = c.id
  where c.since < 'infinity';
  return null;
end $$;
create trigger insight_report_updated after update on report
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_report_updated();

-- Before the persons go with the report (cascade), note the later reports that read it.
create function insight_report_deleted() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select old.region_id, insight_quarter(old.received_at)
  union select old.region_id, insight_quarter(old.investigation_concluded_at)
    where old.investigation_concluded_at is not null;
  perform insight_note_linked(coalesce(jsonb_agg(jsonb_build_object('report_id', p.report_id,
      'bsn_hash', p.bsn_hash, 'date_of_birth', p.date_of_birth, 'full_name', p.full_name,
      'since', old.received_at)), '[]'::jsonb))
    from report_person p where p.report_id = old.id;
  return old;
end $$;
create trigger insight_report_deleted before delete on report
  for each row execute function insight_report_deleted();

create function insight_report_person_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct r.region_id, insight_quarter(r.received_at)
  from changed_rows p join report r on r.id = p.report_id;
  perform insight_note_linked(coalesce(jsonb_agg(jsonb_build_object('report_id', p.report_id,
      'bsn_hash', p.bsn_hash, 'date_of_birth', p.date_of_birth, 'full_name', p.full_name,
      'since', r.received_at)), '[]'::jsonb))
    from changed_rows p join report r on r.id = p.report_id;
  return null;
end $$;
create trigger insight_report_person_inserted after insert on report_person
  referencing new table as changed_rows for each statement execute function insight_report_person_changed();
create trigger insight_report_person_deleted after delete on report_person
  referencing old table as changed_rows for each statement execute function insight_report_person_changed();
create trigger insight_report_person_updated_old after update on report_person
  referencing old table as changed_rows for each statement execute function insight_report_person_changed();
create trigger insight_report_person_updated_new after update on report_person
  referencing new table as changed_rows for each statement execute function insight_report_person_changed();

create function insight_advice_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct region_id, insight_quarter(received_at) from changed_rows;
  return null;
end $$;
create trigger insight_advice_inserted after insert on advice_request
  referencing new table as changed_rows for each statement execute function insight_advice_changed();
create trigger insight_advice_deleted after delete on advice_request
  referencing old table as changed_rows for each statement execute function insight_advice_changed();
create function insight_advice_updated() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(c.received_at)
  from old_rows o join new_rows n on n.id = o.id,
    lateral (values (o.region_id, o.received_at), (n.region_id, n.received_at)) c(region_id, received_at)
  where (o.region_id, o.municipality_code, o.received_at) is distinct from
    (n.region_id, n.municipality_code, n.received_at);
  return null;
end $$;
create trigger insight_advice_updated after update on advice_request
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_advice_updated();

create function insight_case_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct region_id, insight_quarter(opened_at) from changed_rows;
  return null;
end $$;
create trigger insight_case_inserted after insert on household_case
  referencing new table as changed_rows for each statement execute function insight_case_changed();
create trigger insight_case_deleted after delete on household_case
  referencing old table as changed_rows for each statement execute function insight_case_changed();
create function insight_case_updated() returns trigger language plpgsql as $$
begin
  -- A case moved to another municipality or region moves its assessments too.
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(c.at)
  from old_rows o join new_rows n on n.id = o.id,
    lateral (
      select o.region_id, o.opened_at union all select n.region_id, n.opened_at
      union all select r.region_id, a.assessed_at from case_assessment a,
        (values (o.region_id), (n.region_id)) r(region_id)
        where a.case_id = n.id and (o.region_id, o.municipality_code) is distinct from
          (n.region_id, n.municipality_code)
    ) c(region_id, at)
  where (o.region_id, o.municipality_code, o.opened_at) is distinct from
    (n.region_id, n.municipality_code, n.opened_at);
  return null;
end $$;
create trigger insight_case_updated after update on household_case
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_case_updated();

create function insight_phase_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(c.opened_at)
  from changed_rows p join household_case c on c.id = p.case_id
  where p.to_phase = 'stable_safety';
  return null;
end $$;
create trigger insight_phase_inserted after insert on case_phase_change
  referencing new table as changed_rows for each statement execute function insight_phase_changed();
create trigger insight_phase_deleted after delete on case_phase_change
  referencing old table as changed_rows for each statement execute function insight_phase_changed();
create trigger insight_phase_updated_old after update on case_phase_change
  referencing old table as changed_rows for each statement execute function insight_phase_changed();
create trigger insight_phase_updated_new after update on case_phase_change
  referencing new table as changed_rows for each statement execute function insight_phase_changed();

create function insight_assessment_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(a.assessed_at)
  from changed_rows a join household_case c on c.id = a.case_id;
  return null;
end $$;
create trigger insight_assessment_inserted after insert on case_assessment
  referencing new table as changed_rows for each statement execute function insight_assessment_changed();
create trigger insight_assessment_deleted after delete on case_assessment
  referencing old table as changed_rows for each statement execute function insight_assessment_changed();
create trigger insight_assessment_updated_old after update on case_assessment
  referencing old table as changed_rows for each statement execute function insight_assessment_changed();
create trigger insight_assessment_updated_new after update on case_assessment
  referencing new table as changed_rows for each statement execute function insight_assessment_changed();

-- The region's municipalities are the rows of every table: a change recomputes the whole region.
create function insight_region_municipalities_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct region_id, '*' from changed_rows;
  return null;
end $$;
create trigger insight_region_municipality_inserted after insert on region_municipality
  referencing new table as changed_rows
  for each statement execute function insight_region_municipalities_changed();
create trigger insight_region_municipality_deleted after delete on region_municipality
  referencing old table as changed_rows
  for each statement execute function insight_region_municipalities_changed();
create trigger insight_region_municipality_updated_old after update on region_municipality
  referencing old table as changed_rows
  for each statement execute function insight_region_municipalities_changed();
create trigger insight_region_municipality_updated_new after update on region_municipality
  referencing new table as changed_rows
  for each statement execute function insight_region_municipalities_changed();

-- Who reported is read from the type of the recording organisation: a new type recomputes all.
create function insight_organisation_type_changed() returns trigger language plpgsql as $$
begin
  if exists (select 1 from old_rows o join new_rows n on n.id = o.id where o.type is distinct from n.type) then
    insert into insight_stale_quarter (region_id, quarter) select id, '*' from region;
  end if;
  return null;
end $$;
create trigger insight_organisation_type_changed after update on organisation
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_organisation_type_changed();
`.execute(db);
}
