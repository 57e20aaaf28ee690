import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canManageTeam, caseScope, hasCaseScope } from '../../domain/casework/case-access.ts';
import {
  type CategoryReader,
  canReadCategory,
  type InformationCategory,
} from '../../domain/information-category.ts';
import { AppError } from '../../errors/app-error.ts';
import { auditActor, type RequestContext, readerOf, requireActor } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { findVisibleCaseIds, loadVisibleCaseHeader } from './store.ts';

/** The reader of a case, as the case rules see them; refuses roles that never see a case. */
export function caseReaderOf(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const reader = readerOf(actor);
  const scope = caseScope(reader);
  if (!hasCaseScope(scope)) throw new AppError('forbidden');
  return { actor, reader, scope };
}

/**
 * Authorizes one case id before anything is loaded. Missing and forbidden both answer 404; the
 * refusal is audited in its own transaction so the trace stays when the request fails.
 */
export async function authorizeCase(deps: Deps, ctx: RequestContext, caseId: string, action: string) {
  const { actor, reader, scope } = caseReaderOf(ctx);
  if (!(await findVisibleCaseIds(deps.db, scope, [caseId])).has(caseId)) {
    await auditCaseDenied(deps, ctx, caseId, action);
    throw new AppError('not_found');
  }
  return { actor, reader, scope };
}

/**
 * A refused act on a case, audited as denied in its own transaction: the request's own work rolls
 * back, the trace stays.
 */
export async function auditCaseDenied(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  action: string,
  details?: Record<string, unknown>,
) {
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(trx, {
      ...auditActor(ctx),
      action,
      recordType: 'case',
      recordId: caseId,
      outcome: 'denied',
      ...(details ? { details } : {}),
    }),
  );
}

/** Whether the reader may read a categorised casework record, by its category and recording organisation. */
export function mayReadRecord(
  guard: { reader: CategoryReader },
  row: { category: string; organisation_id: string },
): boolean {
  return canReadCategory(guard.reader, {
    category: row.category as InformationCategory,
    organisationId: row.organisation_id,
  });
}

/** Inside the write's transaction: the case still visible, its header, and what the reader may do. */
export async function loadAuthorizedCase(
  trx: Transaction<DB>,
  guard: Awaited<ReturnType<typeof authorizeCase>>,
  caseId: string,
) {
  const row = await loadVisibleCaseHeader(trx, guard.scope, caseId, guard.scope.veiligThuisOrganisationId);
  if (!row?.visible) throw new AppError('not_found');
  const { visible: _visible, served_by_veilig_thuis, ...header } = row;
  const servedByVeiligThuis = served_by_veilig_thuis === true;
  return {
    header,
    servedByVeiligThuis,
    manageTeam: canManageTeam(guard.reader, guard.scope, {
      coordinatorUserId: header.coordinator_user_id,
      servedByVeiligThuis,
    }),
  };
}
