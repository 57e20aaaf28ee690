import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  allowedAuthorities,
  canRecordMeasure,
  checkMeasureParties,
  type MeasureAct,
  type MeasureAuthority,
  type MeasurePart,
} from '../../domain/casework/measure-authority.ts';
import {
  computeEnd,
  computeMaximumEnd,
  computeMeasureStatus,
  DEFAULT_MEASURE_TERMS,
  extendMeasure,
  findNextReminder,
  liftMeasure,
  MEASURE_KINDS,
  type MeasureKind,
} from '../../domain/casework/measure-clock.ts';
import type { InformationCategory } from '../../domain/information-category.ts';
import { AppError, type ErrorDetail } from '../../errors/app-error.ts';
import { auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { auditCaseDenied, authorizeCase, loadAuthorizedCase, mayReadRecord } from './case-guard.ts';
import { MEASURE_MESSAGES } from './measure-messages.ts';
import type {
  ExtendMeasureInput,
  ImposeMeasureInput,
  LiftMeasureInput,
  MeasureList,
} from './measure-schemas.ts';
import { loadCaseMeasures, loadMeasureParts, lockMeasure, toDomainMeasure } from './measure-store.ts';
import { loadCaseMembers } from './store.ts';

type Guard = Awaited<ReturnType<typeof authorizeCase>>;

const DAY_MS = 86_400_000;
const EARLIEST_START = new Date('2000-01-01T00:00:00Z');
/** A measure may be recorded ahead of its start (a planned shelter stay), but not far ahead. */
const LATEST_START_DAYS = 90;

const AUTHORITY_MESSAGE: Readonly<Record<MeasureAct, ErrorDetail['message']>> = {
  impose: MEASURE_MESSAGES.order_authority_impose,
  extend: MEASURE_MESSAGES.order_authority_extend,
  lift: MEASURE_MESSAGES.order_authority_lift,
};

function refuseRule(path: string, message: ErrorDetail['message']): never {
  throw new AppError('rule_refused', [{ path, message }]);
}

/** The law limits who decides a restraining order; other measures take any partner's decision. */
function checkAuthority(kind: MeasureKind, act: MeasureAct, decidedBy: MeasureAuthority) {
  if (allowedAuthorities(kind, act).includes(decidedBy)) return;
  refuseRule(
    'body.decidedBy',
    kind === 'restraining_order' ? AUTHORITY_MESSAGE[act] : MEASURE_MESSAGES.authority_not_allowed,
  );
}

/** Recording an order is for police, Veilig Thuis and the safety house (measure-authority.ts). */
function checkRecorder(guard: Guard, kind: MeasureKind) {
  if (!canRecordMeasure(kind, guard.actor.organisation.type))
    throw new AppError('forbidden', [{ path: 'body.kind', message: MEASURE_MESSAGES.order_recorder }]);
}

/** A case's measures with their clocks, as far as the reader's categories allow. */
export async function listCaseMeasures(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
): Promise<MeasureList> {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.measure.list');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    const all = await loadCaseMeasures(trx, caseId);
    const rows = all.filter((r) => mayReadRecord(guard, r));
    const parts = await loadMeasureParts(
      trx,
      rows.map((r) => r.id),
    );
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.measure.list',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { shown: rows.map((r) => r.id), withheld: all.length - rows.length },
    });
    return {
      measures: rows.map((r) => {
        const extensions = parts.extensions.filter((e) => e.measure_id === r.id);
        const measure = toDomainMeasure(r, extensions);
        const kind = r.kind as MeasureKind;
        const next = findNextReminder(measure, now);
        return {
          id: r.id,
          kind,
          category: r.category as InformationCategory,
          status: computeMeasureStatus(measure, now),
          imposedAt: r.imposed_at.toISOString(),
          decidedBy: r.decided_by as MeasureAuthority,
          decisionReference: r.decision_reference,
          note: r.note,
          basis: DEFAULT_MEASURE_TERMS[kind].basis,
          end: computeEnd(kind, r.imposed_at, measure.extensions).toISOString(),
          maximumEnd: computeMaximumEnd(kind, r.imposed_at)?.toISOString() ?? null,
          members: parts.members
            .filter((m) => m.measure_id === r.id)
            .map((m) => ({ memberId: m.member_id, fullName: m.full_name, part: m.part as MeasurePart })),
          extensions: extensions.map((e) => ({
            previousEnd: e.previous_end_at.toISOString(),
            newEnd: e.new_end_at.toISOString(),
            reason: e.reason,
            decidedBy: e.decided_by as MeasureAuthority,
            recordedBy: e.display_name,
            organisation: e.organisation_name,
            recordedAt: e.recorded_at.toISOString(),
          })),
          lifted:
            r.lifted_at && r.lifted_reason && r.lifted_decided_by
              ? {
                  at: r.lifted_at.toISOString(),
                  reason: r.lifted_reason,
                  decidedBy: r.lifted_decided_by as MeasureAuthority,
                  by: r.lifted_by_name ?? '',
                }
              : null,
          nextReminder: next ? { at: next.at.toISOString(), daysBefore: next.daysBefore } : null,
          reminders: parts.reminders
            .filter((x) => x.measure_id === r.id)
            .map((x) => ({
              kind: x.reminder_kind as 'before_end' | 'expired',
              daysBefore: x.days_before,
              dueAt: x.due_at.toISOString(),
              recordedAt: x.recorded_at.toISOString(),
            })),
          recordedBy: r.recorded_by_name,
          organisation: r.organisation_name,
          recordedAt: r.recorded_at.toISOString(),
          mayChange: canRecordMeasure(kind, guard.actor.organisation.type),
        };
      }),
      withheld: all.length - rows.length,
      recordableKinds: MEASURE_KINDS.filter((k) => canRecordMeasure(k, guard.actor.organisation.type)),
    };
  });
}

