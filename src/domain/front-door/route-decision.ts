/**
 * The route Veilig Thuis chooses after the veiligheidsbeoordeling (Handelingsprotocol Veilig Thuis
 * 2019, reference §1): own investigation, request to the Raad voor de Kinderbescherming, safety
 * conditions and follow-up (Voorwaarden & Vervolg), handover to the local team, existing help or a
 * multi-agency table, or end of involvement.
 */
export const ROUTES = [
  'investigation',
  'child_protection_request',
  'conditions_and_follow_up',
  'handover_local_team',
  'handover_existing_help',
  'multi_agency_table',
  'end_of_involvement',
] as const;
export type Route = (typeof ROUTES)[number];

export interface RouteDecisionInput {
  acuteUnsafety: boolean;
  structuralUnsafety: boolean;
  route: Route;
  reason: string;
}

export type RouteRefusal = 'reason_required' | 'unsafety_needs_veilig_thuis' | 'unsafety_not_ended';

/** Routes in which Veilig Thuis itself stays involved (it investigates, asks the Raad, or monitors). */
const VEILIG_THUIS_STAYS: ReadonlySet<Route> = new Set([
  'investigation',
  'child_protection_request',
  'conditions_and_follow_up',
]);

/**
 * Safety first, as Kring applies it: with acute unsafety Veilig Thuis keeps the report (it keeps
 * a case when direct intervention is needed, reference §1); with structural unsafety involvement
 * does not simply end. Every decision is reasoned.
 */
export function checkRouteDecision(
  input: RouteDecisionInput,
): { ok: true } | { ok: false; refusal: RouteRefusal } {
  if (input.reason.trim().length < 10) return { ok: false, refusal: 'reason_required' };
  if (input.acuteUnsafety && !VEILIG_THUIS_STAYS.has(input.route))
    return { ok: false, refusal: 'unsafety_needs_veilig_thuis' };
  if (input.structuralUnsafety && input.route === 'end_of_involvement')
    return { ok: false, refusal: 'unsafety_not_ended' };
  return { ok: true };
}

/** Whether Veilig Thuis' involvement ends with this route (for re-report and follow-up counting). */
export function routeEndsInvolvement(route: Route): boolean {
  return (
    route === 'end_of_involvement' || route === 'handover_local_team' || route === 'handover_existing_help'
  );
}
