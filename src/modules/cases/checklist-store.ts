import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InformationCategory } from '../../domain/information-category.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewChecklistResult {
  caseId: string;
  checklistId: string;
  checklistVersion: number;
  category: InformationCategory;
  organisationId: string;
  recordedByUserId: string;
  recordedAt: Date;
  answers: Record<string, string>;
  score: number;
  maxScore: number;
  advisedBand: string;
  conclusionBand: string;
  overrideReason: string | null;
}

export async function insertChecklistResult(db: Db, r: NewChecklistResult) {
  return db
    .insertInto('case_checklist_result')
    .values({
      case_id: r.caseId,
      checklist_id: r.checklistId,
      checklist_version: r.checklistVersion,
      category: r.category,
      organisation_id: r.organisationId,
      recorded_by_user_id: r.recordedByUserId,
      recorded_at: r.recordedAt,
      answers: JSON.stringify(r.answers),
      score: r.score,
      max_score: r.maxScore,
      advised_band: r.advisedBand,
      conclusion_band: r.conclusionBand,
      override_reason: r.overrideReason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Results of one case, newest first, with who recorded them; the caller filters by category. */
export async function listChecklistResults(
  db: Db,
  caseId: string,
  category: InformationCategory | undefined,
) {
  return db
    .selectFrom('case_checklist_result as r')
    .innerJoin('app_user', 'app_user.id', 'r.recorded_by_user_id')
    .innerJoin('organisation', 'organisation.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.checklist_id',
      'r.checklist_version',
      'r.category',
      'r.organisation_id',
      'organisation.name as organisation_name',
      'app_user.display_name',
      'r.recorded_at',
      'r.answers',
      'r.score',
      'r.max_score',
      'r.advised_band',
      'r.conclusion_band',
      'r.override_reason',
    ])
    .where('r.case_id', '=', caseId)
    .$if(category !== undefined, (qb) => qb.where('r.category', '=', category ?? 'team'))
    .orderBy('r.recorded_at', 'desc')
    .orderBy('r.id')
    .limit(500)
    .execute();
}
