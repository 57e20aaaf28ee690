import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MonitoringScheduleConfig } from '../../domain/casework/monitoring-schedule.ts';
import type { PhaseRegionConfig } from '../../domain/casework/safety-phase.ts';
import { loadRegionAgreements } from '../region/agreements.ts';

/** The case rules a region configures (issue 3 §3, §11), from its working agreements. */
export interface CaseRegionRules {
  phase: PhaseRegionConfig;
  monitoring: MonitoringScheduleConfig;
}

export async function loadCaseRegionRules(db: Kysely<DB>, regionId: number): Promise<CaseRegionRules> {
  const agreements = await loadRegionAgreements(db, regionId);
  return {
    phase: {
      closeThreshold: agreements.caseClosure.minimumScore,
      assessmentMaxAgeDays: agreements.caseClosure.assessmentMaxAgeDays,
    },
    monitoring: {
      intervalsMonths: agreements.monitoring.intervalsMonths,
      dueWindowDays: agreements.monitoring.dueWindowDays,
    },
  };
}

/** The rules of the region the case belongs to. */
export async function loadRulesOfCase(db: Kysely<DB>, caseId: string): Promise<CaseRegionRules> {
  const kase = await db
    .selectFrom('household_case')
    .select('region_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return loadCaseRegionRules(db, kase.region_id);
}
