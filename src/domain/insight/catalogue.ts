/**
 * The indicator catalogue (issue 5 §1): every figure Kring publishes, with a written definition,
 * version and source, the unit, and the dimensions it may be split by. A split that is not listed
 * is refused: splitting a breakdown by municipality as well would give three-way tables whose small
 * cells the two-way disclosure control cannot protect.
 *
 * Indicators whose records other parts of Kring are still building are listed as not yet
 * available, with what they wait for; no number is shown for them until their data exists.
 * To add one: give it a definition here, compute it in the insight service, and move it to
 * `available` (the catalogue test checks that every available indicator is computed).
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
}

const KRING = 'Kring: eigen registratie';
const CBS_VT = 'Kring: eigen registratie; definitie volgens CBS Beleidsinformatie Veilig Thuis';
const AVAILABLE = { status: 'available' } as const;
const BOTH: readonly IndicatorAudience[] = ['policy_advisor', 'team_lead'];
const POLICY: readonly IndicatorAudience[] = ['policy_advisor'];
const AREA_TIME: readonly IndicatorDimension[] = ['municipality', 'subregion', 'quarter'];

const later = (awaiting: string): IndicatorAvailability => ({ status: 'not_yet_available', awaiting });

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
      nl: 'Mediaan van de tijd tussen het voorstellen en het accepteren van een overdracht aan het lokale team.',
      en: 'Median time between proposing and accepting a handover to the local team.',
    },
    version: '0.1',
    source: KRING,
    unit: 'days',
    dimensions: ['quarter'],
    audiences: BOTH,
    availability: later('handovers'),
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
  {
    code: 'outcome.report_after_closure',
    group: 'outcome',
    name: {
      nl: 'Nieuwe melding binnen 6, 12 en 18 maanden na afsluiten',
      en: 'New report within 6, 12 and 18 months after closure',
    },
    definition: {
      nl: 'Deel van de afgesloten casussen met een nieuwe melding over iemand uit het huishouden binnen 6, 12 en 18 maanden.',
      en: 'Share of closed cases with a new report about someone in the household within 6, 12 and 18 months.',
    },
    version: '0.1',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: later('closure'),
  },
  {
    code: 'outcome.violence_stopped',
    group: 'outcome',
    name: { nl: 'Geweld gestopt (ambitie 70%)', en: 'Violence stopped (70% ambition)' },
    definition: {
      nl: 'Deel van de meldingen waarbij het geweld binnen vijf jaar gestopt is, tegen de ambitie van 70% (Noordoost-Brabant).',
      en: 'Share of reports where the violence stopped within five years, against the 70% ambition (Noordoost-Brabant).',
    },
    version: '0.1',
    source: KRING,
    unit: 'percent',
    dimensions: ['municipality', 'subregion'],
    audiences: POLICY,
    availability: later('closure'),
  },
  {
    code: 'outcome.experience_expert_share',
    group: 'outcome',
    name: { nl: 'Casussen met een ervaringsdeskundige', en: 'Cases with an experience expert' },
    definition: {
      nl: 'Deel van de casussen waarin een ervaringsdeskundige heeft meegedaan.',
      en: 'Share of household cases in which an experience expert took part.',
    },
    version: '0.1',
    source: KRING,
    unit: 'percent',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: later('closure'),
  },
  {
    code: 'outcome.perpetrator_help',
    group: 'outcome',
    name: { nl: 'Hulp voor plegers: aangeboden en gebruikt', en: 'Help for perpetrators: offered and used' },
    definition: {
      nl: 'Aantal casussen waarin hulp aan de pleger is aangeboden, en het deel waarin die is gebruikt.',
      en: 'Number of cases in which help was offered to the perpetrator, and the share in which it was used.',
    },
    version: '0.1',
    source: KRING,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: later('closure'),
  },
  {
    code: 'measures.restraining_orders',
    group: 'measures',
    name: { nl: 'Huisverboden en verlengingen', en: 'Restraining orders and extensions' },
    definition: {
      nl: 'Aantal opgelegde tijdelijke huisverboden en hun verlengingen, naar gemeente en kwartaal.',
      en: 'Number of temporary restraining orders imposed and their extensions, by municipality and quarter.',
    },
    version: '0.1',
    source: KRING,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: later('measures'),
  },
  {
    code: 'measures.crisis_care',
    group: 'measures',
    name: { nl: 'Crisisinterventies', en: 'Crisis care' },
    definition: {
      nl: 'Aantal crisisinterventies, naar gemeente en kwartaal.',
      en: 'Number of crisis interventions, by municipality and quarter.',
    },
    version: '0.1',
    source: KRING,
    unit: 'count',
    dimensions: AREA_TIME,
    audiences: POLICY,
    availability: later('measures'),
  },
  {
    code: 'measures.shelter_stays',
    group: 'measures',
    name: { nl: 'Opvangverblijven en hun duur', en: 'Shelter stays and their length' },
    definition: {
      nl: 'Aantal verblijven in de (vrouwen)opvang en de mediane duur.',
      en: 'Number of stays in (women’s) shelters and their median length.',
    },
    version: '0.1',
    source: KRING,
    unit: 'days',
    dimensions: ['quarter'],
    audiences: POLICY,
    availability: later('measures'),
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
