/**
 * Short Dutch texts for synthetic records. Every one starts with "[Synthetisch]" or says it is
 * invented, so a screen, export or letter built from them cannot be taken for a real file.
 */
export const SYNTHETIC_MARK = '[Synthetisch]';

export const REPORT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  police: `${SYNTHETIC_MARK} Zorgmelding politie na een huiselijk-geweldincident; gegevens verzonnen voor demo en test.`,
  municipality: `${SYNTHETIC_MARK} Het wijkteam maakt zich zorgen over de veiligheid in het gezin; verzonnen voorbeeld.`,
  care: `${SYNTHETIC_MARK} Een hulpverlener ziet signalen van huiselijk geweld bij een cliënt; verzonnen voorbeeld.`,
  youth: `${SYNTHETIC_MARK} Jeugdbescherming meldt zorgen over de kinderen; verzonnen voorbeeld.`,
  resident: `${SYNTHETIC_MARK} Een buurtbewoner hoort regelmatig ruzie en geschreeuw; verzonnen voorbeeld.`,
};

export const ROUTE_REASONS: Readonly<Record<string, string>> = {
  investigation: `${SYNTHETIC_MARK} Onvoldoende zicht op veiligheid; Veilig Thuis onderzoekt zelf.`,
  child_protection_request: `${SYNTHETIC_MARK} Ernstige zorgen om de kinderen; verzoek tot onderzoek aan de Raad.`,
  conditions_and_follow_up: `${SYNTHETIC_MARK} Veiligheidsvoorwaarden afgesproken; Veilig Thuis volgt en monitort.`,
  handover_local_team: `${SYNTHETIC_MARK} Het lokale team pakt de hulp op; warme overdracht.`,
  handover_existing_help: `${SYNTHETIC_MARK} Bestaande hulpverlening is betrokken en neemt het over.`,
  multi_agency_table: `${SYNTHETIC_MARK} Complexe situatie; besproken aan de MDA++-tafel.`,
  end_of_involvement: `${SYNTHETIC_MARK} Geen aanwijzingen voor onveiligheid; bemoeienis beëindigd.`,
};

export const INVESTIGATION_CONCLUSION = `${SYNTHETIC_MARK} Conclusie van het onderzoek, verzonnen voor demo en test.`;

export const ADVICE_QUESTIONS = [
  `${SYNTHETIC_MARK} Ik maak me zorgen om een kind in mijn klas; wat kan ik doen?`,
  `${SYNTHETIC_MARK} Mijn buurvrouw wordt volgens mij mishandeld door haar partner.`,
  `${SYNTHETIC_MARK} Een cliënt vertelt over geweld thuis; moet ik melden?`,
  `${SYNTHETIC_MARK} Mijn vader wordt door een familielid onder druk gezet over geld.`,
  `${SYNTHETIC_MARK} Hoe bespreek ik signalen van kindermishandeling met de ouders?`,
];
export const ADVICE_ANSWER = `${SYNTHETIC_MARK} Advies gegeven over de volgende stappen van de meldcode.`;

export const CONCERNS = [
  'Escalerende ruzies tussen de ouders',
  'Kinderen zijn getuige van geweld',
  'Middelengebruik van een ouder',
  'Financiële stress en schulden',
  'Dreiging na de scheiding',
  'Onveilige opvoedsituatie',
  'Isolement van het slachtoffer',
  'Psychische problemen van een gezinslid',
  'Contactverbod wordt niet nageleefd',
];

export const ACTIONS = [
  'Veiligheidsafspraken met het gezin doornemen',
  'Gesprek met de kinderen op school',
  'Aanmelden bij daderhulp',
  'Huisbezoek met de wijkagent',
  'Verwijzing naar schuldhulpverlening',
  'Ouders aanmelden voor opvoedondersteuning',
  'Netwerkberaad organiseren',
  'Signaleringsplan opstellen met het slachtoffer',
];

export const CONDITIONS = [
  'Er wordt niet geslagen, geschopt of geduwd',
  'Bij spanning gaat één van de ouders naar het netwerkadres',
  'De kinderen gaan elke dag naar school',
  'Geen alcohol in huis',
  'Ruzies worden niet waar de kinderen bij zijn uitgevochten',
];

export const IF_IT_GOES_WRONG = `${SYNTHETIC_MARK} Bel 112 bij direct gevaar; bel daarna de regisseur en het netwerkadres.`;

export const NOTE_BODIES: Readonly<Record<string, string>> = {
  team: `${SYNTHETIC_MARK} Teamoverleg: voortgang besproken, afspraken lopen.`,
  organisation: `${SYNTHETIC_MARK} Interne aantekening van de eigen organisatie.`,
  justice: `${SYNTHETIC_MARK} Informatie van politie of OM over het strafrechtelijk traject.`,
  health: `${SYNTHETIC_MARK} Informatie van de behandelaar over de zorg.`,
};

export const PHASE_REASONS: Readonly<Record<string, string>> = {
  stable_safety: 'Veiligheidsplan afgesproken en het geweld is gestopt [Synthetisch]',
  recovery: 'Risicofactoren zijn aangepakt; tijd voor herstel [Synthetisch]',
  monitoring: 'Herstel loopt; veiligheid wordt gemonitord [Synthetisch]',
  closed: 'Veiligheid houdt stand bij de laatste beoordelingen [Synthetisch]',
  direct_safety: 'Nieuw incident: terug naar directe veiligheid [Synthetisch]',
};

