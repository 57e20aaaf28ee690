import type { CaseSummary } from './cases-api.ts';
import { request } from './client.ts';
import type { InformationCategory } from './codes.ts';

/** "Mijn werk" and the household timeline over the HTTP API (src/modules/cases/work-routes.ts). */

export type WorkItemKind = 'action' | 'agreement' | 'measure_end' | 'monitoring';
export type WorkSection = 'actions' | 'safety_plan' | 'measures' | 'monitoring';

export interface WorkItem {
  id: string;
  kind: WorkItemKind;
  caseId: string;
  caseReference: string;
  dueOn: string;
  dueAt: string | null;
  description: string | null;
  meetingKind: 'mda_table' | 'action_meeting' | 'case_meeting' | null;
  measureKind: string | null;
  monthsAfter: number | null;
  link: { caseId: string; section: WorkSection };
}

export interface WorkHandover {
  id: string;
  caseReference: string;
  municipalityName: string;
  subject: 'coordination' | 'task';
  fromOrganisation: string;
  fromUser: string;
  toMe: boolean;
  status: 'proposed' | 'escalated';
  escalationLevel: number | null;
  dueAt: string;
  overdue: boolean;
}

export interface MyWork {
  today: string;
  week: { from: string; to: string };
  thisWeek: WorkItem[];
  overdue: WorkItem[];
  handovers: WorkHandover[];
  cases: CaseSummary[];
}

export const TIMELINE_KINDS = [
  'case_opened',
  'report_attached',
  'team_joined',
  'team_left',
  'phase_changed',
  'assessment_recorded',
  'safety_plan_saved',
  'note_added',
  'checklist_recorded',
  'measure_imposed',
  'measure_extended',
  'measure_lifted',
  'support_offered',
  'support_outcome',
  'meeting_held',
  'action_closed',
  'handover_step',
  'document_added',
  'monitoring_contact',
  'case_closed',
  'case_reopened',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: string;
  at: string;
  kind: TimelineKind;
  category: InformationCategory;
  organisation: string | null;
  actor: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface CaseTimeline {
  entries: TimelineEntry[];
  withheld: number;
}

export const workKeys = {
  mine: ['work', 'mine'] as const,
  timeline: (caseId: string) => ['cases', 'timeline', caseId] as const,
};

export const caseWorkApi = {
  mine: () => request<MyWork>('GET', '/api/work'),
  timeline: (caseId: string) =>
    request<CaseTimeline>('GET', `/api/cases/${encodeURIComponent(caseId)}/timeline`),
};
