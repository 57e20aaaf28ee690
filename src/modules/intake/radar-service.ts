import { classifyReport } from '../../domain/casework/report-classification.ts';
import { matchPersons, type PersonIdentity } from '../../domain/front-door/person-match.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { loadInvolvementOfReports } from '../cases/closure-store.ts';
import type { Deps } from '../deps.ts';
import { requireQueueWorker } from './assessment-service.ts';
import { findVisibleReportIds } from './store.ts';

/** Our reports keep one name field; the matcher wants first names and surname apart. */
function identityOf(p: {
  full_name: string;
  date_of_birth: string;
  bsn_hash: string | null;
}): PersonIdentity {
  const parts = p.full_name.trim().split(/\s+/);
  return {
    bsnHash: p.bsn_hash,
    firstNames: parts.length > 1 ? (parts[0] ?? null) : null,
    surname: parts.length > 1 ? parts.slice(1).join(' ') : (parts[0] ?? null),
    dateOfBirth: p.date_of_birth,
    postcode: null,
    houseNumber: null,
  };
}

/**
 * The radar: earlier reports about the same people, found exactly on the keyed BSN hash or
 * tolerantly on name and date of birth, in every region (as the national VT register does), and the
 * classification of this report as first report, follow-up report or re-report.
 */
export async function getRadar(deps: Deps, ctx: RequestContext, id: string) {
  const { scope } = requireQueueWorker(ctx);
  const now = deps.now();
  if (!(await findVisibleReportIds(deps.db, scope, [id], now)).has(id)) throw new AppError('not_found');
  const report = await deps.db
    .selectFrom('report')
    .select(['id', 'received_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const persons = await deps.db
    .selectFrom('report_person')
    .select(['full_name', 'date_of_birth', 'bsn_hash'])
    .where('report_id', '=', id)
    .execute();
  const hashes = persons.flatMap((p) => (p.bsn_hash ? [p.bsn_hash] : []));
  const dates = persons.map((p) => p.date_of_birth);
  const candidates = await deps.db
    .selectFrom('report_person as rp')
    .innerJoin('report as r', 'r.id', 'rp.report_id')
    .innerJoin('region', 'region.id', 'r.region_id')
    .select([
      'rp.full_name',
      'rp.date_of_birth',
      'rp.bsn_hash',
      'r.id as report_id',
      'r.reference',
      'r.received_at',
      'r.status',
      'r.route',
      'r.involvement_ended_at',
      'region.name as region_name',
    ])
    .where('r.id', '!=', id)
    .where('r.received_at', '<', report.received_at)
    .where((eb) =>
      eb.or([
        eb('rp.date_of_birth', 'in', dates),
        ...(hashes.length ? [eb('rp.bsn_hash', 'in', hashes)] : []),
      ]),
    )
    .execute();

  const matches = new Map<
    string,
    { row: (typeof candidates)[number]; person: string; basis: string; score: number; level: string }
  >();
  for (const candidate of candidates) {
    for (const person of persons) {
      const result = matchPersons(identityOf(person), identityOf(candidate));
      if (result.classification === 'no_match') continue;
      const known = matches.get(candidate.report_id);
      if (!known || result.score > known.score) {
        matches.set(candidate.report_id, {
          row: candidate,
          person: candidate.full_name,
          basis: result.basis,
          score: result.score,
          level: result.classification,
        });
      }
    }
  }
  const found = [...matches.values()].sort(
    (a, b) => b.row.received_at.getTime() - a.row.received_at.getTime(),
  );
  // Only certain matches count for the classification; possible ones are shown for a person to judge.
  // A report in a household case stands for involvement as long as that case is open (issue 3 §11).
  const classification = classifyReport(
    await loadInvolvementOfReports(
      deps.db,
      found
        .filter((m) => m.level === 'match')
        .map((m) => ({
          reportId: m.row.report_id,
          receivedAt: m.row.received_at,
          involvementEndedAt: m.row.involvement_ended_at,
        })),
    ),
    report.received_at,
  );
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.radar',
      recordType: 'report',
      recordId: id,
      purpose: 'veilig_thuis',
      details: { matches: found.map((m) => m.row.report_id) },
    }),
  );
  return {
    classification,
    matches: found.map((m) => ({
      reportId: m.row.report_id,
      reference: m.row.reference,
      regionName: m.row.region_name,
      receivedAt: m.row.received_at.toISOString(),
      status: m.row.status,
      route: m.row.route,
      involvementEndedAt: m.row.involvement_ended_at?.toISOString() ?? null,
      personName: m.person,
      matchedOn: m.basis === 'bsn' ? ('bsn' as const) : ('name_and_date_of_birth' as const),
      certainty: m.level === 'match' ? ('certain' as const) : ('possible' as const),
      score: Math.round(m.score * 100) / 100,
    })),
  };
}
