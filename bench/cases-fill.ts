/**
 * Fills the casework tables the synthetic generator leaves empty — measures, meetings with their
 * decisions, handovers, risk checklists, documents, monitoring moments and contacts, closures — on
 * a realistic share of the cases of a loaded benchmark database (bench/cases-load.ts), so the case
 * page and "my work" are timed against real volumes. Deterministic: every choice is a hash of the
 * case id. Runs set-based on the server (INSERT … SELECT, one statement per table); documents are
 * sealed in process with the benchmark key (their name and content are encrypted per row) and
 * written with one INSERT … SELECT FROM unnest(…) per batch, like the generator's bulk writer.
 *
 * Shares (of all cases, open and closed alike unless said otherwise):
 * - measures on ~5% (restraining orders, some extended; running ones on open cases end around now),
 * - MDA++/action meetings on ~20% (1–2 each, with participants, information and two decisions),
 * - handovers on ~10% (open cases: proposed, escalated or declined ones wait for the receiver),
 * - a risk checklist on ~15%, documents on ~10% (1–2 each),
 * - monitoring moments for every round of monitoring in the phase history (open ones on cases in
 *   monitoring now), most past moments with a contact; a closure for every close in the history.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { type ChecklistAnswers, scoreChecklist } from '../src/domain/casework/risk-checklist.ts';
import { DOMESTIC_VIOLENCE_RISK_V1 } from '../src/domain/casework/risk-checklists.ts';
import { loadCaseRegionRules } from '../src/modules/cases/region-config.ts';
import { sealDocumentPart } from '../src/security/document-cipher.ts';

/** A stable pseudo-random number 0 ≤ n < 2^31 from an SQL expression and a salt. */
const h = (expr: string, salt: string) => `(hashtext(${expr}::text || '${salt}') & 2147483647)`;

async function run(db: Kysely<DB>, text: string, now: Date): Promise<number> {
  const params = text.includes('$1') ? [now.toISOString()] : [];
  const result = await db.executeQuery(CompiledQuery.raw(text, params));
  return Number(result.numAffectedRows ?? 0);
}

export interface FillResult {
  seconds: number;
  rows: Record<string, number>;
}

