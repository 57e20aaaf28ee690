import { randomInt } from 'node:crypto';
import { normaliseBsn } from '../../domain/bsn.ts';
import type { Route } from '../../domain/front-door/route-decision.ts';
import { canReadCategory } from '../../domain/information-category.ts';
import { canWorkQueue, maskBsn, type ReportReader, reportScope } from '../../domain/report-access.ts';
import { computeAssessmentDeadline } from '../../domain/safety-assessment-deadline.ts';
import { VIOLENCE_KIND_LIST_VERSION } from '../../domain/violence-kind.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { hmacHex } from '../../security/keys.ts';
import { open, seal } from '../../security/secret-box.ts';
import {
  type ActorContext,
  auditActor,
  type RequestContext,
  requireActor,
  requireRole,
} from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import type { ReportInput } from './schemas.ts';
import { findIntakeRoute, findVisibleReportIds, listReports, loadReport } from './store.ts';

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(now: Date): string {
  let suffix = '';
  for (let i = 0; i < 7; i++) suffix += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `M-${now.getUTCFullYear()}-${suffix}`;
}

function readerOf(actor: ActorContext): ReportReader {
  return {
    userId: actor.user.id,
    organisationId: actor.organisation.id,
    organisationType: actor.organisation.type,
    roles: actor.roles,
  };
}

/** A professional records a report (melding) for Veilig Thuis; the deadline starts at receipt. */
export async function createReport(deps: Deps, ctx: RequestContext, input: ReportInput) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'vt_intake', 'team_lead');
  const route = await findIntakeRoute(deps.db, input.municipalityCode);
  if (!route) {
    throw new AppError('validation_failed', [
      { path: 'body.municipalityCode', message: FIELD_MESSAGES.no_veilig_thuis },
    ]);
  }
  const receivedAt = deps.now();
  const deadline = computeAssessmentDeadline(receivedAt, input.acute);
  return deps.db.transaction().execute(async (trx) => {
    const { id, reference } = await trx
      .insertInto('report')
      .values({
        reference: newReference(receivedAt),
        region_id: route.region_id,
        municipality_code: input.municipalityCode,
        created_by_user_id: actor.user.id,
        created_by_organisation_id: actor.organisation.id,
        violence_kinds: [...new Set(input.violenceKinds)],
        violence_kind_list_version: VIOLENCE_KIND_LIST_VERSION,
        acute: input.acute,
        description: input.description,
        received_at: receivedAt,
        assessment_due_at: deadline.dueAt,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report_person')
      .values(
        input.persons.map((p, position) => ({
          report_id: id,
          position,
          full_name: p.fullName,
          date_of_birth: p.dateOfBirth,
          role: p.role,
          bsn_encrypted: p.bsn ? seal(deps.keys.encryption, normaliseBsn(p.bsn)) : null,
          bsn_hash: p.bsn ? hmacHex(deps.keys.matching, normaliseBsn(p.bsn)) : null,
        })),
      )
      .execute();
    if (input.notes.length > 0) {
      await trx
        .insertInto('report_note')
        .values(
          input.notes.map((n) => ({
            report_id: id,
            category: n.category,
            organisation_id: actor.organisation.id,
            author_user_id: actor.user.id,
            body: n.body,
          })),
        )
        .execute();
    }
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.create',
      recordType: 'report',
      recordId: id,
      purpose: 'intake',
      details: { persons: input.persons.length, acute: input.acute },
    });
    return { id, reference, assessmentDueAt: deadline.dueAt.toISOString(), immediate: deadline.immediate };
  });
}

function toSummary(row: Awaited<ReturnType<typeof listReports>>[number], now: Date) {
  return {
    id: row.id,
    reference: row.reference,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    violenceKinds: row.violence_kinds,
    acute: row.acute,
    receivedAt: row.received_at.toISOString(),
    assessmentDueAt: row.assessment_due_at.toISOString(),
    immediate: row.acute,
    // An acute report is due at the moment it arrives: it is marked immediate (and sorted first),
    // not "late" from its first second.
    overdue: !row.acute && row.status === 'received' && row.assessment_due_at.getTime() < now.getTime(),
    status: row.status,
    personCount: Number(row.person_count ?? 0),
  };
}

/** The Veilig Thuis queue: open reports of the municipalities the organisation serves, most urgent first. */
export async function listQueue(deps: Deps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const reader = readerOf(actor);
  if (!canWorkQueue(reader)) throw new AppError('forbidden');
  return listAudited(deps, ctx, reader, { onlyOpen: true, mine: false }, 'report.queue');
}

