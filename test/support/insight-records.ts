import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { loadRegionMunicipalities } from '../../src/modules/insight/store.ts';
import type { TestApp } from './test-app.ts';

/** A person as insight's same-person rule sees them: BSN key, or exact name and date of birth. */
export interface RecordPerson {
  name: string;
  dateOfBirth: string;
  bsnHash?: string;
}

/** The demo region and a coordinator of it, for tests that write insight's records by hand. */
export async function insightRegion(t: TestApp) {
  const region = await t.deps.db
    .selectFrom('region')
    .select('id')
    .where('code', '=', 'gelderland-zuid')
    .executeTakeFirstOrThrow();
  const codes = (await loadRegionMunicipalities(t.deps.db, region.id)).map((m) => m.code);
  const user = await t.deps.db
    .selectFrom('app_user as u')
    .innerJoin('membership as m', 'm.user_id', 'u.id')
    .select(['u.id', 'm.organisation_id'])
    .where('u.username', '=', 'regisseur.nijmegen')
    .executeTakeFirstOrThrow();
  return { regionId: region.id, codes, userId: user.id, organisationId: user.organisation_id };
}

/**
 * A police-batch report about one person, received at `receivedAt`, its involvement ended at
 * `endedAt` if given: the facts insight reads, without going through intake.
 */
export async function insertReport(
  db: Kysely<DB>,
  report: {
    reference: string;
    regionId: number;
    municipality: string;
    receivedAt: string;
    person: RecordPerson;
    endedAt?: string | null;
  },
): Promise<string> {
  const received = new Date(report.receivedAt);
  const row = await db
    .insertInto('report')
    .values({
      reference: report.reference,
      region_id: report.regionId,
      municipality_code: report.municipality,
      violence_kinds: ['partner_violence'],
      violence_kind_list_version: '2019.1',
      acute: false,
      description: 'Samenvatting',
      received_at: received,
      assessment_due_at: new Date(received.getTime() + 7 * 86_400_000),
      involvement_ended_at: report.endedAt ? new Date(report.endedAt) : null,
      source: 'police_batch',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('report_person')
    .values({
      report_id: row.id,
      position: 0,
      full_name: report.person.name,
      date_of_birth: report.person.dateOfBirth,
      role: 'victim',
      bsn_hash: report.person.bsnHash ?? null,
    })
    .execute();
  return row.id;
}
