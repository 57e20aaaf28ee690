import { request } from './client.ts';
import type { InformationCategory } from './codes.ts';

/** Measures with legal clocks over the HTTP API (src/modules/cases/measure-routes.ts). */

export const MEASURE_KINDS = [
  'restraining_order',
  'crisis_care',
  'intensive_case_management',
  'aware_alarm',
  'shelter_stay',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_AUTHORITIES = [
  'mayor',
  'assistant_prosecutor',
  'court',
  'veilig_thuis',
  'local_team',
  'care_provider',
  'shelter',
  'police',
  'municipality',
  'other',
] as const;
export type MeasureAuthority = (typeof MEASURE_AUTHORITIES)[number];

export type MeasurePart = 'subject' | 'protected';
export type MeasureStatus = 'scheduled' | 'active' | 'expiring_soon' | 'expired' | 'lifted';

/**
 * The authorities the server accepts per kind and act; mirrors src/domain/casework/measure-authority.ts
 * so the form offers only lawful choices (the server stays the judge).
 */
export function authoritiesFor(kind: MeasureKind, act: 'impose' | 'extend' | 'lift'): MeasureAuthority[] {
  if (kind === 'restraining_order') {
    if (act === 'impose') return ['mayor', 'assistant_prosecutor'];
    if (act === 'extend') return ['mayor'];
    return ['mayor', 'court'];
  }
  return MEASURE_AUTHORITIES.filter((a) => a !== 'mayor' && a !== 'assistant_prosecutor');
}

export const DEFAULT_MEASURE_CATEGORY: Record<MeasureKind, InformationCategory> = {
  restraining_order: 'justice',
  aware_alarm: 'justice',
  crisis_care: 'health',
  intensive_case_management: 'team',
  shelter_stay: 'team',
};

export interface CaseMeasure {
  id: string;
  kind: MeasureKind;
  category: InformationCategory;
  status: MeasureStatus;
  imposedAt: string;
  decidedBy: MeasureAuthority;
  decisionReference: string | null;
  note: string | null;
  basis: string;
  end: string;
  maximumEnd: string | null;
  members: { memberId: string; fullName: string; part: MeasurePart }[];
  extensions: {
    previousEnd: string;
    newEnd: string;
    reason: string;
    decidedBy: MeasureAuthority;
    recordedBy: string;
    organisation: string;
    recordedAt: string;
  }[];
  lifted: { at: string; reason: string; decidedBy: MeasureAuthority; by: string } | null;
  nextReminder: { at: string; daysBefore: number } | null;
  reminders: {
    kind: 'before_end' | 'expired';
    daysBefore: number | null;
    dueAt: string;
    recordedAt: string;
  }[];
  recordedBy: string;
  organisation: string;
  recordedAt: string;
  mayChange: boolean;
}

export interface CaseMeasureList {
  measures: CaseMeasure[];
  withheld: number;
  recordableKinds: MeasureKind[];
}

export interface ImposeMeasureInput {
  kind: MeasureKind;
  members: { memberId: string; part: MeasurePart }[];
  imposedAt: string;
  decidedBy: MeasureAuthority;
  category: InformationCategory;
  decisionReference?: string;
  note?: string;
}

export interface ExtendMeasureInput {
  newEnd: string;
  decidedBy: MeasureAuthority;
  reason: string;
}

export interface LiftMeasureInput {
  decidedBy: MeasureAuthority;
  reason: string;
}

const id = (value: string) => encodeURIComponent(value);
const base = (caseId: string) => `/api/cases/${id(caseId)}/measures`;

export const caseMeasuresApi = {
  list: (caseId: string) => request<CaseMeasureList>('GET', base(caseId)),
  impose: (caseId: string, input: ImposeMeasureInput) =>
    request<{ id: string; end: string; maximumEnd: string | null }>('POST', base(caseId), input),
  extend: (caseId: string, measureId: string, input: ExtendMeasureInput) =>
    request<{ end: string; maximumEnd: string | null }>(
      'POST',
      `${base(caseId)}/${id(measureId)}/extensions`,
      input,
    ),
  lift: (caseId: string, measureId: string, input: LiftMeasureInput) =>
    request<{ status: 'lifted'; liftedAt: string }>('POST', `${base(caseId)}/${id(measureId)}/lift`, input),
};

export const caseMeasureKeys = {
  list: (caseId: string) => ['cases', 'measures', caseId] as const,
};
