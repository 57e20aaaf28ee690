import { canOpenCaseAsAuthor } from '../../domain/casework/case-access.ts';
import { listPhaseTargets, type SafetyPhase } from '../../domain/casework/safety-phase.ts';
import type { ParticipantType } from '../../domain/casework/safety-score.ts';
import type { InformationCategory } from '../../domain/information-category.ts';
import { canWorkQueue, maskBsn, reportScope } from '../../domain/report-access.ts';
import { AppError } from '../../errors/app-error.ts';
import { open } from '../../security/secret-box.ts';
import { auditActor, type RequestContext, readerOf, requireActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import type { PERSON_ROLES } from '../intake/schemas.ts';
import { findVisibleReportIds } from '../intake/store.ts';
import { authorizeCase, caseReaderOf, loadAuthorizedCase, mayReadRecord } from './case-guard.ts';
import type { AGREEMENT_STATUSES, CaseRole } from './schemas.ts';
import {
  findCaseOfReport,
  findVisibleCaseIds,
  listTeamCases,
  loadCasePage,
  loadReportForCase,
  loadUserNames,
} from './store.ts';

type PersonRole = (typeof PERSON_ROLES)[number];

/** One case with what the reader may see: notes filtered by category, BSN in full only for Veilig Thuis. */
export async function getCase(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.read');
  return deps.db.transaction().execute(async (trx) => {
    const { header, servedByVeiligThuis, manageTeam } = await loadAuthorizedCase(trx, guard, caseId);
    const { members, team, parts, planVersions } = await loadCasePage(trx, caseId);
    const plan = planVersions.at(-1);
    const userNames = await loadUserNames(trx, plan ? plan.agreements.map((a) => a.ownerUserId) : []);
    const inTeam = team.some(
      (m) => m.user_id === guard.actor.user.id && m.organisation_id === guard.actor.organisation.id,
    );
    const access = inTeam ? ('team' as const) : ('veilig_thuis' as const);
    const readable = parts.notes.filter((n) => mayReadRecord(guard, n));
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.read',
      recordType: 'case',
      recordId: caseId,
      purpose: access === 'team' ? 'casework' : 'veilig_thuis',
      details: { notesShown: readable.length, notesWithheld: parts.notes.length - readable.length },
    });
    const phase = header.phase as SafetyPhase;
    return {
      id: header.id,
      reference: header.reference,
      municipalityCode: header.municipality_code,
      municipalityName: header.municipality_name,
      phase,
      phaseTargets: listPhaseTargets(phase),
      openedAt: header.opened_at.toISOString(),
      access,
      canManageTeam: manageTeam,
      coordinator: {
        userId: header.coordinator_user_id,
        name: header.coordinator_name,
        organisation: header.coordinator_organisation,
      },
      members: members.map((m) => {
        const bsn = m.bsn_encrypted ? open(deps.keys.encryption, m.bsn_encrypted) : null;
        return {
          id: m.id,
          fullName: m.full_name,
          dateOfBirth: m.date_of_birth,
          role: m.role as PersonRole,
          bsn: bsn && !servedByVeiligThuis ? maskBsn(bsn) : bsn,
        };
      }),
      reports: parts.reports.map((r) => ({
        id: r.id,
        reference: r.reference,
        receivedAt: r.received_at.toISOString(),
        attachedAt: r.attached_at.toISOString(),
      })),
      team: team.map((m) => ({
        id: m.id,
        userId: m.user_id,
        name: m.display_name,
        organisationId: m.organisation_id,
        organisation: m.organisation_name,
        caseRole: m.case_role as CaseRole,
        joinedAt: m.joined_at.toISOString(),
      })),
      phaseHistory: parts.phaseHistory.map((p) => ({
        from: p.from_phase as SafetyPhase | null,
        to: p.to_phase as SafetyPhase,
        reason: p.reason,
        by: p.display_name,
        at: p.changed_at.toISOString(),
      })),
      assessments: parts.assessments.map((a) => ({
        id: a.id,
        assessedAt: a.assessed_at.toISOString(),
        recordedBy: a.display_name,
        minScore: a.min_score,
        medianScore: a.median_score,
        concerns: a.concerns,
        scores: parts.scores
          .filter((s) => s.assessment_id === a.id)
          .map((s) => ({
            participantLabel: s.participant_label,
            participantType: s.participant_type as ParticipantType,
            score: s.score,
          })),
        actions: parts.actions
          .filter((x) => x.assessment_id === a.id)
          .map((x) => ({
            id: x.id,
            description: x.description,
            owner: x.display_name,
            dueOn: x.due_on,
            status: x.status,
          })),
      })),
      notes: readable.map((n) => ({
        id: n.id,
        category: n.category as InformationCategory,
        organisation: n.organisation_name,
        author: n.display_name,
        body: n.body,
        createdAt: n.created_at.toISOString(),
      })),
      notesWithheld: parts.notes.length - readable.length,
      safetyPlan: plan
        ? {
            version: plan.version,
            status: plan.status as 'draft' | 'agreed',
            conditions: plan.conditions,
            agreements: plan.agreements.map((a) => ({
              description: a.description,
              ownerUserId: a.ownerUserId,
              owner: userNames.get(a.ownerUserId) ?? '',
              dueOn: a.dueOn,
              status: a.status as (typeof AGREEMENT_STATUSES)[number],
            })),
            ifItGoesWrong: plan.if_it_goes_wrong,
            changedBy: plan.display_name,
            changedAt: plan.changed_at.toISOString(),
          }
        : null,
      safetyPlanVersions: planVersions.map((v) => ({
        version: v.version,
        status: v.status as 'draft' | 'agreed',
        changedBy: v.display_name,
        organisation: v.organisation_name,
        changedAt: v.changed_at.toISOString(),
        changeNote: v.change_note,
      })),
    };
  });
}

