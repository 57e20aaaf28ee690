import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { normaliseBsn } from '../../domain/bsn.ts';
import { computeAssessmentDeadline } from '../../domain/safety-assessment-deadline.ts';
import { VIOLENCE_KIND_LIST_VERSION } from '../../domain/violence-kind.ts';
import { hmacHex } from '../../security/keys.ts';
import { newRecordReference } from '../../security/record-reference.ts';
import { seal } from '../../security/secret-box.ts';
import { type ActorContext, auditActor, type RequestContext } from '../access/request-context.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { type ResidentIdentity, sealResidentIdentity } from './reporter-identity.ts';
import type { ReportInput } from './schemas.ts';

export type ReportSource = 'web' | 'police_batch' | 'public';

/** A resident who reports through the public page: known to Veilig Thuis, maybe anonymous to the household. */
export interface ResidentReporter {
  identity: ResidentIdentity;
  anonymousToHousehold: boolean;
}

/**
 * Writes one validated report with its persons, notes and audit event, inside the caller's
 * transaction: the one way a report enters the database, whatever channel it came through.
 */
export async function insertReport(
  trx: Transaction<DB>,
  deps: Deps,
  ctx: RequestContext,
  actor: ActorContext | null,
  input: ReportInput,
  meta: { regionId: number; source: ReportSource; externalRef: string | null; resident?: ResidentReporter },
) {
  const receivedAt = deps.now();
  const deadline = computeAssessmentDeadline(receivedAt, input.acute);
  const { id, reference } = await trx
    .insertInto('report')
    .values({
      reference: newRecordReference('M', receivedAt),
      region_id: meta.regionId,
      municipality_code: input.municipalityCode,
      created_by_user_id: actor?.user.id ?? null,
      created_by_organisation_id: actor?.organisation.id ?? null,
      reporter_kind: meta.resident ? 'resident' : 'professional',
      reporter_identity_encrypted: meta.resident
        ? sealResidentIdentity(deps.keys.encryption, meta.resident.identity)
        : null,
      reporter_anonymous_to_household: meta.resident?.anonymousToHousehold ?? false,
      violence_kinds: [...new Set(input.violenceKinds)],
      violence_kind_list_version: VIOLENCE_KIND_LIST_VERSION,
      acute: input.acute,
      description: input.description,
      received_at: receivedAt,
      assessment_due_at: deadline.dueAt,
      source: meta.source,
      external_ref: meta.externalRef,
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
  if (actor && input.notes.length > 0) {
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
    details: { persons: input.persons.length, acute: input.acute, source: meta.source },
  });
  return { id, reference, assessmentDueAt: deadline.dueAt.toISOString(), immediate: deadline.immediate };
}
