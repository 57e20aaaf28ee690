import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  DEFAULT_WEIGHING_TEXT_VERSION,
  decideWeighing,
  WEIGHING_TEXT_VERSIONS,
} from '../../domain/front-door/afwegingskader.ts';
import {
  canUseMeldcode,
  canWriteMeldcodeRecord,
  MELDCODE_AUTHOR_ROLES,
  MELDCODE_OFFICER_ROLE,
  type MeldcodeReader,
  meldcodeScope,
} from '../../domain/front-door/meldcode-access.ts';
import { checkMeldcodeOutcome } from '../../domain/front-door/meldcode-outcome.ts';
import { DEFAULT_MELDCODE_STEPS_VERSION } from '../../domain/front-door/meldcode-steps.ts';
import { VIOLENCE_KIND_LIST_VERSION } from '../../domain/violence-kind.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import {
  type ActorContext,
  auditActor,
  type RequestContext,
  requireRole,
} from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { findIntakeRoute } from '../intake/store.ts';
import { MELDCODE_MESSAGES, type MeldcodeMessageKey } from './messages.ts';
import { kindcheckOf, toDetail, toSummary } from './record-view.ts';
import type { DecisionInput, RecordInput, TalkInput, WeighingInput } from './schemas.ts';
import {
  findVisibleRecordIds,
  insertRecord,
  listRecords as listRecordRows,
  loadRecord,
  updateOpenRecord,
} from './store.ts';

export const RECORD_TYPE = 'meldcode_record';
const PURPOSE = 'meldcode';

export function fieldError(path: string, key: MeldcodeMessageKey): AppError {
  return new AppError('validation_failed', [{ path, message: MELDCODE_MESSAGES[key] }]);
}

/** Anyone who may use the assistant: authors and the organisation's meldcode officer. */
export function requireMeldcodeUser(ctx: RequestContext): { actor: ActorContext; reader: MeldcodeReader } {
  const actor = requireRole(ctx, ...MELDCODE_AUTHOR_ROLES, MELDCODE_OFFICER_ROLE);
  const reader = { userId: actor.user.id, organisationId: actor.organisation.id, roles: actor.roles };
  if (!canUseMeldcode(reader)) throw new AppError('forbidden');
  return { actor, reader };
}

/** A professional opens a meldcode record in their own organisation. */
export async function createRecord(deps: Deps, ctx: RequestContext, input: RecordInput) {
  const actor = requireRole(ctx, ...MELDCODE_AUTHOR_ROLES);
  if (input.clientIndex >= input.persons.length) throw fieldError('body.clientIndex', 'client_index');
  // The municipality decides which Veilig Thuis is consulted and receives a report later.
  if (!(await findIntakeRoute(deps.db, input.municipalityCode)))
    throw new AppError('validation_failed', [
      { path: 'body.municipalityCode', message: FIELD_MESSAGES.no_veilig_thuis },
    ]);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await insertRecord(trx, {
      organisationId: actor.organisation.id,
      userId: actor.user.id,
      now,
      municipalityCode: input.municipalityCode,
      persons: input.persons,
      clientIndex: input.clientIndex,
      expectingChild: input.expectingChild,
      violenceKinds: [...new Set(input.violenceKinds)],
      violenceKindListVersion: VIOLENCE_KIND_LIST_VERSION,
      stepsVersion: DEFAULT_MELDCODE_STEPS_VERSION,
      weighingTextVersion: DEFAULT_WEIGHING_TEXT_VERSION,
    });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'meldcode.create',
      recordType: RECORD_TYPE,
      recordId: id,
      purpose: PURPOSE,
      details: { persons: input.persons.length },
    });
    return { id };
  });
}

/** The author's own records; for the meldcode officer, every record of the organisation. */
export async function listRecords(deps: Deps, ctx: RequestContext) {
  const { reader } = requireMeldcodeUser(ctx);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await listRecordRows(trx, meldcodeScope(reader), 500);
    const counts = new Map<string, number>();
    if (rows.length > 0) {
      const consulted = await trx
        .selectFrom('meldcode_consultation')
        .select(['record_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'record_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('record_id')
        .execute();
      for (const c of consulted) counts.set(c.record_id, Number(c.n));
    }
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'meldcode.list',
      recordType: RECORD_TYPE,
      purpose: PURPOSE,
      details: { ids: rows.map((r) => r.id) },
    });
    return rows.map((r) => toSummary(r, counts.get(r.id) ?? 0, reader.userId, now));
  });
}

/** Visibility first; a refused read is audited in its own transaction and looks like a missing one. */
export async function authorizeRecord(
  deps: Deps,
  ctx: RequestContext,
  reader: MeldcodeReader,
  id: string,
  action: string,
) {
  const visible = await findVisibleRecordIds(deps.db, meldcodeScope(reader), [id]);
  if (visible.has(id)) return;
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: RECORD_TYPE,
      recordId: id,
      purpose: PURPOSE,
      outcome: 'denied',
    }),
  );
  throw new AppError('not_found');
}

export async function getRecord(deps: Deps, ctx: RequestContext, id: string) {
  const { reader } = requireMeldcodeUser(ctx);
  await authorizeRecord(deps, ctx, reader, id, 'meldcode.read');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const loaded = await loadRecord(trx, id);
    if (!loaded) throw new AppError('not_found');
    const { record, consultations } = loaded;
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'meldcode.read',
      recordType: RECORD_TYPE,
      recordId: id,
      purpose: record.created_by_user_id === reader.userId ? PURPOSE : 'meldcode_officer',
    });
    const canWrite = canWriteMeldcodeRecord(reader, { authorUserId: record.created_by_user_id });
    return toDetail(record, consultations, { userId: reader.userId, canWrite }, now);
  });
}