/** Closure: the explanation per reason code. */
export const CLOSURE_EXPLANATIONS: Readonly<Record<string, string>> = {
  safety_stable: `${SYNTHETIC_MARK} De afspraken houden al maanden stand; de monitoring liet geen nieuwe zorgen zien.`,
  regular_help: `${SYNTHETIC_MARK} De hulp loopt verder via de huisarts en het wijkteam, zonder regie vanuit dit team.`,
  moved_away: `${SYNTHETIC_MARK} Het gezin is verhuisd; de hulp is overgedragen aan de nieuwe woonplaats.`,
  other: `${SYNTHETIC_MARK} Afgesloten in overleg met het gezin; verzonnen voorbeeld.`,
};
export const CLOSURE_LETTER_NOTICE = `${SYNTHETIC_MARK} Deze brief is verzonnen voor demo en test; er is geen echt gezin dat hem kreeg.`;

export const MEASURE_NOTES: Readonly<Record<string, string>> = {
  restraining_order: `${SYNTHETIC_MARK} Tijdelijk huisverbod na een incident; verzonnen voorbeeld.`,
  crisis_care: `${SYNTHETIC_MARK} Crisishulp ingezet na een acute melding; verzonnen voorbeeld.`,
  shelter_stay: `${SYNTHETIC_MARK} Opgevangen in de vrouwenopvang; verzonnen voorbeeld.`,
  intensive_case_management: `${SYNTHETIC_MARK} Intensief casemanagement voor pleger, slachtoffer en betrokkenen.`,
  aware_alarm: `${SYNTHETIC_MARK} Aware-alarm voor het slachtoffer; verzonnen voorbeeld.`,
};
export const MEASURE_EXTENSION_REASONS: Readonly<Record<string, string>> = {
  restraining_order: `${SYNTHETIC_MARK} Dreiging blijft; de hulp is net gestart.`,
  shelter_stay: `${SYNTHETIC_MARK} Nog geen eigen woonruimte; het verblijf loopt door.`,
  aware_alarm: `${SYNTHETIC_MARK} De ex-partner zoekt nog contact; het alarm blijft nodig.`,
};
export const MEASURE_LIFT_REASONS: Readonly<Record<string, string>> = {
  restraining_order: `${SYNTHETIC_MARK} Huisverbod ingetrokken; verzonnen voorbeeld.`,
  crisis_care: `${SYNTHETIC_MARK} Crisis voorbij; de hulp gaat verder via het lokale team.`,
  shelter_stay: `${SYNTHETIC_MARK} Vertrokken uit de opvang naar eigen woonruimte.`,
  intensive_case_management: `${SYNTHETIC_MARK} Herstel is begonnen; intensief casemanagement is afgerond.`,
  aware_alarm: `${SYNTHETIC_MARK} Geen dreiging meer; het alarm is ingeleverd.`,
};

export const HANDOVER_SUMMARY = `${SYNTHETIC_MARK} Directe veiligheid is bereikt; de regie gaat naar het lokale team voor stabiele veiligheid en herstel.`;
export const HANDOVER_DECLINE_REASON = `${SYNTHETIC_MARK} Te weinig zicht op veiligheid om de regie nu over te nemen.`;
export const HANDOVER_ESCALATE_REASON = `${SYNTHETIC_MARK} Wij zijn het niet eens met de afwijzing; graag een besluit.`;
export const HANDOVER_WITHDRAW_REASON = `${SYNTHETIC_MARK} Nieuwe zorgen; Veilig Thuis houdt de regie nog even.`;
export const HANDOVER_RESOLVE_REASONS: Readonly<Record<string, string>> = {
  handed_over: `${SYNTHETIC_MARK} Afgesproken aan de escalatietafel: het lokale team neemt de regie over.`,
  stays_with_sender: `${SYNTHETIC_MARK} Afgesproken aan de escalatietafel: Veilig Thuis houdt de regie.`,
  other: `${SYNTHETIC_MARK} Andere afspraak gemaakt aan de escalatietafel.`,
};
export const JOINT_CONTACT_NOTE = `${SYNTHETIC_MARK} Samen met het gezin de overdracht besproken.`;

export const PERPETRATOR_HELP_PROVIDERS = [
  `${SYNTHETIC_MARK} Groepstraining plegerhulp`,
  `${SYNTHETIC_MARK} Individuele behandeling plegerhulp`,
  `${SYNTHETIC_MARK} Systeemgerichte begeleiding`,
];
export const EXPERIENCE_EXPERT_PROVIDER = `${SYNTHETIC_MARK} Pool ervaringsdeskundigen`;
export const SUPPORT_NOTES: Readonly<Record<string, string>> = {
  perpetrator_help: `${SYNTHETIC_MARK} Plegerhulp aangeboden; verzonnen voorbeeld.`,
  experience_expert: `${SYNTHETIC_MARK} Ervaringsdeskundige aangeboden om mee te denken.`,
};
export const SUPPORT_OUTCOME_NOTES: Readonly<Record<string, string>> = {
  used: `${SYNTHETIC_MARK} Gestart; verzonnen voorbeeld.`,
  declined: `${SYNTHETIC_MARK} Niet gewild; verzonnen voorbeeld.`,
};
