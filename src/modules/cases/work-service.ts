import { DateTime } from 'luxon';
import type { MeasureKind } from '../../domain/casework/measure-clock.ts';
import type { MeetingKind } from '../../domain/casework/meeting.ts';
import type { SafetyPhase } from '../../domain/casework/safety-phase.ts';
import { canReadCategory } from '../../domain/information-category.ts';
import { AMSTERDAM } from '../../domain/working-days.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { authorizeCase, caseReaderOf, loadAuthorizedCase } from './case-guard.ts';
import { listMonitoringDue } from './closure-store.ts';
import { listHandoversWaitingFor } from './handover-store.ts';
import { listMeasureDeadlines } from './measure-store.ts';
import { readingPurpose } from './meeting-service.ts';
import { listActionDeadlines, loadTeamWithOrganisationTypes } from './meeting-store.ts';
import type { CaseRole } from './schemas.ts';
import { listTeamCases } from './store.ts';
import type { WORK_ITEM_KINDS, WORK_SECTIONS } from './work-schemas.ts';
import { listAgreementDeadlines, listMyTeamCaseIds, loadCaseTimeline } from './work-store.ts';

interface WorkItem {
  id: string;
  kind: (typeof WORK_ITEM_KINDS)[number];
  caseId: string;
  caseReference: string;
  dueOn: string;
  dueAt: string | null;
  description: string | null;
  meetingKind: MeetingKind | null;
  measureKind: MeasureKind | null;
  monthsAfter: number | null;
  link: { caseId: string; section: (typeof WORK_SECTIONS)[number] };
}

const EPOCH = new Date(0);
const amsterdamDay = (d: Date) => DateTime.fromJSDate(d, { zone: AMSTERDAM }).toISODate() ?? '';

/** The Amsterdam week (Monday to Sunday) around `now`, and today. */
export function workWeek(now: Date) {
  const here = DateTime.fromJSDate(now, { zone: AMSTERDAM });
  const end = here.endOf('week');
  return {
    today: here.toISODate() ?? '',
    from: here.startOf('week').toISODate() ?? '',
    to: end.toISODate() ?? '',
    endsAt: end.toJSDate(),
  };
}

const item = (
  fields: Omit<WorkItem, 'meetingKind' | 'measureKind' | 'monthsAfter' | 'description'> & Partial<WorkItem>,
): WorkItem => ({
  description: null,
  meetingKind: null,
  measureKind: null,
  monthsAfter: null,
  ...fields,
});

/**
 * "Mijn werk" for the professional acting for their organisation: open plan actions and safety-plan
 * agreements they own, measures ending and monitoring moments on their cases, split into this week
 * (today to Sunday, Amsterdam) and overdue; handovers waiting for their organisation or them; their
 * cases. One round of indexed queries (no per-case loop), one audit event listing what was shown.
 */