/**
 * Common path of every step: the record must be visible (404 otherwise), written by this reader
 * (the officer reads only: 403), and without a report (its steps are then fixed: 409).
 */
export async function writeStep<T>(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  action: string,
  write: (
    trx: Transaction<DB>,
    loaded: NonNullable<Awaited<ReturnType<typeof loadRecord>>>,
    actor: ActorContext,
  ) => Promise<{ result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  const { actor, reader } = requireMeldcodeUser(ctx);
  await authorizeRecord(deps, ctx, reader, id, action);
  return deps.db.transaction().execute(async (trx) => {
    const loaded = await loadRecord(trx, id);
    if (!loaded) throw new AppError('not_found');
    if (!canWriteMeldcodeRecord(reader, { authorUserId: loaded.record.created_by_user_id }))
      throw new AppError('forbidden');
    if (loaded.record.report_id !== null)
      throw new AppError('conflict', [{ path: 'params.id', message: MELDCODE_MESSAGES.already_reported }]);
    const { result, details } = await write(trx, loaded, actor);
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: RECORD_TYPE,
      recordId: id,
      purpose: PURPOSE,
      details: details ?? {},
    });
    return result;
  });
}

async function mustUpdate(ok: Promise<boolean>) {
  if (!(await ok))
    throw new AppError('conflict', [{ path: 'params.id', message: MELDCODE_MESSAGES.already_reported }]);
}

/** Step 1: the signals, and the kindcheck where it applies. */
export async function recordSignals(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { signals: string; kindcheckNote?: string | undefined },
) {
  const now = deps.now();
  return writeStep(deps, ctx, id, 'meldcode.signals', async (trx, { record }) => {
    if (kindcheckOf(record, now).required && !input.kindcheckNote)
      throw fieldError('body.kindcheckNote', 'kindcheck_note_required');
    await mustUpdate(
      updateOpenRecord(trx, id, {
        signals: input.signals,
        kindcheck_note: input.kindcheckNote ?? null,
        signals_at: now,
        updated_at: now,
      }),
    );
    return { result: { id }, details: { kindcheckNote: input.kindcheckNote !== undefined } };
  });
}

/** Step 3: the talk with the client, or the reason it did not take place. */
export async function recordTalk(deps: Deps, ctx: RequestContext, id: string, input: TalkInput) {
  if (input.held && !input.summary) throw fieldError('body.summary', 'talk_summary_required');
  if (!input.held && !input.skippedReason)
    throw fieldError('body.skippedReason', 'talk_skip_reason_required');
  const now = deps.now();
  return writeStep(deps, ctx, id, 'meldcode.talk', async (trx) => {
    await mustUpdate(
      updateOpenRecord(trx, id, {
        talk_held: input.held,
        talk_summary: input.held ? (input.summary ?? null) : null,
        talk_skipped_reason: input.held ? null : (input.skippedReason ?? null),
        talk_at: now,
        updated_at: now,
      }),
    );
    return { result: { id }, details: { held: input.held } };
  });
}

/**
 * Step 4: the answers so far, under a named text version. A recorded outcome that the new answers
 * no longer give is withdrawn, so step 5 is always decided on the answers as they stand.
 */
export async function recordWeighing(deps: Deps, ctx: RequestContext, id: string, input: WeighingInput) {
  if (!WEIGHING_TEXT_VERSIONS.some((v) => v.id === input.textVersion))
    throw fieldError('body.textVersion', 'unknown_text_version');
  const now = deps.now();
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v !== undefined));
  const decision = decideWeighing(answers);
  return writeStep(deps, ctx, id, 'meldcode.weigh', async (trx, { record }) => {
    const keepsOutcome = decision.kind === 'outcome' && decision.outcome === record.outcome;
    await mustUpdate(
      updateOpenRecord(trx, id, {
        weighing_text_version: input.textVersion,
        weighing_answers: JSON.stringify(answers),
        weighing_at: now,
        updated_at: now,
        ...(keepsOutcome ? {} : { outcome: null, outcome_acute: null, outcome_note: null, decided_at: null }),
      }),
    );
    return { result: { decision }, details: { textVersion: input.textVersion, answers } };
  });
}

/** Step 5: the outcome, which must be the afwegingskader's; unsafety can only end in a report. */
export async function recordDecision(deps: Deps, ctx: RequestContext, id: string, input: DecisionInput) {
  const now = deps.now();
  return writeStep(deps, ctx, id, 'meldcode.decide', async (trx, { record }) => {
    const check = checkMeldcodeOutcome(
      (record.weighing_answers as Record<string, boolean> | null) ?? null,
      input.outcome,
    );
    if (!check.ok) throw fieldError('body.outcome', check.refusal);
    if (input.outcome === 'report' && input.acute === undefined)
      throw fieldError('body.acute', 'acute_required');
    await mustUpdate(
      updateOpenRecord(trx, id, {
        outcome: input.outcome,
        outcome_acute: input.outcome === 'report' ? (input.acute ?? null) : null,
        outcome_note: input.note ?? null,
        decided_at: now,
        updated_at: now,
      }),
    );
    return { result: { id, outcome: input.outcome }, details: { outcome: input.outcome } };
  });
}
