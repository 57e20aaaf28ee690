/**
 * A region's working agreements (*werkafspraken*) that Kring's rules depend on. A region file may
 * set any of them (config/regions/README.md); what it leaves out takes these defaults. The
 * defaults are Kring's choices where no seed names a figure: each is written down in
 * docs/domain.md with its reason.
 */
export interface EscalationAgreement {
  level: number;
  /** Who decides at this level, in the region's words (e.g. "teamleiders van beide organisaties"). */
  role: string;
  responseWorkingDays: number;
}

export interface RegionAgreements {
  /** Closing a case: the latest assessment's lowest score and its maximum age (issue 3 §3). */
  caseClosure: { minimumScore: number; assessmentMaxAgeDays: number };
  /** Follow-up moments after a case enters monitoring (issue 3 §11). */
  monitoring: { intervalsMonths: number[]; dueWindowDays: number };
  /** Escalation ladder for declined or overdue handovers (issue 3 §9), level 1 first. */
  handoverEscalation: EscalationAgreement[];
  /** Disclosure control of every published figure (issue 5 §2). */
  disclosure: { threshold: number; roundingBase: number | null };
}

export const DEFAULT_REGION_AGREEMENTS: RegionAgreements = {
  caseClosure: { minimumScore: 7, assessmentMaxAgeDays: 30 },
  monitoring: { intervalsMonths: [1, 3, 6], dueWindowDays: 7 },
  handoverEscalation: [
    { level: 1, role: 'teamleiders van beide organisaties', responseWorkingDays: 2 },
    { level: 2, role: 'managers van beide organisaties', responseWorkingDays: 3 },
    { level: 3, role: 'regionaal escalatieoverleg', responseWorkingDays: 5 },
  ],
  disclosure: { threshold: 5, roundingBase: null },
};

export type RegionAgreementsInput = {
  [K in keyof RegionAgreements]?: RegionAgreements[K] extends unknown[]
    ? RegionAgreements[K]
    : Partial<RegionAgreements[K]>;
};

/** The region's agreements with every missing part taken from the defaults. */
export function resolveRegionAgreements(input: RegionAgreementsInput | null | undefined): RegionAgreements {
  const given = input ?? {};
  const d = DEFAULT_REGION_AGREEMENTS;
  return {
    caseClosure: { ...d.caseClosure, ...given.caseClosure },
    monitoring: { ...d.monitoring, ...given.monitoring },
    handoverEscalation: given.handoverEscalation ?? d.handoverEscalation,
    disclosure: { ...d.disclosure, ...given.disclosure },
  };
}
