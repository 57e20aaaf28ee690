/**
 * The indicator catalogue (issue 5 §1): every figure Kring publishes, with a written definition,
 * version and source, the unit, and the dimensions it may be split by. A split that is not listed
 * is refused: splitting a breakdown by municipality as well would give three-way tables whose small
 * cells the two-way disclosure control cannot protect.
 *
 * An indicator whose records Kring does not keep yet is listed as not yet available, with what it
 * waits for; no number is shown for it until its data exists (none today). To add one: give it a
 * definition here, compute it in the quarter summary (src/modules/insight/store.ts) and its section
 * (insight-sections.ts); the catalogue test checks that every available indicator is computed.
 */
export interface CatalogueText {
  nl: string;
  en: string;
}

export const INDICATOR_GROUPS = ['volume', 'process', 'outcome', 'measures'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export type IndicatorUnit = 'count' | 'percent' | 'per_100k' | 'days' | 'score';

export const INDICATOR_DIMENSIONS = [
  'municipality',
  'subregion',
  'quarter',
  'violence_kind',
  'reporter_category',
] as const;
export type IndicatorDimension = (typeof INDICATOR_DIMENSIONS)[number];

/** Who may see an indicator: the policy advisor (region aggregates) or a Veilig Thuis team lead. */
export type IndicatorAudience = 'policy_advisor' | 'team_lead';

export type IndicatorAvailability =
  | { status: 'available' }
  | { status: 'not_yet_available'; awaiting: string };

export interface IndicatorDefinition {
  code: string;
  group: IndicatorGroup;
  name: CatalogueText;
  definition: CatalogueText;
  version: string;
  source: string;
  unit: IndicatorUnit;
  dimensions: readonly IndicatorDimension[];
  audiences: readonly IndicatorAudience[];
  availability: IndicatorAvailability;
  /**
   * Months after a quarter's end before its figure is complete (a closure's 12 months of follow-up):
   * younger quarters are left out of the counts, not shown as if nothing happened.
   */
  maturityMonths?: number;
  /** A target the region set itself, shown beside the figure with where it comes from. */
  ambition?: { value: number; source: string };
}

const KRING = 'Kring: eigen registratie';
const CBS_VT = 'Kring: eigen registratie; definitie volgens CBS Beleidsinformatie Veilig Thuis';
const AVAILABLE = { status: 'available' } as const;
const BOTH: readonly IndicatorAudience[] = ['policy_advisor', 'team_lead'];
const POLICY: readonly IndicatorAudience[] = ['policy_advisor'];
const AREA_TIME: readonly IndicatorDimension[] = ['municipality', 'subregion', 'quarter'];

/** A new report within `months` after closure: one definition for the 6, 12 and 18 months. */
function reportAfterClosure(months: number): IndicatorDefinition {
  return {
    code: `outcome.report_after_closure_${months}m`,
    group: 'outcome',
    name: {
      nl: `Nieuwe melding binnen ${months} maanden na afsluiten`,
      en: `New report within ${months} months after closure`,
    },
    definition: {
      nl: `Van de casussen die in het kwartaal zijn afgesloten (een afsluiting die door heropenen is teruggedraaid telt niet): het deel met een nieuwe melding over iemand uit het huishouden, in elke regio, binnen ${months} maanden na het afsluiten. Dezelfde persoon als bij hermeldingen: gelijke BSN-sleutel, of bij ontbreken daarvan exact gelijke naam en geboortedatum. Een kwartaal telt pas mee als ${months} maanden na het einde ervan verstreken zijn.`,
      en: `Of the household cases closed in the quarter (a closure undone by reopening does not count): the share with a new report about someone in the household, in any region, within ${months} months after closing. The same person as for re-reports: equal BSN key, or without one an exactly equal name and date of birth. A quarter counts only once ${months} months have passed since its end.`,
    },
    version: '1.0',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
    maturityMonths: months,
  };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'advice.count',
    group: 'volume',
    name: { nl: 'Adviesvragen', en: 'Advice requests' },
    definition: {
      nl: 'Aantal adviesvragen aan Veilig Thuis, naar gemeente van het huishouden en kwartaal van ontvangst (alle kanalen: webformulier, telefoon, chat, publieke pagina).',
      en: 'Number of advice requests to Veilig Thuis, by municipality of the household and quarter of receipt (all channels: web form, phone, chat, public page).',
    },
    version: '1.0',
    source: CBS_VT,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'reports.count',
    group: 'volume',
    name: { nl: 'Meldingen', en: 'Reports' },
    definition: {
      nl: 'Aantal meldingen bij Veilig Thuis, naar gemeente van het huishouden en kwartaal van ontvangst.',
      en: 'Number of reports to Veilig Thuis, by municipality of the household and quarter of receipt.',
    },
    version: '1.0',
    source: CBS_VT,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: BOTH,
    availability: AVAILABLE,
  },
  {
    code: 'reports.per_100k',
    group: 'volume',
    name: { nl: 'Meldingen per 100.000 inwoners', en: 'Reports per 100,000 inhabitants' },
    definition: {
      nl: 'Meldingen in de periode per 100.000 inwoners per jaar (aantal ÷ inwoners ÷ aantal jaren van de periode × 100.000), berekend uit het gepubliceerde (beschermde) aantal en het inwonertal van het laatste jaar van de periode. Alleen bij een bekend inwonertal.',
      en: 'Reports in the period per 100,000 inhabitants per year (count ÷ inhabitants ÷ years in the period × 100,000), from the published (protected) count and the population of the last year of the period. Only where the population is known.',
    },
    version: '1.0',
    source: `${KRING}; inwonertal: CBS (regiobestand of import)`,
    unit: 'per_100k',
    dimensions: ['municipality', 'subregion'],
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'advice.per_100k',
    group: 'volume',
    name: { nl: 'Adviesvragen per 100.000 inwoners', en: 'Advice requests per 100,000 inhabitants' },
    definition: {
      nl: 'Adviesvragen in de periode per 100.000 inwoners per jaar, op dezelfde manier berekend als meldingen per 100.000 inwoners.',
      en: 'Advice requests in the period per 100,000 inhabitants per year, computed like reports per 100,000 inhabitants.',
    },
    version: '1.0',
    source: `${KRING}; inwonertal: CBS (regiobestand of import)`,
    unit: 'per_100k',
    dimensions: ['municipality', 'subregion'],
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'reports.by_violence_kind',
    group: 'volume',
    name: { nl: 'Meldingen naar vorm van geweld', en: 'Reports by kind of violence' },
    definition: {
      nl: 'Vermeldingen van een vorm van geweld in meldingen per kwartaal (lijst CBS/Veilig Thuis 2019). Een melding met twee vormen telt bij beide, dus het totaal is het aantal vermeldingen, niet het aantal meldingen. Alleen voor de hele regio.',
      en: 'Mentions of a kind of violence in reports per quarter (CBS/Veilig Thuis list 2019). A report with two kinds counts for both, so the total is mentions, not reports. For the whole region only.',
    },
    version: '1.0',
    source: CBS_VT,
    unit: 'count',
    dimensions: ['violence_kind', 'quarter'],
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'reports.by_reporter',
    group: 'volume',
    name: { nl: 'Meldingen naar melder', en: 'Reports by reporter' },
    definition: {
      nl: 'Meldingen per kwartaal naar soort melder: burger, politie (ook de politiebatch), Veilig Thuis, lokaal team of gemeente, andere professional. Alleen voor de hele regio.',
      en: 'Reports per quarter by kind of reporter: resident, police (including the police batch), Veilig Thuis, local team or municipality, other professional. For the whole region only.',
    },
    version: '1.0',
    source: KRING,
    unit: 'count',
    dimensions: ['reporter_category', 'quarter'],
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'process.assessment_in_time',
    group: 'process',
    name: {
      nl: 'Veiligheidsbeoordeling binnen 5 werkdagen',
      en: 'Safety assessment within 5 working days',
    },
    definition: {
      nl: 'Van de meldingen die in het kwartaal binnenkwamen en waarvan de termijn verstreken is of die beoordeeld zijn: het deel dat beoordeeld is vóór het einde van de termijn (5 werkdagen na ontvangst, bij acute meldingen direct). Niet beoordeeld na de termijn telt als te laat.',
      en: 'Of the reports received in the quarter whose term has passed or that were assessed: the share assessed before the term ended (5 working days after receipt, at once when acute). Not assessed after the term counts as late.',
    },
    version: '1.0',
    source: `${KRING}; termijn: Handelingsprotocol Veilig Thuis`,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: BOTH,
    availability: AVAILABLE,
  },
  {
    code: 'process.days_to_assessment',
    group: 'process',
    name: { nl: 'Doorlooptijd tot veiligheidsbeoordeling', en: 'Time to safety assessment' },
    definition: {
      nl: 'Mediaan van het aantal kalenderdagen tussen ontvangst en veiligheidsbeoordeling, over de beoordeelde meldingen van het kwartaal. Alleen getoond bij minstens zoveel meldingen als de drempel.',
      en: 'Median number of calendar days between receipt and safety assessment, over the assessed reports of the quarter. Shown only over at least as many reports as the threshold.',
    },
    version: '1.0',
    source: KRING,
    unit: 'days',
    dimensions: ['quarter'],
    audiences: BOTH,
    availability: AVAILABLE,
  },
  {
    code: 'process.investigation_in_time',
    group: 'process',
    name: { nl: 'Onderzoek binnen 10 weken', en: 'Investigation within 10 weeks' },
    definition: {
      nl: 'Van de onderzoeken van Veilig Thuis die in het kwartaal zijn afgerond: het deel dat is afgerond vóór de uiterste datum (10 weken na de start).',
      en: 'Of the Veilig Thuis investigations concluded in the quarter: the share concluded before their deadline (10 weeks after the start).',
    },
    version: '1.0',
    source: `${KRING}; termijn: Handelingsprotocol Veilig Thuis`,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: BOTH,
    availability: AVAILABLE,
  },
  {
    code: 'process.cases_waiting',
    group: 'process',
    name: {
      nl: 'Casussen wachtend op een eerste veiligheidsbeoordeling',
      en: 'Cases awaiting a first safety assessment',
    },
    definition: {
      nl: 'Open casussen (huishoudens) zonder veiligheidsbeoordeling op het moment van opvragen, naar gemeente. Een momentopname, geen kwartaalcijfer.',
      en: 'Open household cases without a safety assessment at the moment of asking, by municipality. A snapshot, not a quarterly figure.',
    },
    version: '1.0',
    source: KRING,
    unit: 'count',
    dimensions: ['municipality', 'subregion'],
    audiences: BOTH,
    availability: AVAILABLE,
  },
  {
    code: 'process.handover_acceptance_time',
    group: 'process',
    name: { nl: 'Tijd tot acceptatie van een overdracht', en: 'Time to handover acceptance' },
    definition: {
      nl: 'Mediaan van het aantal kalenderdagen tussen het voorstellen en het accepteren van een overdracht (van de regie of een taak, aan het lokale team of een andere partner), over de overdrachten die in het kwartaal zijn geaccepteerd. Een overdracht die pas na escalatie is beslecht telt niet als geaccepteerd. Alleen getoond bij minstens zoveel overdrachten als de drempel.',
      en: 'Median number of calendar days between proposing and accepting a handover (of the coordination or a task, to the local team or another partner), over the handovers accepted in the quarter. A handover settled only after escalation does not count as accepted. Shown only over at least as many handovers as the threshold.',
    },
    version: '1.0',
    source: KRING,
    unit: 'days',
    dimensions: ['quarter'],
    audiences: BOTH,
    availability: AVAILABLE,
  },
  {
    code: 'outcome.re_report_rate',
    group: 'outcome',
    name: { nl: 'Hermeldingspercentage', en: 'Re-report rate' },
    definition: {
      nl: 'Deel van de meldingen in het kwartaal over mensen bij wie een eerdere betrokkenheid van Veilig Thuis was afgesloten (hermelding, CBS). Dezelfde persoon: gelijke BSN-sleutel, of bij ontbreken daarvan exact gelijke naam en geboortedatum (strenger dan de radar). Betrokkenheid loopt van ontvangst van de eerdere melding tot het einde van de betrokkenheid; eerdere meldingen in elke regio tellen mee.',
      en: 'Share of the reports in the quarter about people whose earlier Veilig Thuis involvement had ended (re-report, CBS). Same person: equal BSN key, or without one an exactly equal name and date of birth (stricter than the radar). Involvement runs from receipt of the earlier report to the end of involvement; earlier reports in any region count.',
    },
    version: '1.0',
    source: `${CBS_VT} (hermeldingen)`,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'outcome.stable_safety_share',
    group: 'outcome',
    name: { nl: 'Casussen die stabiele veiligheid bereiken', en: 'Cases reaching stable safety' },
    definition: {
      nl: 'Van de casussen die in het kwartaal geopend zijn: het deel dat (tot nu toe) de fase stabiele veiligheid heeft bereikt (Gefaseerd samenwerken aan veiligheid).',
      en: 'Of the household cases opened in the quarter: the share that has (so far) reached the stable-safety phase (phased collaboration for safety).',
    },
    version: '1.0',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'outcome.safety_score',
    group: 'outcome',
    name: { nl: 'Verloop van de veiligheidsscore', en: 'Safety-score trajectory' },
    definition: {
      nl: 'Gemiddelde laagste veiligheidsscore (0–10) van de veiligheidsbeoordelingen in het kwartaal, per kwartaal. Alleen getoond als minstens zoveel casussen als de drempel een beoordeling hadden.',
      en: 'Mean lowest safety score (0–10) of the safety assessments in the quarter, per quarter. Shown only when at least as many cases as the threshold had an assessment.',
    },
    version: '1.0',
    source: KRING,
    unit: 'score',
    dimensions: ['quarter'],
    audiences: POLICY,
    availability: AVAILABLE,
  },
  ...[6, 12, 18].map(reportAfterClosure),
  {
    code: 'outcome.violence_stopped',
    group: 'outcome',
    name: { nl: 'Geweld gestopt (ambitie 70%)', en: 'Violence stopped (70% ambition)' },
    definition: {
      nl: 'Van de meldingen waarvan de betrokkenheid van Veilig Thuis in het kwartaal eindigde: het deel zonder nieuwe melding over dezelfde mensen (gelijke BSN-sleutel, of exact gelijke naam en geboortedatum; in elke regio) binnen 12 maanden na dat einde. Een benadering uit de eigen registratie: geen nieuwe melding betekent niet zeker dat het geweld gestopt is (het cohortonderzoek van Verwey-Jonker vraagt het de huishoudens zelf). Een kwartaal telt pas mee als 12 maanden na het einde ervan verstreken zijn. Ambitie: het geweld stopt bij 70% van de meldingen (Regiovisie Noordoost-Brabant, § 2.6).',
      en: 'Of the reports whose Veilig Thuis involvement ended in the quarter: the share without a new report about the same people (equal BSN key, or an exactly equal name and date of birth; in any region) within 12 months after that end. An approximation from the records: no new report does not prove that the violence stopped (the Verwey-Jonker cohort study asks the households themselves). A quarter counts only once 12 months have passed since its end. Ambition: violence stops in 70% of reports (Regional vision Noordoost-Brabant, § 2.6).',
    },
    version: '1.0',
    source: `${KRING}; ambitie: Regiovisie Noordoost-Brabant`,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
    maturityMonths: 12,
    ambition: { value: 70, source: 'Regiovisie Noordoost-Brabant, § 2.6' },
  },
  {
    code: 'outcome.experience_expert_share',
    group: 'outcome',
    name: { nl: 'Casussen met een ervaringsdeskundige', en: 'Cases with an experience expert' },
    definition: {
      nl: 'Van de casussen die in het kwartaal zijn afgesloten (niet teruggedraaid door heropenen): het deel waarin een ervaringsdeskundige heeft meegedaan (in de casus vastgelegd onder Hulp en ondersteuning, met uitkomst: meegedaan).',
      en: 'Of the household cases closed in the quarter (not undone by reopening): the share in which an experience expert took part (recorded on the case under Help and support, with the outcome: took part).',
    },
    version: '1.0',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'outcome.perpetrator_help',
    group: 'outcome',
    name: { nl: 'Hulp voor plegers: aangeboden en gebruikt', en: 'Help for perpetrators: offered and used' },
    definition: {
      nl: 'Aanbiedingen van hulp aan een pleger (plegeraanpak, bijvoorbeeld De Waag of Kairos) in het kwartaal, en het deel dat gebruikt is (de hulp is gestart). Afgewezen en nog onbeantwoorde aanbiedingen tellen als niet gebruikt. Het aantal aanbiedingen is de som van beide kolommen.',
      en: 'Offers of help to a perpetrator (perpetrator programmes such as De Waag or Kairos) in the quarter, and the share used (the help started). Declined and unanswered offers count as not used. The number of offers is the sum of both columns.',
    },
    version: '1.0',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'measures.restraining_orders',
    group: 'measures',
    name: { nl: 'Tijdelijke huisverboden', en: 'Temporary restraining orders' },
    definition: {
      nl: 'Aantal opgelegde tijdelijke huisverboden (Wet tijdelijk huisverbod), naar gemeente van het huishouden en kwartaal van opleggen.',
      en: 'Number of temporary restraining orders imposed (Temporary Restraining Order Act), by municipality of the household and quarter of imposition.',
    },
    version: '1.0',
    source: KRING,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'measures.restraining_order_extensions',
    group: 'measures',
    name: { nl: 'Verlengde huisverboden', en: 'Restraining orders extended' },
    definition: {
      nl: 'Van de tijdelijke huisverboden die in het kwartaal zijn opgelegd: het deel dat de burgemeester heeft verlengd (tot ten hoogste 4 weken na opleggen, Wth art. 9).',
      en: 'Of the temporary restraining orders imposed in the quarter: the share the mayor extended (to at most 4 weeks after imposition, Wth art. 9).',
    },
    version: '1.0',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'measures.crisis_care',
    group: 'measures',
    name: { nl: 'Crisisinterventies', en: 'Crisis care' },
    definition: {
      nl: 'Aantal ingezette crisisinterventies (crisishulp of crisisopvang, ten hoogste 6 weken), naar gemeente van het huishouden en kwartaal van de start.',
      en: 'Number of crisis interventions started (crisis help or crisis shelter, at most 6 weeks), by municipality of the household and quarter of the start.',
    },
    version: '1.0',
    source: KRING,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'measures.shelter_stays',
    group: 'measures',
    name: { nl: 'Verblijven in de opvang', en: 'Shelter stays' },
    definition: {
      nl: 'Aantal verblijven in de (vrouwen)opvang, naar gemeente van het huishouden en kwartaal van de start.',
      en: 'Number of stays in (women’s) shelters, by municipality of the household and quarter of the start.',
    },
    version: '1.0',
    source: KRING,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: AVAILABLE,
  },
  {
    code: 'measures.shelter_stay_length',
    group: 'measures',
    name: { nl: 'Duur van verblijven in de opvang', en: 'Length of shelter stays' },
    definition: {
      nl: 'Mediane duur in dagen van de verblijven in de opvang die in het kwartaal begonnen: tot het opheffen, of tot de (verlengde) einddatum als het verblijf niet eerder is opgeheven — voor een lopend verblijf is dat de geplande einddatum. Alleen getoond bij minstens zoveel verblijven als de drempel.',
      en: 'Median length in days of the shelter stays that started in the quarter: until lifted, or until the (extended) end when not lifted earlier — for a stay still running that is its planned end. Shown only over at least as many stays as the threshold.',
    },
    version: '1.0',
    source: KRING,
    unit: 'days',
    dimensions: ['quarter'],
    audiences: POLICY,
    availability: AVAILABLE,
  },
];

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.code === code);
}

/** The definition, or an error: a service asking for an unknown code is a programming error. */
export function indicator(code: string): IndicatorDefinition {
  const found = findIndicator(code);
  if (!found) throw new Error(`unknown indicator ${code}`);
  return found;
}

export function indicatorsFor(audience: IndicatorAudience): IndicatorDefinition[] {
  return INDICATORS.filter((i) => i.audiences.includes(audience));
}

export function maySplitBy(code: string, dimension: IndicatorDimension): boolean {
  return indicator(code).dimensions.includes(dimension);
}