/** Reports the signed-in professional recorded. */
export async function listOwnReports(deps: Deps, ctx: RequestContext) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'vt_intake', 'team_lead');
  return listAudited(deps, ctx, readerOf(actor), { onlyOpen: false, mine: true }, 'report.list_own');
}

async function listAudited(
  deps: Deps,
  ctx: RequestContext,
  reader: ReportReader,
  options: { onlyOpen: boolean; mine: boolean },
  action: string,
) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await listReports(trx, reportScope(reader), now, { ...options, limit: 500 });
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: 'report',
      details: { ids: rows.map((r) => r.id) },
    });
    return rows.map((r) => toSummary({ ...r, person_count: r.person_count }, now));
  });
}

/** One report, with only the notes whose category the reader may see. Missing and forbidden look the same. */
export async function getReport(deps: Deps, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const reader = readerOf(actor);
  const scope = reportScope(reader);
  const now = deps.now();
  const visible = await findVisibleReportIds(deps.db, scope, [id], now);
  if (!visible.has(id)) {
    // The refusal is audited in its own transaction: the request fails, the trace stays.
    await deps.db.transaction().execute((trx) =>
      appendAuditEvent(trx, {
        ...auditActor(ctx),
        action: 'report.read',
        recordType: 'report',
        recordId: id,
        outcome: 'denied',
      }),
    );
    throw new AppError('not_found');
  }
  return deps.db.transaction().execute(async (trx) => {
    const loaded = await loadReport(trx, id);
    if (!loaded) throw new AppError('not_found');
    const { report, persons, notes } = loaded;
    const access: 'creator' | 'veilig_thuis' | 'break_glass' =
      report.created_by_user_id === actor.user.id
        ? 'creator'
        : canWorkQueue(reader) && (await isServedBy(trx, id, scope, now))
          ? 'veilig_thuis'
          : 'break_glass';
    const fullBsn = access === 'veilig_thuis' || access === 'break_glass';
    const readable = notes.filter((n) =>
      canReadCategory(reader, { category: n.category as never, organisationId: n.organisation_id }),
    );
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.read',
      recordType: 'report',
      recordId: id,
      purpose: access,
      details: { notesShown: readable.length, notesWithheld: notes.length - readable.length },
    });
    return {
      ...toSummary({ ...report, person_count: persons.length }, now),
      description: report.description,
      createdByOrganisation: report.created_by_organisation,
      persons: persons.map((p) => {
        const bsn = p.bsn_encrypted ? open(deps.keys.encryption, p.bsn_encrypted) : null;
        return {
          fullName: p.full_name,
          dateOfBirth: p.date_of_birth,
          role: p.role,
          bsn: bsn && !fullBsn ? maskBsn(bsn) : bsn,
        };
      }),
      notes: readable.map((n) => ({
        id: n.id,
        category: n.category,
        organisation: n.organisation_name,
        body: n.body,
        createdAt: n.created_at.toISOString(),
      })),
      access,
      assessment:
        report.assessed_at && report.route
          ? {
              assessedAt: report.assessed_at.toISOString(),
              onTime: report.assessed_at.getTime() <= report.assessment_due_at.getTime(),
              acuteUnsafety: report.acute_unsafety === true,
              structuralUnsafety: report.structural_unsafety === true,
              route: report.route as Route,
              reason: report.route_reason ?? '',
              investigationStartBy: report.investigation_start_by?.toISOString() ?? null,
              investigationConcludeBy: report.investigation_conclude_by?.toISOString() ?? null,
            }
          : null,
    };
  });
}

async function isServedBy(
  trx: Parameters<typeof findVisibleReportIds>[0],
  id: string,
  scope: ReturnType<typeof reportScope>,
  now: Date,
) {
  const vtOnly = {
    creatorUserId: null,
    veiligThuisOrganisationId: scope.veiligThuisOrganisationId,
    breakGlassUserId: null,
  };
  return (await findVisibleReportIds(trx, vtOnly, [id], now)).has(id);
}

/** Adds a categorised note to a report the reader can see. */
export async function addReportNote(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { category: string; body: string },
) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'vt_intake', 'team_lead');
  const scope = reportScope(readerOf(actor));
  return deps.db.transaction().execute(async (trx) => {
    const visible = await findVisibleReportIds(trx, scope, [id], deps.now());
    if (!visible.has(id)) throw new AppError('not_found');
    const note = await trx
      .insertInto('report_note')
      .values({
        report_id: id,
        category: input.category,
        organisation_id: actor.organisation.id,
        author_user_id: actor.user.id,
        body: input.body,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      ...auditActor(ctx),
      action: 'report.note.create',
      recordType: 'report',
      recordId: id,
      details: { category: input.category },
    });
    return { id: note.id };
  });
}
