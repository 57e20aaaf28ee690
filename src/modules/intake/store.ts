import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReportScope } from '../../domain/report-access.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The one place that turns a reader's scope into SQL. Every report query goes through it, so a
 * report outside the scope cannot be listed, read or written.
 */
function visibleTo(scope: ReportScope, now: Date) {
  return (eb: ExpressionBuilder<DB, 'report'>) => {
    const alternatives = [];
    if (scope.creatorUserId) alternatives.push(eb('report.created_by_user_id', '=', scope.creatorUserId));
    if (scope.veiligThuisOrganisationId) {
      alternatives.push(
        eb(
          'report.municipality_code',
          'in',
          eb
            .selectFrom('organisation_municipality')
            .select('organisation_municipality.cbs_code')
            .where('organisation_municipality.organisation_id', '=', scope.veiligThuisOrganisationId),
        ),
      );
    }
    if (scope.breakGlassUserId) {
      alternatives.push(
        eb.exists(
          eb
            .selectFrom('break_glass_grant as g')
            .select('g.id')
            .where('g.user_id', '=', scope.breakGlassUserId)
            .where('g.record_type', '=', 'report')
            .whereRef('g.record_id', '=', 'report.id')
            .where('g.expires_at', '>', now),
        ),
      );
    }
    return alternatives.length > 0 ? eb.or(alternatives) : eb.val(false);
  };
}

export async function findVisibleReportIds(
  db: Db,
  scope: ReportScope,
  ids: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('report')
    .select('report.id')
    .where('report.id', 'in', ids)
    .where(visibleTo(scope, now))
    .execute();
  return new Set(rows.map((r) => r.id));
}

const summaryColumns = [
  'report.id',
  'report.reference',
  'report.municipality_code',
  'municipality.name as municipality_name',
  'report.violence_kinds',
  'report.acute',
  'report.received_at',
  'report.assessment_due_at',
  'report.status',
] as const;

export async function listReports(
  db: Db,
  scope: ReportScope,
  now: Date,
  options: { onlyOpen: boolean; mine: boolean; limit: number },
) {
  let query = db
    .selectFrom('report')
    .innerJoin('municipality', 'municipality.cbs_code', 'report.municipality_code')
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('report_person')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('report_person.report_id', '=', 'report.id')
        .as('person_count'),
    )
    .where(visibleTo(scope, now));
  if (options.mine && scope.creatorUserId)
    query = query.where('report.created_by_user_id', '=', scope.creatorUserId);
  if (options.onlyOpen) query = query.where('report.status', '=', 'received');
  return query
    .orderBy('report.assessment_due_at')
    .orderBy('report.received_at')
    .limit(options.limit)
    .execute();
}

export async function loadReport(db: Db, id: string) {
  const report = await db
    .selectFrom('report')
    .innerJoin('municipality', 'municipality.cbs_code', 'report.municipality_code')
    .leftJoin('organisation', 'organisation.id', 'report.created_by_organisation_id')
    .select(summaryColumns)
    .select([
      'report.description',
      'report.created_by_user_id',
      'organisation.name as created_by_organisation',
      'report.assessed_at',
      'report.acute_unsafety',
      'report.structural_unsafety',
      'report.route',
      'report.route_reason',
      'report.investigation_start_by',
      'report.investigation_conclude_by',
      'report.investigation_concluded_at',
      'report.investigation_outcome',
      'report.reporter_kind',
      'report.reporter_identity_encrypted',
      'report.reporter_anonymous_to_household',
    ])
    .where('report.id', '=', id)
    .executeTakeFirst();
  if (!report) return undefined;
  const [persons, notes] = await Promise.all([
    db.selectFrom('report_person').selectAll().where('report_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('report_note')
      .innerJoin('organisation', 'organisation.id', 'report_note.organisation_id')
      .select([
        'report_note.id',
        'report_note.category',
        'report_note.organisation_id',
        'organisation.name as organisation_name',
        'report_note.body',
        'report_note.created_at',
      ])
      .where('report_note.report_id', '=', id)
      .orderBy('report_note.created_at')
      .execute(),
  ]);
  return { report, persons, notes };
}

/** The Veilig Thuis organisation that serves a municipality, and the region the municipality is in. */
export async function findIntakeRoute(db: Db, municipalityCode: string) {
  return db
    .selectFrom('organisation')
    .innerJoin('organisation_municipality as om', 'om.organisation_id', 'organisation.id')
    .innerJoin('region_municipality as rm', (join) =>
      join.onRef('rm.cbs_code', '=', 'om.cbs_code').onRef('rm.region_id', '=', 'organisation.region_id'),
    )
    .select(['organisation.id as organisation_id', 'organisation.region_id'])
    .where('om.cbs_code', '=', municipalityCode)
    .where('organisation.type', '=', 'veilig_thuis')
    .orderBy('organisation.name')
    .executeTakeFirst();
}