/** My work: cases where I am coordinator or team member for the organisation I act for. */
export async function listMyCases(deps: Deps, ctx: RequestContext) {
  const { actor } = caseReaderOf(ctx);
  return deps.db.transaction().execute(async (trx) => {
    const rows = await listTeamCases(trx, actor.user.id, actor.organisation.id, 500);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.list_mine',
      recordType: 'case',
      details: { ids: rows.map((r) => r.id) },
    });
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      municipalityName: r.municipality_name,
      phase: r.phase as SafetyPhase,
      coordinator: r.coordinator_name,
      memberCount: Number(r.member_count ?? 0),
      lastScore: r.last_score ?? null,
      lastAssessedAt: r.last_assessed_at ? new Date(r.last_assessed_at).toISOString() : null,
      openedAt: r.opened_at.toISOString(),
      myCaseRole: r.case_role as CaseRole,
    }));
  });
}

/**
 * For the report page: the case the report belongs to (only when the reader may see that case), and
 * whether the reader may open one. A report the reader cannot see answers 404.
 */
export async function getCaseOfReport(deps: Deps, ctx: RequestContext, reportId: string) {
  const actor = requireActor(ctx);
  const reader = readerOf(actor);
  const now = deps.now();
  if (!(await findVisibleReportIds(deps.db, reportScope(reader), [reportId], now)).has(reportId))
    throw new AppError('not_found');
  const { scope } = caseReaderOf(ctx);
  return deps.db.transaction().execute(async (trx) => {
    const linked = await findCaseOfReport(trx, reportId);
    const visible = linked ? (await findVisibleCaseIds(trx, scope, [linked.id])).has(linked.id) : false;
    const loaded = await loadReportForCase(trx, reportId);
    const vtScope = { ...reportScope(reader), creatorUserId: null, breakGlassUserId: null };
    const asVeiligThuis =
      canWorkQueue(reader) && (await findVisibleReportIds(trx, vtScope, [reportId], now)).has(reportId);
    const isAuthor = loaded?.report.created_by_user_id === actor.user.id && canOpenCaseAsAuthor(reader);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.lookup_by_report',
      recordType: 'report',
      recordId: reportId,
      details: { caseId: visible ? (linked?.id ?? null) : null },
    });
    return {
      caseId: visible && linked ? linked.id : null,
      reference: visible && linked ? linked.reference : null,
      canOpen: !visible && (asVeiligThuis || isAuthor),
    };
  });
}
