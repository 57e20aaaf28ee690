import type { Route } from '../../domain/front-door/route-decision.ts';

/**
 * What Veilig Thuis tells the reporter and the household about the route it chose, in plain Dutch
 * (language level B1). Letters are Dutch: they go to Dutch residents and professionals.
 */
export const ROUTE_SENTENCES: Record<Route, string> = {
  investigation:
    'Veilig Thuis doet zelf onderzoek naar de situatie. Wij spreken daarvoor met de betrokkenen en met professionals die het gezin kennen.',
  child_protection_request:
    'Veilig Thuis heeft de Raad voor de Kinderbescherming gevraagd om onderzoek te doen.',
  conditions_and_follow_up:
    'Veilig Thuis maakt afspraken met het gezin over wat nodig is om veilig te zijn. Een hulpverlener helpt het gezin daarbij. Veilig Thuis kijkt of de afspraken worden nagekomen.',
  handover_local_team:
    'Het lokale team in de gemeente neemt de zorg over en helpt het gezin verder. Veilig Thuis heeft dit samen met hen afgesproken.',
  handover_existing_help:
    'De hulpverlening die al betrokken is bij het gezin, neemt de zorg over. Veilig Thuis heeft dit met hen afgesproken.',
  multi_agency_table:
    'De situatie wordt besproken in een overleg van meerdere organisaties, die samen een plan maken met het gezin.',
  end_of_involvement: 'Veilig Thuis heeft besloten dat verdere bemoeienis nu niet nodig is.',
};

export const ROUTE_NAMES: Record<Route, string> = {
  investigation: 'Onderzoek door Veilig Thuis',
  child_protection_request: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
  conditions_and_follow_up: 'Voorwaarden & Vervolg',
  handover_local_team: 'Overdracht aan het lokale team',
  handover_existing_help: 'Overdracht aan bestaande hulp',
  multi_agency_table: 'Multidisciplinair overleg (MDA++)',
  end_of_involvement: 'Einde bemoeienis',
};