async function checkMembers(
  trx: Transaction<DB>,
  caseId: string,
  input: ImposeMeasureInput,
  imposedAt: Date,
) {
  const members = new Map((await loadCaseMembers(trx, caseId)).map((m) => [m.id, m]));
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    if (!members.has(m.memberId))
      details.push({ path: `body.members.${i}.memberId`, message: MEASURE_MESSAGES.unknown_member });
    else if (seen.has(m.memberId))
      details.push({ path: `body.members.${i}.memberId`, message: MEASURE_MESSAGES.duplicate_member });
    seen.add(m.memberId);
  });
  if (details.length > 0) throw new AppError('validation_failed', details);
  const parties = input.members.map((m) => ({
    part: m.part,
    dateOfBirth: members.get(m.memberId)?.date_of_birth ?? '',
  }));
  const verdict = checkMeasureParties(input.kind, parties, imposedAt);
  if (!verdict.ok) refuseRule('body.members', verdict.message);
}

/** Records a measure decided elsewhere (for an order: the mayor's decision) with its clock. */
export async function imposeMeasure(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  input: ImposeMeasureInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.measure.impose');
  const now = deps.now();
  const imposedAt = new Date(input.imposedAt);
  if (imposedAt.getTime() < EARLIEST_START.getTime())
    throw new AppError('validation_failed', [
      { path: 'body.imposedAt', message: MEASURE_MESSAGES.imposed_too_early },
    ]);
  if (imposedAt.getTime() > now.getTime() + LATEST_START_DAYS * DAY_MS)
    throw new AppError('validation_failed', [
      { path: 'body.imposedAt', message: MEASURE_MESSAGES.imposed_too_late },
    ]);
  return deps.db.transaction().execute(async (trx) => {
    await loadAuthorizedCase(trx, guard, caseId);
    checkRecorder(guard, input.kind);
    await checkMembers(trx, caseId, input, imposedAt);
    checkAuthority(input.kind, 'impose', input.decidedBy);
    const end = computeEnd(input.kind, imposedAt, []);
    const maximumEnd = computeMaximumEnd(input.kind, imposedAt);
    const measure = await trx
      .insertInto('case_measure')
      .values({
        case_id: caseId,
        kind: input.kind,
        category: input.category,
        imposed_at: imposedAt,
        decided_by: input.decidedBy,
        decision_reference: input.decisionReference ?? null,
        note: input.note ?? null,
        end_at: end,
        maximum_end_at: maximumEnd,
        recorded_by_user_id: guard.actor.user.id,
        organisation_id: guard.actor.organisation.id,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_measure_member')
      .values(input.members.map((m) => ({ measure_id: measure.id, member_id: m.memberId, part: m.part })))
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.measure.impose',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: {
        measureId: measure.id,
        kind: input.kind,
        category: input.category,
        decidedBy: input.decidedBy,
        end: end.toISOString(),
      },
    });
    return { id: measure.id, end: end.toISOString(), maximumEnd: maximumEnd?.toISOString() ?? null };
  });
}

