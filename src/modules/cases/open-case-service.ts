import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canOpenCaseAsAuthor } from '../../domain/casework/case-access.ts';
import { isSameHouseholdMember } from '../../domain/casework/household-match.ts';
import { canWorkQueue, reportScope } from '../../domain/report-access.ts';
import { AppError } from '../../errors/app-error.ts';
import { newRecordReference } from '../../security/record-reference.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
// Visibility of a report is the intake module's rule; we ask it rather than repeat it.
import { findVisibleReportIds } from '../intake/store.ts';
import { caseReaderOf } from './case-guard.ts';
import { findClosedCaseOfHousehold } from './closure-store.ts';
import { CASE_MESSAGES } from './messages.ts';
import type { OpenCaseInput } from './schemas.ts';
import {
  findCaseOfReport,
  findClientMembership,
  findOpenCaseOfHousehold,
  findVisibleCaseIds,
  loadCaseMembers,
  loadReportForCase,
} from './store.ts';

// Serialises case opening across transactions and instances, so two reports about one household
// arriving at the same moment cannot open two cases.
const OPEN_CASE_LOCK = 7_041_977;

/** Who may open a case from this report, and whether they see the report at all (else 404). */
async function authorizeOpening(deps: Deps, ctx: RequestContext, reportId: string) {
  const { actor, reader, scope } = caseReaderOf(ctx);
  const now = deps.now();
  const visible = await findVisibleReportIds(deps.db, reportScope(reader), [reportId], now);
  if (!visible.has(reportId)) throw new AppError('not_found');
  const vtScope = { ...reportScope(reader), creatorUserId: null, breakGlassUserId: null };
  const asVeiligThuis =
    canWorkQueue(reader) && (await findVisibleReportIds(deps.db, vtScope, [reportId], now)).has(reportId);
  return { actor, reader, scope, asVeiligThuis };
}

/**
 * Opens the household's case from a report, or attaches the report to the open case one of its
 * persons is already in (one case per household at a time). When the household's case was closed,
 * the new case is linked to it (a re-report); reopening the old case is a separate, reasoned act. The opener becomes coordinator unless
 * another coordinator is named; a local-team author attaching to an existing case joins its team.
 */
