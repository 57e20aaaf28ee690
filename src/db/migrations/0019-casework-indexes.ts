import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the case page and "my work" at 100,000 households (issue 3 benchmark,
 * bench/cases.ts). Each serves a query that otherwise reads a whole table:
 * - every team membership of a case, past ones included (timeline, meeting participants, handover
 *   candidates): the earlier indexes cover only active memberships.
 * Reports about a person by date of birth (closure overview) use report_person_name_key of 0018,
 * which leads with date_of_birth.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create index case_team_member_case on case_team_member(case_id, joined_at);
`.execute(db);
}