/** Loads a measure the reader may see and change, locked; hidden ones answer 404 like missing ones. */
async function loadChangeableMeasure(trx: Transaction<DB>, guard: Guard, caseId: string, measureId: string) {
  await loadAuthorizedCase(trx, guard, caseId);
  const locked = await lockMeasure(trx, caseId, measureId);
  if (!locked || !mayReadRecord(guard, locked.row)) throw new AppError('not_found');
  const kind = locked.row.kind as MeasureKind;
  checkRecorder(guard, kind);
  return { ...locked, kind, measure: toDomainMeasure(locked.row, locked.extensions) };
}

/**
 * Records an extension. Past the legal maximum (an order: 28 days after imposition) the rule refuses
 * with 422 naming the latest allowed end, and nothing is written but the audit of the refusal.
 */
export async function extendCaseMeasure(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  measureId: string,
  input: ExtendMeasureInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.measure.extend');
  const now = deps.now();
  const newEnd = new Date(input.newEnd);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const { row, kind, measure } = await loadChangeableMeasure(trx, guard, caseId, measureId);
    checkAuthority(kind, 'extend', input.decidedBy);
    const result = extendMeasure(measure, newEnd, now);
    if (!result.ok) return { ok: false as const, refused: result };
    const previousEnd = computeEnd(kind, row.imposed_at, measure.extensions);
    const end = computeEnd(kind, row.imposed_at, result.measure.extensions);
    await trx
      .insertInto('case_measure_extension')
      .values({
        measure_id: measureId,
        previous_end_at: previousEnd,
        new_end_at: newEnd,
        reason: input.reason,
        decided_by: input.decidedBy,
        recorded_by_user_id: guard.actor.user.id,
        organisation_id: guard.actor.organisation.id,
        recorded_at: now,
      })
      .execute();
    await trx.updateTable('case_measure').set({ end_at: end }).where('id', '=', measureId).execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.measure.extend',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { measureId, kind, previousEnd: previousEnd.toISOString(), end: end.toISOString() },
    });
    return {
      ok: true as const,
      end: end.toISOString(),
      maximumEnd: row.maximum_end_at?.toISOString() ?? null,
    };
  });
  if (!outcome.ok) {
    // The refusal leaves a trace in its own transaction; the measure itself is untouched.
    await auditCaseDenied(deps, ctx, caseId, 'case.measure.extend', {
      measureId,
      refusal: outcome.refused.code,
      requestedEnd: newEnd.toISOString(),
    });
    refuseRule('body.newEnd', outcome.refused.message);
  }
  return { end: outcome.end, maximumEnd: outcome.maximumEnd };
}

/** Lifts (ends early) a running or planned measure, with the decision's reason and authority. */
export async function liftCaseMeasure(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  measureId: string,
  input: LiftMeasureInput,
) {
  const guard = await authorizeCase(deps, ctx, caseId, 'case.measure.lift');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { kind, measure } = await loadChangeableMeasure(trx, guard, caseId, measureId);
    checkAuthority(kind, 'lift', input.decidedBy);
    const result = liftMeasure(measure, now);
    if (!result.ok) refuseRule('body', result.message);
    await trx
      .updateTable('case_measure')
      .set({
        lifted_at: now,
        lifted_reason: input.reason,
        lifted_decided_by: input.decidedBy,
        lifted_by_user_id: guard.actor.user.id,
      })
      .where('id', '=', measureId)
      .where('lifted_at', 'is', null)
      .execute();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'case.measure.lift',
      recordType: 'case',
      recordId: caseId,
      purpose: 'casework',
      details: { measureId, kind, decidedBy: input.decidedBy },
    });
    return { status: 'lifted' as const, liftedAt: now.toISOString() };
  });
}
