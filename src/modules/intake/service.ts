import type { InvestigationOutcome } from '../../domain/front-door/investigation-outcome.ts';
import type { Route } from '../../domain/front-door/route-decision.ts';
import { canReadCategory } from '../../domain/information-category.ts';
import { canWorkQueue, maskBsn, type ReportReader, reportScope } from '../../domain/report-access.ts';
import { AppError } from '../../errors/app-error.ts';
import { FIELD_MESSAGES } from '../../errors/field-messages.ts';
import { open } from '../../security/secret-box.ts';
import {
  auditActor,
  type RequestContext,
  readerOf,
  requireActor,
  requireRole,
} from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { insertReport } from './report-writer.ts';
import { describeResident, openResidentIdentity } from './reporter-identity.ts';
import type { ReportInput } from './schemas.ts';
import { findIntakeRoute, findVisibleReportIds, listReports, loadReport } from './store.ts';

/** A professional records a report (melding) for Veilig Thuis; the deadline starts at receipt. */
export async function createReport(deps: Deps, ctx: RequestContext, input: ReportInput) {
  const actor = requireRole(ctx, 'professional', 'coordinator', 'vt_intake', 'team_lead');
  const route = await findIntakeRoute(deps.db, input.municipalityCode);
  if (!route) {
    throw new AppError('validation_failed', [
      { path: 'body.municipalityCode', message: FIELD_MESSAGES.no_veilig_thuis },
    ]);
  }
  return deps.db.transaction().execute((trx) =>
    insertReport(trx, deps, ctx, actor, input, {
      regionId: route.region_id,
      source: 'web',
      externalRef: null,
    }),
  );
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
      reporter: {
        kind: report.reporter_kind === 'resident' ? ('resident' as const) : ('professional' as const),
        // A resident's identity is for Veilig Thuis only; anonymity towards the household travels with it.
        identity:
          access !== 'creator' && canWorkQueue(reader) && report.reporter_identity_encrypted
            ? describeResident(openResidentIdentity(deps.keys.encryption, report.reporter_identity_encrypted))
            : null,
        anonymousToHousehold: report.reporter_anonymous_to_household,
      },
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
              // The reporter learns which steps followed (Wmo 2015 art. 4.1.1 g), not Veilig Thuis' weighing.
              acuteUnsafety: access === 'creator' ? null : report.acute_unsafety === true,
              structuralUnsafety: access === 'creator' ? null : report.structural_unsafety === true,
              route: report.route as Route,
              reason: access === 'creator' ? null : (report.route_reason ?? ''),
              investigationStartBy: report.investigation_start_by?.toISOString() ?? null,
              investigationConcludeBy: report.investigation_conclude_by?.toISOString() ?? null,
              investigationConcludedAt: report.investigation_concluded_at?.toISOString() ?? null,
              investigationOutcome: (report.investigation_outcome as InvestigationOutcome | null) ?? null,
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
