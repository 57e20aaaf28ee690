import type { Generated } from 'kysely';

/** Help for perpetrators and experience experts on a case (src/db/migrations/0020-case-support.ts). */
export interface CaseSupportTable {
  id: Generated<string>;
  case_id: string;
  /** SupportKind: perpetrator_help | experience_expert. */
  kind: string;
  /** The household member the help is for (required for perpetrator help). */
  member_id: string | null;
  /** Who provides it: a programme or organisation, or the experience experts' pool. */
  provider: string;
  /** InformationCategory: who besides the recording organisation may read it. */
  category: string;
  offered_at: Date;
  note: string | null;
  /** SupportOutcome: used | declined; null while open. */
  outcome: string | null;
  outcome_at: Date | null;
  outcome_note: string | null;
  outcome_recorded_by_user_id: string | null;
  recorded_by_user_id: string;
  organisation_id: string;
  recorded_at: Date;
}

export interface SupportTables {
  case_support: CaseSupportTable;
}