export async function openCaseFromReport(deps: Deps, ctx: RequestContext, input: OpenCaseInput) {
  const { actor, reader, scope, asVeiligThuis } = await authorizeOpening(deps, ctx, input.reportId);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${OPEN_CASE_LOCK})`.execute(trx);
    const loaded = await loadReportForCase(trx, input.reportId);
    if (!loaded) throw new AppError('not_found');
    const isAuthor = loaded.report.created_by_user_id === actor.user.id && canOpenCaseAsAuthor(reader);
    if (!asVeiligThuis && !isAuthor) {
      throw new AppError('forbidden', [
        { path: 'body.reportId', message: CASE_MESSAGES.not_allowed_to_open },
      ]);
    }
    const existing = await findCaseOfReport(trx, input.reportId);
    if (existing) {
      const sees = (await findVisibleCaseIds(trx, scope, [existing.id])).has(existing.id);
      if (!sees) await joinTeam(trx, ctx, existing.id, actor.user.id, actor.organisation.id, 'other', now);
      return { id: existing.id, reference: existing.reference, outcome: 'already_attached' as const };
    }
    const persons = loaded.persons.map((p) => ({
      bsnHash: p.bsn_hash,
      fullName: p.full_name,
      dateOfBirth: p.date_of_birth,
    }));
    const household = await findOpenCaseOfHousehold(trx, persons);
    if (household) {
      const members = await loadCaseMembers(trx, household.case_id);
      const newcomers = loaded.persons.filter(
        (p) =>
          !members.some((m) =>
            isSameHouseholdMember(
              { bsnHash: p.bsn_hash, fullName: p.full_name, dateOfBirth: p.date_of_birth },
              { bsnHash: m.bsn_hash, fullName: m.full_name, dateOfBirth: m.date_of_birth },
            ),
          ),
      );
      await insertMembers(trx, household.case_id, members.length, newcomers);
      await attachReport(trx, ctx, household.case_id, input.reportId, actor.user.id, now, 'attached');
      const sees = (await findVisibleCaseIds(trx, scope, [household.case_id])).has(household.case_id);
      if (!sees)
        await joinTeam(trx, ctx, household.case_id, actor.user.id, actor.organisation.id, 'other', now);
      return { id: household.case_id, reference: household.reference, outcome: 'attached' as const };
    }

    let coordinator = { userId: actor.user.id, organisationId: actor.organisation.id };
    if (input.coordinatorUserId && input.coordinatorUserId !== actor.user.id) {
      const membership = await findClientMembership(trx, input.coordinatorUserId, loaded.report.region_id);
      if (!membership) {
        throw new AppError('validation_failed', [
          { path: 'body.coordinatorUserId', message: CASE_MESSAGES.unknown_coordinator },
        ]);
      }
      coordinator = { userId: input.coordinatorUserId, organisationId: membership.organisation_id };
    }
    // A report about people of a closed case is a re-report: it opens a new case linked to the
    // closed one (docs/domain.md, "Hermelding"), rather than reopening it unasked.
    const previous = await findClosedCaseOfHousehold(trx, persons);
    const created = await trx
      .insertInto('household_case')
      .values({
        reference: newRecordReference('C', now),
        region_id: loaded.report.region_id,
        municipality_code: loaded.report.municipality_code,
        coordinator_user_id: coordinator.userId,
        coordinator_organisation_id: coordinator.organisationId,
        opened_by_user_id: actor.user.id,
        opened_at: now,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await insertMembers(trx, created.id, 0, loaded.persons);
    await trx
      .insertInto('case_phase_change')
      .values({
        case_id: created.id,
        from_phase: null,
        to_phase: 'direct_safety',
        reason: previous
          ? `Casus geopend vanuit melding ${loaded.report.reference}, na afgesloten casus ${previous.reference}`
          : `Casus geopend vanuit melding ${loaded.report.reference}`,
        changed_by_user_id: actor.user.id,
        changed_at: now,
      })
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.open',
      recordType: 'case',
      recordId: created.id,
      purpose: asVeiligThuis ? 'veilig_thuis' : 'casework',
      details: {
        reportId: input.reportId,
        members: loaded.persons.length,
        coordinatorUserId: coordinator.userId,
      },
    });
    if (previous) {
      await trx
        .insertInto('case_succession')
        .values({
          case_id: created.id,
          previous_case_id: previous.case_id,
          report_id: input.reportId,
          linked_at: now,
        })
        .execute();
      await appendAuditEvent(trx, {
        ...auditActor(ctx),
        action: 'case.link_previous',
        recordType: 'case',
        recordId: created.id,
        purpose: 'casework',
        details: { previousCaseId: previous.case_id, reportId: input.reportId },
      });
    }
    await joinTeam(trx, ctx, created.id, coordinator.userId, coordinator.organisationId, 'coordinator', now);
    await attachReport(trx, ctx, created.id, input.reportId, actor.user.id, now, 'opened');
    return { id: created.id, reference: created.reference, outcome: 'opened' as const };
  });
}

async function insertMembers(
  trx: Transaction<DB>,
  caseId: string,
  offset: number,
  persons: readonly {
    full_name: string;
    date_of_birth: string;
    role: string;
    bsn_encrypted: string | null;
    bsn_hash: string | null;
  }[],
) {
  if (persons.length === 0) return;
  await trx
    .insertInto('case_member')
    .values(
      persons.map((p, i) => ({
        case_id: caseId,
        position: offset + i,
        full_name: p.full_name,
        date_of_birth: p.date_of_birth,
        role: p.role,
        bsn_encrypted: p.bsn_encrypted,
        bsn_hash: p.bsn_hash,
      })),
    )
    .execute();
}

async function attachReport(
  trx: Transaction<DB>,
  ctx: RequestContext,
  caseId: string,
  reportId: string,
  userId: string,
  now: Date,
  how: 'opened' | 'attached',
) {
  await trx
    .insertInto('case_report')
    .values({ case_id: caseId, report_id: reportId, attached_at: now, attached_by_user_id: userId })
    .execute();
  await appendAuditEvent(trx, {
    ...auditActor(ctx),
    action: 'case.report.attach',
    recordType: 'case',
    recordId: caseId,
    purpose: 'casework',
    details: { reportId, how },
  });
}

export async function joinTeam(
  trx: Transaction<DB>,
  ctx: RequestContext,
  caseId: string,
  userId: string,
  organisationId: string,
  caseRole: string,
  now: Date,
) {
  const joined = await trx
    .insertInto('case_team_member')
    .values({
      case_id: caseId,
      user_id: userId,
      organisation_id: organisationId,
      case_role: caseRole,
      joined_at: now,
      joined_by_user_id: ctx.user?.id ?? userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAuditEvent(trx, {
    ...auditActor(ctx),
    action: 'case.team.join',
    recordType: 'case',
    recordId: caseId,
    purpose: 'casework',
    details: { teamMemberId: joined.id, userId, organisationId, caseRole },
  });
  return joined.id;
}
