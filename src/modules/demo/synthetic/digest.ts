import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * A SHA-256 digest of all synthetic rows, to show that the same seed gives the same data. Ids of
 * rows the generator does not create (organisations, demo users, regions) differ between databases,
 * so they are replaced by their stable names; ciphertexts are left out because encryption is
 * randomised on purpose (same plaintext, different bytes).
 */
const TABLES: readonly { table: string; where: string; order: string }[] = [
  { table: 'app_user', where: `username like 'syn.%'`, order: 'id' },
  {
    table: 'membership',
    where: `user_id in (select id from app_user where username like 'syn.%')`,
    order: 'id',
  },
  { table: 'report', where: `reference like 'SYN-%'`, order: 'id' },
  {
    table: 'report_person',
    where: `report_id in (select id from report where reference like 'SYN-%')`,
    order: 'id',
  },
  { table: 'advice_request', where: `reference like 'SYN-%'`, order: 'id' },
  { table: 'household_case', where: `reference like 'SYN-%'`, order: 'id' },
  { table: 'case_member', where: synCase(), order: 'id' },
  { table: 'case_report', where: synCase(), order: 'report_id' },
  { table: 'case_team_member', where: synCase(), order: 'id' },
  { table: 'case_phase_change', where: synCase(), order: 'id' },
  { table: 'case_assessment', where: synCase(), order: 'id' },
  {
    table: 'case_assessment_score',
    where: `assessment_id in (select id from case_assessment where ${synCase()})`,
    order: 'assessment_id, position',
  },
  { table: 'case_action', where: synCase(), order: 'id' },
  { table: 'case_note', where: synCase(), order: 'id' },
  { table: 'case_safety_plan_version', where: synCase(), order: 'id' },
  {
    table: 'case_action_status_change',
    where: `action_id in (select id from case_action where ${synCase()})`,
    order: 'id',
  },
  { table: 'case_closure', where: synCase(), order: 'id' },
  { table: 'case_reopening', where: synCase(), order: 'id' },
  { table: 'case_measure', where: synCase(), order: 'id' },
  {
    table: 'case_measure_member',
    where: `measure_id in (select id from case_measure where ${synCase()})`,
    order: 'measure_id, member_id',
  },
  {
    table: 'case_measure_extension',
    where: `measure_id in (select id from case_measure where ${synCase()})`,
    order: 'id',
  },
  { table: 'case_handover', where: synCase(), order: 'id' },
  {
    table: 'case_handover_event',
    where: `handover_id in (select id from case_handover where ${synCase()})`,
    order: 'handover_id, position',
  },
  { table: 'case_support', where: synCase(), order: 'id' },
];

function synCase() {
  return `case_id in (select id from household_case where reference like 'SYN-%')`;
}

export async function digestSyntheticData(
  db: Kysely<DB>,
  onRow?: (table: string, line: string) => void,
): Promise<{ digest: string; rows: number }> {
  const names = new Map<string, string>();
  const orgs = await sql<{ id: string; name: string }>`
    select o.id, r.code || '/' || o.key as name from organisation o join region r on r.id = o.region_id`.execute(
    db,
  );
  for (const o of orgs.rows) names.set(o.id, `org:${o.name}`);
  const users = await sql<{ id: string; username: string }>`select id, username from app_user`.execute(db);
  for (const u of users.rows) names.set(u.id, `user:${u.username}`);
  const regions = await sql<{ id: number; code: string }>`select id, code from region`.execute(db);
  const regionCodes = new Map(regions.rows.map((r) => [r.id, r.code]));
  const hash = createHash('sha256');
  let rows = 0;
  for (const { table, where, order } of TABLES) {
    const result = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where ${sql.raw(where)} order by ${sql.raw(order)}`.execute(db);
    hash.update(`#${table}\n`);
    for (const row of result.rows) {
      rows++;
      const stable = Object.keys(row)
        .sort()
        .filter((k) => !k.endsWith('_encrypted'))
        .map((k) => {
          const v = row[k];
          if (k === 'region_id') return [k, regionCodes.get(v as number) ?? v];
          return [k, stableValue(v, names)];
        });
      const line = JSON.stringify(stable);
      onRow?.(table, line);
      hash.update(`${line}\n`);
    }
  }
  return { digest: hash.digest('hex'), rows };
}

/** Replaces ids of rows made outside the generator by names, also inside arrays and JSON. */
function stableValue(v: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof v === 'string') return names.get(v) ?? v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => stableValue(x, names));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, stableValue(x, names)]),
    );
  return v;
}
