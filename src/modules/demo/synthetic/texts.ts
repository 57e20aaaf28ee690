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
