import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { classifyReport } from '../../domain/casework/report-classification.ts';
import { decidePhaseTransition, type SafetyPhase } from '../../domain/casework/safety-phase.ts';
import { reportScope } from '../../domain/report-access.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { openResidentIdentity, residentParts } from '../intake/reporter-identity.ts';
import { findVisibleReportIds } from '../intake/store.ts';
import { authorizeCase, loadAuthorizedCase } from './case-guard.ts';
import { adultsOn, type ClosureReason, closureLetter, closurePhaseReason } from './closure-letter.ts';
import { CLOSURE_MESSAGES } from './closure-messages.ts';
import type { CloseInput, ReopenInput } from './closure-schemas.ts';
import {
  findOpenClosure,
  findReportsWhileClosed,
  listClosures,
  loadCasePeriods,
  loadCaseReporters,
  loadSuccession,
} from './closure-store.ts';
import { CASE_MESSAGES } from './messages.ts';
import { followPhaseForMonitoring } from './monitoring-service.ts';
import { loadRulesOfCase } from './region-config.ts';
import {
  findLatestAssessment,
  findOpenCaseOfHousehold,
  findVisibleCaseIds,
  hasAgreedSafetyPlan,
  loadCaseMembers,
} from './store.ts';

type Guard = Awaited<ReturnType<typeof authorizeCase>>;

/** A phase rule's refusal in the one error shape; the rule is about the case, not one field. */
function refuseByRule(message: { nl: string; en: string }, path = 'body.phase'): never {
  throw new AppError('validation_failed', [{ path, message }]);
}

async function setPhase(
  trx: Transaction<DB>,
  guard: Guard,
  caseId: string,
  from: SafetyPhase,
  to: SafetyPhase,
  reason: string,
  now: Date,
) {
  const updated = await trx
    .updateTable('household_case')
    .set({ phase: to, closed_at: to === 'closed' ? now : null })
    .where('id', '=', caseId)
    .where('phase', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new AppError('conflict', [{ path: 'body', message: CASE_MESSAGES.phase_changed_meanwhile }]);
  }
  await trx
    .insertInto('case_phase_change')
    .values({
      case_id: caseId,
      from_phase: from,
      to_phase: to,
      reason,
      changed_by_user_id: guard.actor.user.id,
      changed_at: now,
    })
    .execute();
  await followPhaseForMonitoring(trx, caseId, from, to, now);
}

/** Identifying parts of every reporter of the case's reports, to keep them out of the letter. */
async function reporterParts(deps: Deps, trx: Transaction<DB>, caseId: string) {
  const reporters = await loadCaseReporters(trx, caseId);
  return reporters.flatMap((r) => {
    const resident = r.reporter_identity_encrypted
      ? openResidentIdentity(deps.keys.encryption, r.reporter_identity_encrypted)
      : null;
    return resident
      ? residentParts(resident)
      : [r.organisation_name ?? '', ...nameParts(r.author_name ?? '')];
  });
}

/**
 * A professional's display name whole, without remarks in brackets, and each word on its own:
 * "Wendy Wijkteam (Nijmegen)" must not reach the household as "Wendy" either. Fails closed: a
 * common word in a name is masked wherever it appears.
 */
function nameParts(displayName: string): string[] {
  const bare = displayName
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = bare.split(' ').map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, ''));
  return [displayName, bare, ...words].filter((p) => p.length >= 3);
}

/**
 * Closes the case with a reason code and an explanation (issue 3 §11). The phase rule still
 * decides (closing only from monitoring, with a recent assessment at or above the region's
 * threshold); the coordinator or Veilig Thuis decides, because closing ends the household's
 * trajectory and a letter goes out. The letter is generated now and stored as sent.
 */
