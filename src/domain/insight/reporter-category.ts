/**
 * Who reported, as the regional plans count it ("70% of reports come from the police",
 * Gelderland-Zuid): a resident, the police (also through the police batch), Veilig Thuis itself,
 * a local team or municipality, or another professional.
 */
export const REPORTER_CATEGORIES = [
  'resident',
  'police',
  'veilig_thuis',
  'local_team',
  'other_professional',
] as const;
export type ReporterCategory = (typeof REPORTER_CATEGORIES)[number];

export interface ReporterFacts {
  /** report.reporter_kind: "professional" or "resident". */
  reporterKind: string;
  /** report.source: "web", "police_batch", "public". */
  source: string;
  /** Type of the organisation that recorded the report; null for a resident's own report. */
  creatorOrganisationType: string | null;
}

export function categoriseReporter(facts: ReporterFacts): ReporterCategory {
  if (facts.reporterKind === 'resident' || facts.source === 'public') return 'resident';
  if (facts.source === 'police_batch' || facts.creatorOrganisationType === 'police') return 'police';
  if (facts.creatorOrganisationType === 'veilig_thuis') return 'veilig_thuis';
  if (facts.creatorOrganisationType === 'local_team' || facts.creatorOrganisationType === 'municipality')
    return 'local_team';
  return 'other_professional';
}
