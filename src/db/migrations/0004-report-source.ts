import { type Kysely, sql } from 'kysely';

/** Where a report came in (web form, police batch, …) and the sender's own reference, unique per source. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table report
  add column source text not null default 'web',
  add column external_ref text;
create unique index report_source_external_ref on report(source, external_ref) where external_ref is not null;
`.execute(db);
}