export async function getMyWork(deps: Deps, ctx: RequestContext) {
  const { actor } = caseReaderOf(ctx);
  const now = deps.now();
  const week = workWeek(now);
  const userId = actor.user.id;
  const organisationId = actor.organisation.id;
  return deps.db.transaction().execute(async (trx) => {
    const [myCaseIds, actions, agreements, measures, moments, handovers, cases] = await Promise.all([
      listMyTeamCaseIds(trx, userId, organisationId),
      listActionDeadlines(trx, { userId, from: EPOCH, to: week.endsAt }),
      listAgreementDeadlines(trx, { userId, organisationId, until: week.to }),
      // [now, end of Sunday]: a measure that already ended has expired, nothing is left to do.
      listMeasureDeadlines(trx, {
        userId,
        organisationId,
        from: now,
        to: new Date(week.endsAt.getTime() + 1),
      }),
      listMonitoringDue(trx, { userId, organisationId, from: EPOCH, to: week.endsAt, now }),
      listHandoversWaitingFor(trx, { userId, organisationId }),
      listTeamCases(trx, userId, organisationId, 500),
    ]);
    // An action's owner may sit in the team for another organisation; the queue is per organisation.
    const items: WorkItem[] = [
      ...actions
        .filter((a) => myCaseIds.has(a.case_id))
        .map((a) =>
          item({
            id: `action:${a.id}`,
            kind: 'action',
            caseId: a.case_id,
            caseReference: a.case_reference,
            dueOn: a.due_on,
            dueAt: null,
            description: a.description,
            meetingKind: (a.meeting_kind as MeetingKind | null) ?? null,
            link: { caseId: a.case_id, section: 'actions' },
          }),
        ),
      ...agreements.map((a) =>
        item({
          id: `agreement:${a.caseId}:${a.version}:${a.index}`,
          kind: 'agreement',
          caseId: a.caseId,
          caseReference: a.caseReference,
          dueOn: a.dueOn,
          dueAt: null,
          description: a.description,
          link: { caseId: a.caseId, section: 'safety_plan' },
        }),
      ),
      ...measures.map((m) =>
        item({
          id: `measure:${m.measureId}`,
          kind: 'measure_end',
          caseId: m.caseId,
          caseReference: m.caseReference,
          dueOn: amsterdamDay(m.end),
          dueAt: m.end.toISOString(),
          measureKind: m.kind,
          link: { caseId: m.caseId, section: 'measures' },
        }),
      ),
      ...moments.map((m) =>
        item({
          id: `monitoring:${m.momentId}`,
          kind: 'monitoring',
          caseId: m.caseId,
          caseReference: m.caseReference,
          dueOn: m.dueOn,
          dueAt: m.dueAt.toISOString(),
          monthsAfter: m.monthsAfter,
          link: { caseId: m.caseId, section: 'monitoring' },
        }),
      ),
    ].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseReference.localeCompare(b.caseReference));
    const isOverdue = (i: WorkItem) =>
      i.dueAt ? new Date(i.dueAt).getTime() < now.getTime() : i.dueOn < week.today;
    const overdue = items.filter(isOverdue);
    const thisWeek = items.filter((i) => !isOverdue(i));
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.work.list',
      recordType: 'case',
      details: {
        caseIds: cases.map((c) => c.id),
        itemIds: items.map((i) => i.id),
        handoverIds: handovers.map((h) => h.id),
      },
    });
    return {
      today: week.today,
      week: { from: week.from, to: week.to },
      thisWeek,
      overdue,
      handovers: handovers.map((h) => ({
        id: h.id,
        caseReference: h.caseReference,
        municipalityName: h.municipalityName,
        subject: h.subject,
        fromOrganisation: h.fromOrganisation,
        fromUser: h.fromUser,
        toMe: h.toUserId === userId,
        status: h.status,
        escalationLevel: h.escalationLevel,
        dueAt: h.dueAt.toISOString(),
        overdue: h.dueAt.getTime() < now.getTime(),
      })),
      cases: cases.map((r) => ({
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
      })),
    };
  });
}

/**
 * The household timeline: what happened on the case across organisations, oldest first, holding
 * back every entry the reader's organisation may not read (canReadCategory; see work-store.ts for
 * the category of each kind). The read is audited with how many entries were shown and withheld.
 */
export async function getCaseTimeline(deps: Deps, ctx: RequestContext, caseId: string) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.timeline.read');
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const [team, rows] = await Promise.all([
      loadTeamWithOrganisationTypes(trx, caseId),
      loadCaseTimeline(trx, caseId),
    ]);
    // An entry without an owning organisation is team information; the rule is still asked.
    const shown = rows.filter((r) =>
      canReadCategory(guard.reader, { category: r.category, organisationId: r.ownerOrganisationId ?? '' }),
    );
    const withheld = rows.length - shown.length;
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.timeline.read',
      recordType: 'case',
      recordId: caseId,
      purpose: readingPurpose(guard, team),
      details: { shown: shown.length, withheld },
    });
    return {
      entries: shown.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        kind: r.kind,
        category: r.category,
        organisation: r.organisation,
        actor: r.actor,
        details: r.details,
      })),
      withheld,
    };
  });
}
