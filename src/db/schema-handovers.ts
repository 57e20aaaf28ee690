import type { Generated } from 'kysely';

/** Tables of handovers between organisations (src/db/migrations/0012-handovers.ts). */
export interface CaseHandoverTable {
  id: Generated<string>;
  case_id: string;
  /** 'coordination' | 'task' */
  subject: string;
  task_description: string | null;
  summary: string;
  warm: boolean;
  from_organisation_id: string;
  from_user_id: string;
  to_organisation_id: string;
  to_user_id: string | null;
  /** HandoverStatus of src/domain/casework/handover.ts */
  status: string;
  proposed_at: Date;
  response_due_at: Date;
  reason: string | null;
  escalation_level: number | null;
  escalation_due_at: Date | null;
  joint_contact_at: Date | null;
  joint_contact_mode: string | null;
  joint_contact_sender_user_id: string | null;
  joint_contact_receiver_user_id: string | null;
  joint_contact_note: string | null;
  resolution: string | null;
  decided_at: Date | null;
  /** Who joined the team when the handover was accepted or resolved as handed over. */
  taken_over_by_user_id: string | null;
}

/** One step of a handover: who (null for the scheduler), when, from which status to which, why. */
export interface CaseHandoverEventTable {
  id: Generated<string>;
  handover_id: string;
  position: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  automatic: Generated<boolean>;
  reason: string | null;
  escalation_level: number | null;
  occurred_at: Date;
}

/** Tables of this part of Kring, one interface per table; merged into DB in schema.ts. */
export interface HandoverTables {
  case_handover: CaseHandoverTable;
  case_handover_event: CaseHandoverEventTable;
}
