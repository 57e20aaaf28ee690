/** Outcomes of a Veilig Thuis investigation as CBS counts them (table 84853NED). */
export const INVESTIGATION_OUTCOMES = ['confirmed', 'not_confirmed', 'refuted'] as const;
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];