export async function closeCase(deps: Deps, ctx: RequestContext, caseId: string, input: CloseInput) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.close');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header, manageTeam } = await loadAuthorizedCase(trx, guard, caseId);
    if (!manageTeam) {
      throw new AppError('forbidden', [{ path: 'body', message: CLOSURE_MESSAGES.not_allowed_to_close }]);
    }
    const from = header.phase as SafetyPhase;
    const latest = await findLatestAssessment(trx, caseId);
    const agreedPlan = await hasAgreedSafetyPlan(trx, caseId);
    const verdict = decidePhaseTransition(from, 'closed', {
      hasAgreedSafetyPlan: agreedPlan,
      latestAssessment: latest ? { score: latest.min_score, at: latest.assessed_at } : null,
      regionConfig: (await loadRulesOfCase(trx, caseId)).phase,
      reason: input.explanation,
      now,
    });
    if (!verdict.ok)
      refuseByRule(verdict.message, verdict.code === 'reason_required' ? 'body.explanation' : 'body.phase');
    await setPhase(
      trx,
      guard,
      caseId,
      from,
      'closed',
      closurePhaseReason(input.reasonCode, input.explanation),
      now,
    );
    const members = await loadCaseMembers(trx, caseId);
    const letter = closureLetter({
      caseReference: header.reference,
      openedAt: header.opened_at,
      closedAt: now,
      reasonCode: input.reasonCode,
      explanation: input.explanation,
      addressees: adultsOn(
        members.map((m) => ({ fullName: m.full_name, dateOfBirth: m.date_of_birth })),
        now,
      ),
      hasSafetyPlan: agreedPlan,
      reporterParts: await reporterParts(deps, trx, caseId),
    });
    const closure = await trx
      .insertInto('case_closure')
      .values({
        case_id: caseId,
        reason_code: input.reasonCode,
        explanation: input.explanation,
        closed_by_user_id: guard.actor.user.id,
        organisation_id: guard.actor.organisation.id,
        closed_at: now,
        letter_subject: letter.subject,
        letter_paragraphs: letter.paragraphs,
        letter_protected_passages: letter.protectedPassages,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.close',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        closureId: closure.id,
        reasonCode: input.reasonCode,
        protectedPassages: letter.protectedPassages,
      },
    });
    return {
      phase: 'closed' as const,
      closureId: closure.id,
      closedAt: now.toISOString(),
      letter: {
        closureId: closure.id,
        caseReference: header.reference,
        closedAt: now.toISOString(),
        reasonCode: input.reasonCode,
        ...letter,
      },
    };
  });
}

/**
 * Reopens a closed case inside the caller's transaction: the phase rule decides the target (direct
 * safety), the household must not have another open case meanwhile (one case per household), and
 * the reopening refers to the closure it undoes. Any reader of the case may reopen: a move towards
 * more safety is never blocked (safety-phase.ts), and the reason records why.
 */
export async function reopenInTransaction(
  trx: Transaction<DB>,
  ctx: RequestContext,
  guard: Guard,
  caseId: string,
  from: SafetyPhase,
  input: { reason: string; toPhase: SafetyPhase },
  now: Date,
) {
  if (from !== 'closed') refuseByRule(CLOSURE_MESSAGES.not_closed);
  const verdict = decidePhaseTransition(from, input.toPhase, {
    hasAgreedSafetyPlan: false,
    latestAssessment: null,
    regionConfig: (await loadRulesOfCase(trx, caseId)).phase,
    reason: input.reason,
    now,
  });
  if (!verdict.ok)
    refuseByRule(verdict.message, verdict.code === 'reason_required' ? 'body.reason' : 'body.toPhase');
  const members = await loadCaseMembers(trx, caseId);
  const persons = members.map((m) => ({
    bsnHash: m.bsn_hash,
    fullName: m.full_name,
    dateOfBirth: m.date_of_birth,
  }));
  if (await findOpenCaseOfHousehold(trx, persons, caseId)) {
    throw new AppError('conflict', [
      { path: 'body.toPhase', message: CASE_MESSAGES.household_has_open_case },
    ]);
  }
  const closure = await findOpenClosure(trx, caseId);
  await setPhase(trx, guard, caseId, from, input.toPhase, input.reason, now);
  // A case closed before closures were recorded has no closure row; the phase history still shows it.
  const reopening = closure
    ? await trx
        .insertInto('case_reopening')
        .values({
          case_id: caseId,
          closure_id: closure.id,
          reason: input.reason,
          to_phase: input.toPhase,
          reopened_by_user_id: guard.actor.user.id,
          organisation_id: guard.actor.organisation.id,
          reopened_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    : null;
  await appendAuditEvent(trx, {
    ...auditActor(ctx),
    action: 'case.reopen',
    recordType: 'case',
    recordId: caseId,
    purpose: 'casework',
    details: { closureId: closure?.id ?? null, toPhase: input.toPhase },
  });
  return { phase: input.toPhase, reopeningId: reopening?.id ?? null };
}

export async function reopenCase(deps: Deps, ctx: RequestContext, caseId: string, input: ReopenInput) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.reopen');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    return reopenInTransaction(trx, ctx, guard, caseId, header.phase as SafetyPhase, input, now);
  });
}

