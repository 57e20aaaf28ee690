import { computeInformingDeadline } from '../../domain/front-door/deadlines.ts';
import type { Route } from '../../domain/front-door/route-decision.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { requireQueueWorker } from './assessment-service.ts';
import { householdLetter, type LetterFacts, reporterLetter } from './letters.ts';
import { openResidentIdentity, residentParts } from './reporter-identity.ts';
import { findVisibleReportIds } from './store.ts';

/**
 * Letters Veilig Thuis sends: to the reporter about the steps taken (Wmo 2015 art. 4.1.1 g), and
 * to the household to inform the persons concerned within four weeks (art. 5.3.1). Both are built
 * as document models and pass the anonymity rules; only Veilig Thuis produces them.
 */
export async function getLetter(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  recipient: 'reporter' | 'household',
) {
  const { scope } = requireQueueWorker(ctx);
  const now = deps.now();
  if (!(await findVisibleReportIds(deps.db, scope, [id], now)).has(id)) throw new AppError('not_found');
  const report = await deps.db
    .selectFrom('report')
    .leftJoin('organisation', 'organisation.id', 'report.created_by_organisation_id')
    .leftJoin('app_user', 'app_user.id', 'report.created_by_user_id')
    .select([
      'report.reference',
      'report.received_at',
      'report.assessed_at',
      'report.route',
      'report.description',
      'report.reporter_kind',
      'report.reporter_identity_encrypted',
      'organisation.name as organisation_name',
      'app_user.display_name as author_name',
    ])
    .where('report.id', '=', id)
    .executeTakeFirstOrThrow();
  const persons = await deps.db
    .selectFrom('report_person')
    .select('full_name')
    .where('report_id', '=', id)
    .orderBy('position')
    .execute();
  const resident = report.reporter_identity_encrypted
    ? openResidentIdentity(deps.keys.encryption, report.reporter_identity_encrypted)
    : null;
  const informing = computeInformingDeadline(report.received_at);
  const facts: LetterFacts = {
    reference: report.reference,
    receivedAt: report.received_at,
    assessedAt: report.assessed_at,
    route: report.route as Route | null,
    description: report.description,
    reporterIdentity: resident?.name ?? report.organisation_name,
    reporterParts: resident
      ? residentParts(resident)
      : [report.organisation_name ?? '', report.author_name ?? ''],
    reporterKind: resident ? 'resident' : 'professional',
    householdNames: persons.map((p) => p.full_name),
    informingDueAt: informing.ok ? informing.dueAt : report.received_at,
  };
  const letter = recipient === 'reporter' ? reporterLetter(facts) : householdLetter(facts);
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.letter',
      recordType: 'report',
      recordId: id,
      purpose: 'veilig_thuis',
      details: { recipient, protectedPassages: letter.protectedPassages },
    }),
  );
  return letter;
}
