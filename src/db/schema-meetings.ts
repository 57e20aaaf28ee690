/** Tables of multi-agency meetings (src/db/migrations/0011-meetings.ts); merged into DB in schema.ts. */
import type { Generated } from 'kysely';

export interface CaseMeetingTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  held_at: Date;
  /** Category of the meeting's record as a whole: who may know it took place and what it decided. */
  category: string;
  agenda: string[];
  /** The organisation that recorded it; it always reads its own record. */
  organisation_id: string;
  recorded_by_user_id: string;
  recorded_at: Date;
}

/** A team member (user, organisation, case role) or someone from outside the team (name, organisation, role). */
export interface CaseMeetingParticipantTable {
  meeting_id: string;
  position: number;
  user_id: string | null;
  organisation_id: string | null;
  case_role: string | null;
  outside_name: string | null;
  outside_organisation: string | null;
  outside_role: string | null;
  is_chair: Generated<boolean>;
}

export interface CaseMeetingInformationTable {
  meeting_id: string;
  position: number;
  category: string;
  body: string;
}

export interface CaseActionStatusChangeTable {
  id: Generated<string>;
  action_id: string;
  from_status: string;
  to_status: string;
  note: string;
  changed_by_user_id: string;
  organisation_id: string;
  changed_at: Date;
}

export interface MeetingTables {
  case_meeting: CaseMeetingTable;
  case_meeting_participant: CaseMeetingParticipantTable;
  case_meeting_information: CaseMeetingInformationTable;
  case_action_status_change: CaseActionStatusChangeTable;
}