/** The letter as generated at closing: the latest closure's, or a named one of this case. */
export async function getClosureLetter(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  closureId: string | undefined,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.closure.letter');
  return deps.db.transaction().execute(async (trx) => {
    const { header } = await loadAuthorizedCase(trx, guard, caseId);
    const closures = await listClosures(trx, caseId);
    const closure = closureId ? closures.find((c) => c.id === closureId) : closures.at(-1);
    if (!closure)
      throw new AppError('not_found', [{ path: 'params.id', message: CLOSURE_MESSAGES.no_closure }]);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.closure.letter',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { closureId: closure.id },
    });
    return {
      closureId: closure.id,
      caseReference: header.reference,
      closedAt: closure.closed_at.toISOString(),
      reasonCode: closure.reason_code as ClosureReason,
      subject: closure.letter_subject,
      paragraphs: closure.letter_paragraphs,
      protectedPassages: closure.letter_protected_passages,
    };
  });
}

/**
 * Closures and reopenings of the case, the reports about its members that came in while it was
 * closed (*Nieuwe melding na afsluiting*: each counts as a re-report unless another case of the
 * same people was open then), and the cases before and after it of the same household.
 */
export async function getClosureOverview(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.closure.read');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { header, manageTeam } = await loadAuthorizedCase(trx, guard, caseId);
    const [closures, members, succession, periodsById] = await Promise.all([
      listClosures(trx, caseId),
      loadCaseMembers(trx, caseId),
      loadSuccession(trx, caseId),
      loadCasePeriods(trx, [caseId]),
    ]);
    const periods = periodsById.get(caseId) ?? [];
    const later = await findReportsWhileClosed(
      trx,
      members.map((m) => ({
        id: m.id,
        bsnHash: m.bsn_hash,
        fullName: m.full_name,
        dateOfBirth: m.date_of_birth,
      })),
      periods,
    );
    const otherCaseIds = [
      ...new Set(later.flatMap((r) => (r.caseId && r.caseId !== caseId ? [r.caseId] : []))),
    ];
    const linkedIds = [
      ...otherCaseIds,
      ...(succession.previous ? [succession.previous.id] : []),
      ...succession.next.map((n) => n.id),
    ];
    const [otherPeriods, visibleCases, visibleReports] = await Promise.all([
      loadCasePeriods(trx, otherCaseIds),
      findVisibleCaseIds(trx, guard.scope, linkedIds),
      findVisibleReportIds(
        trx,
        reportScope(guard.reader),
        later.map((r) => r.reportId),
        now,
      ),
    ]);
    const link = (c: { id: string; reference: string | null }) => {
      const visible = c.id === caseId || visibleCases.has(c.id);
      return { id: visible ? c.id : null, reference: visible ? c.reference : null, visible };
    };
    const reportsAfterClosure = later.map((r) => {
      const other = r.caseId && r.caseId !== caseId ? (otherPeriods.get(r.caseId) ?? []) : [];
      return {
        reportId: r.reportId,
        reference: r.reference,
        receivedAt: r.receivedAt.toISOString(),
        concerns: [...r.concerns],
        classification: classifyReport([...periods, ...other], r.receivedAt),
        reportVisible: visibleReports.has(r.reportId),
        inCase: r.caseId ? link({ id: r.caseId, reference: r.caseReference }) : null,
      };
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.closure.read',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { closures: closures.map((c) => c.id), reportsAfterClosure: later.map((r) => r.reportId) },
    });
    return {
      phase: header.phase as SafetyPhase,
      canClose: manageTeam,
      closures: closures.map((c) => ({
        id: c.id,
        reasonCode: c.reason_code as ClosureReason,
        explanation: c.explanation,
        closedBy: c.display_name,
        organisation: c.organisation_name,
        closedAt: c.closed_at.toISOString(),
        reopening:
          c.reopened_at && c.reopen_reason && c.reopen_to_phase
            ? {
                reason: c.reopen_reason,
                toPhase: c.reopen_to_phase as SafetyPhase,
                by: c.reopened_by ?? '',
                at: c.reopened_at.toISOString(),
              }
            : null,
      })),
      reportsAfterClosure,
      previousCase: succession.previous ? link(succession.previous) : null,
      nextCases: succession.next.map(link),
    };
  });
}