/** True when the casework tables were filled already (a reused database). */
export async function isFilled(db: Kysely<DB>): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from case_closure`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** Fills the tables; `now` is the present of the data set (the benchmark's clock). */
export async function fillCasework(
  database: Kysely<DB>,
  encryptionKey: Buffer,
  now: Date,
  log: (line: string) => void = () => {},
): Promise<FillResult> {
  const started = performance.now();
  const rows = await database.transaction().execute((trx) => fillIn(trx, encryptionKey, now, log));
  await sql`analyze`.execute(database);
  return { seconds: (performance.now() - started) / 1000, rows };
}

/** One transaction: a failed fill leaves nothing behind. */
async function fillIn(
  db: Kysely<DB>,
  encryptionKey: Buffer,
  now: Date,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const step = async (table: string, text: string) => {
    const t0 = performance.now();
    const n = await run(db, text, now);
    rows[table] = (rows[table] ?? 0) + n;
    log(`  ${table}: ${n.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  const end = 'coalesce(c.closed_at, $1::timestamptz)';

  // ---- measures (~5% of cases) ------------------------------------------------------------------
  await step(
    'case_measure',
    `
with kinds(k, kind, category, decided_by, term, max_term) as (values
  (0, 'restraining_order', 'justice', 'mayor', interval '10 days', interval '28 days'),
  (1, 'crisis_care', 'health', 'care_provider', interval '6 weeks', interval '6 weeks'),
  (2, 'intensive_case_management', 'team', 'veilig_thuis', interval '1 year', interval '1 year'),
  (3, 'aware_alarm', 'justice', 'police', interval '3 months', null::interval),
  (4, 'shelter_stay', 'team', 'shelter', interval '3 months', null::interval)),
picked as (
  select c.id, c.closed_at, c.coordinator_user_id, c.coordinator_organisation_id,
    case when ${h('c.id', 'mk')} % 10 < 4 then 0 when ${h('c.id', 'mk')} % 10 < 6 then 1
         when ${h('c.id', 'mk')} % 10 < 7 then 2 when ${h('c.id', 'mk')} % 10 < 9 then 3 else 4 end as k,
    case when c.closed_at is null
      then greatest(c.opened_at + interval '1 hour', $1::timestamptz - (${h('c.id', 'mi')} % 20) * interval '1 day' - (${h('c.id', 'mh')} % 24) * interval '1 hour')
      else c.opened_at + (${h('c.id', 'mi')} % 10) * interval '1 day' + interval '1 hour' end as imposed_at,
    ${h('c.id', 'mx')} % 3 = 0 as extend
  from household_case c where ${h('c.id', 'm')} % 1000 < 50),
shaped as (
  select p.*, k.kind, k.category, k.decided_by, k.max_term,
    p.extend and k.k = 0 and p.imposed_at + interval '9 days' < ${end.replace('c.', 'p.')} as extended,
    k.term
  from picked p join kinds k using (k))
insert into case_measure (case_id, kind, category, imposed_at, decided_by, decision_reference, end_at,
  maximum_end_at, lifted_at, lifted_reason, lifted_decided_by, lifted_by_user_id, recorded_by_user_id,
  organisation_id, recorded_at)
select s.id, s.kind, s.category, s.imposed_at, s.decided_by, 'BES-' || left(s.id::text, 8),
  s.imposed_at + case when s.extended then s.max_term else s.term end,
  s.imposed_at + s.max_term,
  case when s.closed_at is not null and s.imposed_at + case when s.extended then s.max_term else s.term end > s.closed_at
    then greatest(s.closed_at, s.imposed_at + interval '1 hour') end,
  case when s.closed_at is not null and s.imposed_at + case when s.extended then s.max_term else s.term end > s.closed_at
    then 'Niet meer nodig: zaak afgesloten' end,
  case when s.closed_at is not null and s.imposed_at + case when s.extended then s.max_term else s.term end > s.closed_at
    then case when s.kind = 'restraining_order' then 'mayor' else s.decided_by end end,
  case when s.closed_at is not null and s.imposed_at + case when s.extended then s.max_term else s.term end > s.closed_at
    then s.coordinator_user_id end,
  s.coordinator_user_id, s.coordinator_organisation_id, s.imposed_at
from shaped s`,
  );
  await step(
    'case_measure_extension',
    `
insert into case_measure_extension (measure_id, previous_end_at, new_end_at, reason, decided_by,
  recorded_by_user_id, organisation_id, recorded_at)
select m.id, m.imposed_at + interval '10 days', m.end_at, 'Dreiging houdt aan', 'mayor',
  m.recorded_by_user_id, m.organisation_id, m.imposed_at + interval '9 days'
from case_measure m where m.kind = 'restraining_order' and m.end_at = m.imposed_at + interval '28 days'`,
  );
  await step(
    'case_measure_member',
    `
insert into case_measure_member (measure_id, member_id, part)
select m.id, cm.id, case when cm.position = 0 then 'subject' else 'protected' end
from case_measure m join case_member cm on cm.case_id = m.case_id and cm.position < 3`,
  );

  // ---- meetings (~20% of cases, 1–2 each) with participants, information and two decisions -------
  await step(
    'case_meeting',
    `
insert into case_meeting (case_id, kind, held_at, category, agenda, organisation_id, recorded_by_user_id, recorded_at)
select c.id,
  (array['mda_table', 'action_meeting', 'case_meeting'])[1 + ${h('c.id || n', 'gk')} % 3],
  c.opened_at + (${end} - c.opened_at) * (case when n = 1 then 0.3 else 0.8 end),
  case when ${h('c.id || n', 'gc')} % 10 < 8 then 'team' else 'organisation' end,
  array['Veiligheid', 'Veiligheidsplan', 'Acties'],
  c.coordinator_organisation_id, c.coordinator_user_id,
  c.opened_at + (${end} - c.opened_at) * (case when n = 1 then 0.3 else 0.8 end)
from household_case c cross join lateral generate_series(1, 1 + ${h('c.id', 'gn')} % 2) n
where ${h('c.id', 'g')} % 1000 < 200`,
  );
  await step(
    'case_meeting_participant',
    `
insert into case_meeting_participant (meeting_id, position, user_id, organisation_id, case_role, is_chair)
select m.id, t.position, t.user_id, t.organisation_id, t.case_role, t.position = 0
from case_meeting m cross join lateral (
  select tm.user_id, tm.organisation_id, tm.case_role,
    (row_number() over (order by tm.case_role <> 'coordinator', tm.joined_at, tm.id) - 1)::int as position
  from case_team_member tm where tm.case_id = m.case_id and tm.joined_at <= m.held_at
    and (tm.left_at is null or tm.left_at > m.held_at)
  limit 5) t`,
  );
  await step(
    'case_meeting_information',
    `
insert into case_meeting_information (meeting_id, position, category, body)
select m.id, 0, m.category, 'Stand van zaken: afspraken uit het veiligheidsplan worden nagekomen.'
from case_meeting m`,
  );
  await step(
    'case_action (decisions)',
    `
insert into case_action (case_id, meeting_id, position, description, owner_user_id, due_on, status, monitoring)
select m.case_id, m.id, d.position, 'Besluit ' || d.position || ': contact met het gezin en terugkoppeling',
  p.user_id, ((m.held_at at time zone 'Europe/Amsterdam')::date + 7 * d.position),
  case when c.closed_at is null and m.held_at > $1::timestamptz - interval '45 days' then 'open' else 'done' end,
  'Volgend overleg'
from case_meeting m join household_case c on c.id = m.case_id
cross join generate_series(1, 2) d(position)
join case_meeting_participant p on p.meeting_id = m.id
  and p.position = (${h('m.id || d.position', 'dp')} % greatest(1, (select count(*) from case_meeting_participant q where q.meeting_id = m.id)))::int`,
  );
  await step(
    'case_action_status_change (decisions)',
    `
insert into case_action_status_change (action_id, from_status, to_status, note, changed_by_user_id, organisation_id, changed_at)
select a.id, 'open', a.status, 'Gedaan en teruggekoppeld', a.owner_user_id, p.organisation_id,
  least((a.due_on::timestamp at time zone 'Europe/Amsterdam') + interval '12 hours', $1::timestamptz)
from case_action a join case_meeting_participant p on p.meeting_id = a.meeting_id and p.user_id = a.owner_user_id
where a.meeting_id is not null and a.status <> 'open'
  and p.position = (select min(q.position) from case_meeting_participant q where q.meeting_id = a.meeting_id and q.user_id = a.owner_user_id)`,
  );

  // ---- handovers (~10% of cases) --------------------------------------------------------------------
  await step(
    'case_handover',
    `
with picked as (
  select c.id, c.closed_at, c.opened_at, c.coordinator_user_id, c.coordinator_organisation_id, t.user_id as to_user,
    t.organisation_id as to_org, ${h('c.id', 'hs')} % 100 as s,
    case when c.closed_at is null
      then greatest(c.opened_at + interval '1 hour', $1::timestamptz - (${h('c.id', 'hp')} % 12) * interval '1 day')
      else c.opened_at + (c.closed_at - c.opened_at) * 0.5 end as proposed_at
  from household_case c cross join lateral (
    select tm.user_id, tm.organisation_id from case_team_member tm
    where tm.case_id = c.id and tm.organisation_id <> c.coordinator_organisation_id
    order by tm.id limit 1) t
  where ${h('c.id', 'h')} % 1000 < 100),
shaped as (
  select p.*, case
    when p.closed_at is not null then case when p.s < 75 then 'accepted' when p.s < 90 then 'resolved' else 'withdrawn' end
    else case when p.s < 30 then 'proposed' when p.s < 42 then 'escalated' when p.s < 52 then 'declined' else 'accepted' end
  end as status, ${h('p.id', 'ht')} % 2 = 0 as coordination
  from picked p)
insert into case_handover (case_id, subject, task_description, summary, warm, from_organisation_id, from_user_id,
  to_organisation_id, to_user_id, status, proposed_at, response_due_at, reason, escalation_level, escalation_due_at,
  resolution, decided_at)
select s.id, case when s.coordination then 'coordination' else 'task' end,
  case when s.coordination then null else 'Traject opvoedondersteuning overnemen' end,
  'Gezin met twee kinderen; veiligheidsplan afgesproken, hulp loopt.', s.s % 3 = 0,
  s.coordinator_organisation_id, s.coordinator_user_id, s.to_org, case when s.s % 2 = 0 then s.to_user end,
  s.status, s.proposed_at, s.proposed_at + interval '5 days',
  case when s.status in ('declined', 'escalated', 'resolved', 'withdrawn') then 'Geen capaciteit op dit moment' end,
  case when s.status = 'escalated' then 1 end,
  case when s.status = 'escalated' then s.proposed_at + interval '10 days' end,
  case when s.status = 'resolved' then 'handed_over' end,
  case when s.status in ('accepted', 'declined', 'resolved', 'withdrawn') then s.proposed_at + interval '2 days' end
from shaped s`,
  );
  await step(
    'case_handover_event',
    `
insert into case_handover_event (handover_id, position, action, from_status, to_status, actor_user_id,
  actor_organisation_id, automatic, reason, escalation_level, occurred_at)
select h.id, 0, 'propose', null, 'proposed', h.from_user_id, h.from_organisation_id, false, null, null, h.proposed_at
from case_handover h
union all
select h.id, 1,
  case h.status when 'accepted' then 'accept' when 'declined' then 'decline' when 'withdrawn' then 'withdraw'
    when 'escalated' then 'escalate' else 'resolve' end,
  'proposed', h.status,
  case when h.status = 'escalated' then null when h.status = 'withdrawn' then h.from_user_id else h.to_user_id end,
  case when h.status = 'escalated' then null when h.status = 'withdrawn' then h.from_organisation_id else h.to_organisation_id end,
  h.status = 'escalated', h.reason, h.escalation_level,
  coalesce(h.decided_at, h.response_due_at)
from case_handover h where h.status <> 'proposed'`,
  );

  // ---- risk checklists (~15% of cases) -------------------------------------------------------------
  const items = DOMESTIC_VIOLENCE_RISK_V1.sections.flatMap((s) => s.items.map((i) => i.id));
  const variants = [0, 1, 2, 3].map((v) => {
    const answers: ChecklistAnswers = Object.fromEntries(
      items.map((id, i) => [id, (i + v) % 4 === 0 ? 'yes' : (i + v) % 5 === 0 ? 'unknown' : 'no']),
    );
    const scored = scoreChecklist(DOMESTIC_VIOLENCE_RISK_V1, answers);
    if (!scored.ok) throw new Error('checklist variant does not score');
    return { answers, score: scored.score, maxScore: scored.maxScore, band: scored.advisedBand };
  });
  const variantsJson = JSON.stringify(variants).replaceAll("'", "''");
  await step(
    'case_checklist_result',
    `
with variants as (select (ordinality - 1)::int as v, value as x from jsonb_array_elements('${variantsJson}'::jsonb) with ordinality)
insert into case_checklist_result (case_id, checklist_id, checklist_version, category, organisation_id,
  recorded_by_user_id, recorded_at, answers, score, max_score, advised_band, conclusion_band)
select c.id, '${DOMESTIC_VIOLENCE_RISK_V1.id}', ${DOMESTIC_VIOLENCE_RISK_V1.version},
  case when ${h('c.id', 'kc')} % 10 < 7 then 'team' else 'organisation' end,
  c.coordinator_organisation_id, c.coordinator_user_id, c.opened_at + (${end} - c.opened_at) * 0.1,
  v.x -> 'answers', (v.x ->> 'score')::int, (v.x ->> 'maxScore')::int, v.x ->> 'band', v.x ->> 'band'
from household_case c join variants v on v.v = ${h('c.id', 'kv')} % 4
where ${h('c.id', 'k')} % 1000 < 150`,
  );

  // ---- documents (~10% of cases, 1–2 each), sealed per row ----------------------------------------
  const docCases = await sql<{
    id: string;
    user_id: string;
    organisation_id: string;
    opened_at: Date;
    until: Date;
    n: number;
    category: string;
  }>`select c.id, c.coordinator_user_id as user_id, c.coordinator_organisation_id as organisation_id,
       c.opened_at, coalesce(c.closed_at, ${now.toISOString()}::timestamptz) as until,
       1 + ${sql.raw(h('c.id', 'dn'))} % 2 as n,
       case when ${sql.raw(h('c.id', 'dc'))} % 10 < 8 then 'team' else 'organisation' end as category
     from household_case c where ${sql.raw(h('c.id', 'd'))} % 1000 < 100`.execute(db);
  const t0 = performance.now();
  const content = Buffer.from('Verslag huisbezoek\n\nGesprek met ouders over het veiligheidsplan.\n', 'utf8');
  const columns = () => Array.from({ length: 11 }, () => [] as unknown[]);
  let batch = columns();
  let documents = 0;
  const flush = async () => {
    if ((batch[0] as unknown[]).length === 0) return;
    await db.executeQuery(
      CompiledQuery.raw(
        `insert into case_document (id, case_id, category, organisation_id, uploaded_by_user_id, uploaded_at, kind,
           media_type, size_bytes, file_name_sealed, content_sealed)
         select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[],
           $7::text[], $8::text[], $9::int4[], $10::bytea[], $11::bytea[])`,
        batch,
      ),
    );
    batch = columns();
  };
  for (const c of docCases.rows) {
    for (let i = 0; i < c.n; i++) {
      const id = randomUUID();
      const at = new Date(
        c.opened_at.getTime() + (c.until.getTime() - c.opened_at.getTime()) * (i === 0 ? 0.2 : 0.6),
      );
      const values = [
        id,
        c.id,
        c.category,
        c.organisation_id,
        c.user_id,
        at.toISOString(),
        'text',
        'text/plain',
        content.length,
        sealDocumentPart(
          encryptionKey,
          Buffer.from(`verslag-huisbezoek-${i + 1}.txt`),
          `case_document:${id}:file_name`,
        ),
        sealDocumentPart(encryptionKey, content, `case_document:${id}:content`),
      ];
      values.forEach((v, k) => {
        (batch[k] as unknown[]).push(v);
      });
      documents++;
      if ((batch[0] as unknown[]).length >= 5_000) await flush();
    }
  }
  await flush();
  rows.case_document = documents;
  log(
    `  case_document: ${documents.toLocaleString('en')} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // ---- monitoring: every round in the phase history, moments per the region's agreements -----------
  const regions = await sql<{ id: number }>`select distinct region_id as id from household_case`.execute(db);
  for (const region of regions.rows) {
    const rules = await loadCaseRegionRules(db, region.id);
    const months = `array[${rules.monitoring.intervalsMonths.map((m) => Number(m)).join(',')}]::int[]`;
    const window = Number(rules.monitoring.dueWindowDays);
    await step(
      'case_monitoring_moment',
      `
with rounds as (
  select pc.case_id, pc.to_phase, pc.changed_at,
    lead(pc.changed_at) over (partition by pc.case_id order by pc.changed_at, pc.id) as left_at
  from case_phase_change pc join household_case c on c.id = pc.case_id and c.region_id = ${Number(region.id)}),
moments as (
  select r.case_id, r.changed_at as round_started_at, r.left_at, m as months_after,
    ((r.changed_at at time zone 'Europe/Amsterdam')::date + make_interval(months => m))::date as due_on
  from rounds r cross join unnest(${months}) m where r.to_phase = 'monitoring')
insert into case_monitoring_moment (case_id, round_started_at, months_after, due_on, window_starts_at, due_at, ended_at)
select case_id, round_started_at, months_after, due_on,
  ((due_on - ${window})::timestamp at time zone 'Europe/Amsterdam'),
  (((due_on + 1)::timestamp at time zone 'Europe/Amsterdam') - interval '1 millisecond'),
  left_at
from moments`,
    );
  }
  await step(
    'case_monitoring_contact',
    `
insert into case_monitoring_contact (case_id, moment_id, contacted_at, contact_with, outcome, score, note,
  recorded_by_user_id, organisation_id, recorded_at)
select m.case_id, m.id, m.window_starts_at + (m.due_at - m.window_starts_at) * 0.6,
  (array['household', 'professionals', 'household_and_professionals'])[1 + ${h('m.id', 'cw')} % 3],
  case when ${h('m.id', 'co')} % 10 < 8 then 'safety_holds' else 'concerns' end,
  5 + ${h('m.id', 'cs')} % 5, 'Gebeld met moeder; afspraken lopen.',
  c.coordinator_user_id, c.coordinator_organisation_id, m.window_starts_at + (m.due_at - m.window_starts_at) * 0.6
from case_monitoring_moment m join household_case c on c.id = m.case_id
where m.window_starts_at + (m.due_at - m.window_starts_at) * 0.6 < coalesce(m.ended_at, $1::timestamptz)
  and ${h('m.id', 'c')} % 100 < 85`,
  );

  // ---- closures: one for every close in the phase history -----------------------------------------
  await step(
    'case_closure',
    `
insert into case_closure (case_id, reason_code, explanation, closed_by_user_id, organisation_id, closed_at,
  letter_subject, letter_paragraphs, letter_protected_passages)
select pc.case_id,
  (array['safety_stable', 'regular_help', 'moved_away', 'other'])[1 + ${h('pc.id', 'zr')} % 4],
  'Veiligheid is stabiel; verdere hulp loopt via het wijkteam.', pc.changed_by_user_id,
  c.coordinator_organisation_id, pc.changed_at, 'Afsluiting van de samenwerking',
  array['Beste bewoners,', 'Wij sluiten de samenwerking af.', 'Met vriendelijke groet,'], 0
from case_phase_change pc join household_case c on c.id = pc.case_id where pc.to_phase = 'closed'`,
  );
  return rows;
}
