import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AdviceChannel, AskerRole, ViolenceDuration } from '../../domain/advice.ts';
import { canWorkQueue } from '../../domain/report-access.ts';
import { VIOLENCE_KIND_LIST_VERSION, type ViolenceKind } from '../../domain/violence-kind.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { newRecordReference } from '../../security/record-reference.ts';
import { open, seal } from '../../security/secret-box.ts';
import {
  type ActorContext,
  auditActor,
  type RequestContext,
  readerOf,
  requireActor,
  requireRole,
} from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { findIntakeRoute } from '../intake/store.ts';

interface AdviceRecord {
  municipalityCode: string;
  violenceKinds: ViolenceKind[];
  violenceDuration: ViolenceDuration;
  question: string;
  channel: AdviceChannel;
  askerRole: AskerRole;
  askerFunction: string | null;
  askerOrganisation: string | null;
  anonymous: boolean;
  contact: string | null;
}

/** The one way an advice request is written, whatever the channel. */
async function insertAdvice(
  deps: Deps,
  ctx: RequestContext,
  record: AdviceRecord,
  author: ActorContext | null,
) {
  const route = await findIntakeRoute(deps.db, record.municipalityCode);
  if (!route)
    throw new AppError('validation_failed', [
      { path: 'body.municipalityCode', message: FIELD_MESSAGES.no_veilig_thuis },
    ]);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('advice_request')
      .values({
        reference: newRecordReference('A', now),
        region_id: route.region_id,
        municipality_code: record.municipalityCode,
        channel: record.channel,
        created_by_user_id: author?.user.id ?? null,
        created_by_organisation_id: author?.organisation.id ?? null,
        asker_role: record.askerRole,
        asker_function: record.askerFunction,
        asker_organisation: record.askerOrganisation,
        anonymous: record.anonymous,
        // An anonymous asker leaves no contact details, even if some were typed.
        contact_encrypted:
          !record.anonymous && record.contact ? seal(deps.keys.encryption, record.contact) : null,
        violence_kinds: [...new Set(record.violenceKinds)],
        violence_kind_list_version: VIOLENCE_KIND_LIST_VERSION,
        violence_duration: record.violenceDuration,
        question: record.question,
        received_at: now,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'advice.create',
      recordType: 'advice_request',
      recordId: row.id,
      purpose: 'intake',
      details: { channel: record.channel },
    });
    return { id: row.id, reference: row.reference };
  });
}

export async function askAdvice(
  deps: Deps,
  ctx: RequestContext,
  input: {
    municipalityCode: string;
    violenceKinds: ViolenceKind[];
    violenceDuration: ViolenceDuration;
    question: string;
    askerRole: AskerRole;
    askerFunction?: string | undefined;
  },
) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'team_lead', 'vt_intake');
  return insertAdvice(
    deps,
    ctx,
    {
      ...input,
      channel: 'web',
      askerFunction: input.askerFunction ?? null,
      askerOrganisation: actor.organisation.name,
      anonymous: false,
      contact: null,
    },
    actor,
  );
}

export async function recordContact(
  deps: Deps,
  ctx: RequestContext,
  input: Omit<AdviceRecord, 'askerFunction' | 'askerOrganisation' | 'contact'> & {
    askerFunction?: string | undefined;
    askerOrganisation?: string | undefined;
    contact?: string | undefined;
  },
) {
  const actor = requireActor(ctx);
  if (!canWorkQueue(readerOf(actor))) throw new AppError('forbidden');
  return insertAdvice(
    deps,
    ctx,
    {
      ...input,
      askerFunction: input.askerFunction ?? null,
      askerOrganisation: input.askerOrganisation ?? null,
      contact: input.contact ?? null,
    },
    actor,
  );
}

export async function askAdviceAsResident(
  deps: Deps,
  ctx: RequestContext,
  input: {
    municipalityCode: string;
    violenceKinds: ViolenceKind[];
    violenceDuration: ViolenceDuration;
    question: string;
    anonymous: boolean;
    contact?: string | undefined;
  },
) {
  return insertAdvice(
    deps,
    ctx,
    {
      ...input,
      channel: 'public',
      askerRole: 'non_professional',
      askerFunction: null,
      askerOrganisation: null,
      contact: input.contact ?? null,
    },
    null,
  );
}

/** Veilig Thuis sees the advice requests of the municipalities it serves; an asker sees their own. */
function adviceScope(actor: ActorContext) {
  const queue = canWorkQueue(readerOf(actor));
  return (eb: ExpressionBuilder<DB, 'advice_request'>) =>
    eb.or([
      eb('advice_request.created_by_user_id', '=', actor.user.id),
      ...(queue
        ? [
            eb(
              'advice_request.municipality_code',
              'in',
              eb
                .selectFrom('organisation_municipality')
                .select('cbs_code')
                .where('organisation_id', '=', actor.organisation.id),
            ),
          ]
        : []),
    ]);
}

export async function listAdvice(deps: Deps, ctx: RequestContext, options: { openOnly: boolean }) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'team_lead', 'vt_intake');
  const vt = canWorkQueue(readerOf(actor));
  let query = deps.db
    .selectFrom('advice_request')
    .innerJoin('municipality', 'municipality.cbs_code', 'advice_request.municipality_code')
    .selectAll('advice_request')
    .select('municipality.name as municipality_name')
    .where(adviceScope(actor));
  if (options.openOnly) query = query.where('advice_request.status', '=', 'open');
  const rows = await query.orderBy('advice_request.received_at').limit(500).execute();
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'advice.list',
      recordType: 'advice_request',
      details: { ids: rows.map((r) => r.id) },
    }),
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    municipalityName: r.municipality_name,
    askerRole: r.asker_role,
    askerFunction: r.asker_function,
    askerOrganisation: r.asker_organisation,
    anonymous: r.anonymous,
    // Contact details are for Veilig Thuis, to call back; nobody else needs them.
    contact: vt && r.contact_encrypted ? open(deps.keys.encryption, r.contact_encrypted) : null,
    violenceKinds: r.violence_kinds,
    violenceDuration: r.violence_duration,
    question: r.question,
    receivedAt: r.received_at.toISOString(),
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at?.toISOString() ?? null,
  }));
}

/** Veilig Thuis records its advice; the request is then answered. */
export async function answerAdvice(deps: Deps, ctx: RequestContext, id: string, answer: string) {
  const actor = requireActor(ctx);
  if (!canWorkQueue(readerOf(actor))) throw new AppError('forbidden');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('advice_request')
      .set({ status: 'answered', answer, answered_at: deps.now(), answered_by_user_id: actor.user.id })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where(
        'municipality_code',
        'in',
        trx
          .selectFrom('organisation_municipality')
          .select('cbs_code')
          .where('organisation_id', '=', actor.organisation.id),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('not_found');
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'advice.answer',
      recordType: 'advice_request',
      recordId: id,
    });
  });
}

/** For the public pages: the municipalities a Veilig Thuis serves. No personal data. */
export async function listPublicMunicipalities(deps: Deps) {
  return deps.db
    .selectFrom('municipality')
    .innerJoin('organisation_municipality as om', 'om.cbs_code', 'municipality.cbs_code')
    .innerJoin('organisation', 'organisation.id', 'om.organisation_id')
    .select([
      'municipality.cbs_code as cbsCode',
      'municipality.name as name',
      'organisation.name as veiligThuis',
    ])
    .where('organisation.type', '=', 'veilig_thuis')
    .orderBy('municipality.name')
    .execute();
}
