import { type Kysely, sql } from 'kysely';

/**
 * Regional insight over casework (issue 5 §1): handover acceptance, what followed a closure (a new
 * report within 6, 12, 18 months; an experience expert), violence stopped (no new report within 12
 * months after an involvement ended), perpetrator help and measures are part of the quarter
 * summaries of 0018. These triggers note the region and quarter a change touches, like those of
 * 0018, so a summary is never read stale:
 * - a report about a person (new, changed or removed, or its receipt moved) touches the closures
 *   of cases with that person closed up to 18 months before, and the earlier reports about that
 *   person whose involvement ended up to 12 months before (19 and 13 months are noted: a wider net
 *   only costs a recomputation, a narrower one would serve a stale figure);
 * - a report's own end of involvement, a closure or its undoing, a case's members, support, a
 *   measure or its extension, and an accepted handover touch their own quarter;
 * - a case moved to another municipality or region moves all of those.
 */
/**
 * The statement-level triggers that run `fn` over the changed rows of `table` as `changed_rows`:
 * after insert (the new rows), delete (the old ones) and update (both, as two triggers: a row that
 * moves is noted where it was and where it is).
 */
function watch(name: string, table: string, fn: string) {
  const trigger = (suffix: string, event: string, side: 'new' | 'old') =>
    `create trigger ${name}_${suffix} after ${event} on ${table}
  referencing ${side} table as changed_rows for each statement execute function ${fn}();`;
  return sql.raw(
    [
      trigger('inserted', 'insert', 'new'),
      trigger('deleted', 'delete', 'old'),
      trigger('updated_old', 'update', 'old'),
      trigger('updated_new', 'update', 'new'),
    ].join('\n'),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
-- The closures and ended involvements that read a report about these persons (received at "at").
create function insight_note_earlier(persons jsonb) returns void language sql as $$
  with p as (
    select * from jsonb_to_recordset(persons) as p(bsn_hash text, date_of_birth date, full_name text,
      at timestamptz)
  ), members as (
    select p.at, m.case_id from p join case_member m on m.bsn_hash = p.bsn_hash
    where p.bsn_hash is not null
    union
    select p.at, m.case_id from p join case_member m on m.date_of_birth = p.date_of_birth
      and insight_name_key(m.full_name) = insight_name_key(p.full_name)
    where p.bsn_hash is null or m.bsn_hash is null
  ), reports as (
    select p.at, q.report_id from p join report_person q on q.bsn_hash = p.bsn_hash
    where p.bsn_hash is not null
    union
    select p.at, q.report_id from p join report_person q on q.date_of_birth = p.date_of_birth
      and insight_name_key(q.full_name) = insight_name_key(p.full_name)
    where p.bsn_hash is null or q.bsn_hash is null
  )
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(k.closed_at)
  from members m join case_closure k on k.case_id = m.case_id
    and k.closed_at < m.at and k.closed_at >= m.at - interval '19 months'
  join household_case c on c.id = m.case_id
  union
  select e.region_id, insight_quarter(e.involvement_ended_at)
  from reports x join report e on e.id = x.report_id
    and e.involvement_ended_at < x.at and e.involvement_ended_at >= x.at - interval '13 months'
$$;

create function insight_report_person_earlier() returns trigger language plpgsql as $$
begin
  perform insight_note_earlier(coalesce(jsonb_agg(jsonb_build_object('bsn_hash', p.bsn_hash,
      'date_of_birth', p.date_of_birth, 'full_name', p.full_name, 'at', r.received_at)), '[]'::jsonb))
    from changed_rows p join report r on r.id = p.report_id;
  return null;
end $$;
${watch('insight_report_person_earlier', 'report_person', 'insight_report_person_earlier')}

create function insight_report_ended_inserted() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct region_id, insight_quarter(involvement_ended_at) from new_rows
  where involvement_ended_at is not null;
  return null;
end $$;
create trigger insight_report_ended_inserted after insert on report
  referencing new table as new_rows for each statement execute function insight_report_ended_inserted();

create function insight_report_ended_updated() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct v.region_id, insight_quarter(v.at)
  from old_rows o join new_rows n on n.id = o.id,
    lateral (values (o.region_id, o.involvement_ended_at), (n.region_id, n.involvement_ended_at))
      v(region_id, at)
  where v.at is not null
    and (o.region_id, o.municipality_code, o.involvement_ended_at)
      is distinct from (n.region_id, n.municipality_code, n.involvement_ended_at);
  -- A report received at another moment is read by other closures and ended involvements.
  perform insight_note_earlier(coalesce(jsonb_agg(jsonb_build_object('bsn_hash', p.bsn_hash,
      'date_of_birth', p.date_of_birth, 'full_name', p.full_name, 'at', v.at)), '[]'::jsonb))
  from old_rows o join new_rows n on n.id = o.id and o.received_at is distinct from n.received_at
  cross join lateral (values (o.received_at), (n.received_at)) v(at)
  join report_person p on p.report_id = n.id;
  return null;
end $$;
create trigger insight_report_ended_updated after update on report
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_report_ended_updated();

-- Before the persons go with the report (cascade).
create function insight_report_ended_deleted() returns trigger language plpgsql as $$
begin
  if old.involvement_ended_at is not null then
    insert into insight_stale_quarter (region_id, quarter)
    values (old.region_id, insight_quarter(old.involvement_ended_at));
  end if;
  perform insight_note_earlier(coalesce(jsonb_agg(jsonb_build_object('bsn_hash', p.bsn_hash,
      'date_of_birth', p.date_of_birth, 'full_name', p.full_name, 'at', old.received_at)), '[]'::jsonb))
    from report_person p where p.report_id = old.id;
  return old;
end $$;
create trigger insight_report_ended_deleted before delete on report
  for each row execute function insight_report_ended_deleted();

-- Every closure quarter of the cases in changed_rows (a closure, its undoing, members, support).
create function insight_closure_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(k.closed_at)
  from changed_rows x join case_closure k on k.case_id = x.case_id
  join household_case c on c.id = k.case_id;
  return null;
end $$;
create function insight_closure_row_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(x.closed_at)
  from changed_rows x join household_case c on c.id = x.case_id;
  return null;
end $$;
${watch('insight_closure', 'case_closure', 'insight_closure_row_changed')}

create function insight_reopening_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(k.closed_at)
  from changed_rows x join case_closure k on k.id = x.closure_id
  join household_case c on c.id = k.case_id;
  return null;
end $$;
${watch('insight_reopening', 'case_reopening', 'insight_reopening_changed')}

${watch('insight_member', 'case_member', 'insight_closure_changed')}

-- Support: the quarter of the offer (perpetrator help) and the case's closures (experience expert).
create function insight_support_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(x.offered_at)
  from changed_rows x join household_case c on c.id = x.case_id;
  return null;
end $$;
${watch('insight_support', 'case_support', 'insight_support_changed')}
${watch('insight_support_closure', 'case_support', 'insight_closure_changed')}

create function insight_measure_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(x.imposed_at)
  from changed_rows x join household_case c on c.id = x.case_id;
  return null;
end $$;
${watch('insight_measure', 'case_measure', 'insight_measure_changed')}

create function insight_measure_extension_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(m.imposed_at)
  from changed_rows x join case_measure m on m.id = x.measure_id
  join household_case c on c.id = m.case_id;
  return null;
end $$;
${watch('insight_measure_extension', 'case_measure_extension', 'insight_measure_extension_changed')}

create function insight_handover_event_changed() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(x.occurred_at)
  from changed_rows x join case_handover h on h.id = x.handover_id
  join household_case c on c.id = h.case_id
  where x.to_status = 'accepted';
  return null;
end $$;
${watch('insight_handover_event', 'case_handover_event', 'insight_handover_event_changed')}

create function insight_handover_updated() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct c.region_id, insight_quarter(e.occurred_at)
  from old_rows o join new_rows n on n.id = o.id
  join case_handover_event e on e.handover_id = n.id and e.to_status = 'accepted'
  join household_case c on c.id = n.case_id
  where (o.case_id, o.proposed_at) is distinct from (n.case_id, n.proposed_at);
  return null;
end $$;
create trigger insight_handover_updated after update on case_handover
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_handover_updated();

-- A case moved to another municipality or region moves its casework figures too (0018 moves the
-- opening and the assessments).
create function insight_case_casework_moved() returns trigger language plpgsql as $$
begin
  insert into insight_stale_quarter (region_id, quarter)
  select distinct r.region_id, insight_quarter(x.at)
  from old_rows o join new_rows n on n.id = o.id
  cross join lateral (values (o.region_id), (n.region_id)) r(region_id)
  cross join lateral (
    select k.closed_at from case_closure k where k.case_id = n.id
    union all select s.offered_at from case_support s where s.case_id = n.id
    union all select m.imposed_at from case_measure m where m.case_id = n.id
    union all select e.occurred_at from case_handover h
      join case_handover_event e on e.handover_id = h.id and e.to_status = 'accepted'
      where h.case_id = n.id
  ) x(at)
  where (o.region_id, o.municipality_code) is distinct from (n.region_id, n.municipality_code);
  return null;
end $$;
create trigger insight_case_casework_moved after update on household_case
  referencing old table as old_rows new table as new_rows
  for each statement execute function insight_case_casework_moved();

create index case_closure_closed on case_closure (closed_at);
create index case_handover_event_accepted on case_handover_event (occurred_at) where to_status = 'accepted';
create index case_measure_imposed on case_measure (imposed_at);
create index case_support_offered on case_support (offered_at);
create index case_member_name_key on case_member (date_of_birth, insight_name_key(full_name));
create index report_region_ended on report (region_id, involvement_ended_at)
  where involvement_ended_at is not null;
`.execute(db);
}
