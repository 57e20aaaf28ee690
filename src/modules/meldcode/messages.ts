/** Field-level messages of the meldcode assistant, in Dutch and English, keyed like FIELD_MESSAGES. */
export const MELDCODE_MESSAGES = {
  client_index: {
    nl: 'Kies welke persoon de cliënt is.',
    en: 'Choose which person is the client.',
  },
  kindcheck_note_required: {
    nl: 'De kindcheck is nodig: leg vast voor welke kinderen de cliënt zorgt en of zij veilig zijn.',
    en: 'The kindcheck applies: record which children the client cares for and whether they are safe.',
  },
  talk_summary_required: {
    nl: 'Vat het gesprek met de cliënt samen.',
    en: 'Summarise the talk with the client.',
  },
  talk_skip_reason_required: {
    nl: 'Leg vast waarom het gesprek met de cliënt niet plaatsvond.',
    en: 'Record why the talk with the client did not take place.',
  },
  advice_required: {
    nl: 'Vul de adviesvraag aan Veilig Thuis in: de vraag, de duur van het geweld en uw sector.',
    en: 'Fill in the advice request to Veilig Thuis: the question, the duration of the violence and your sector.',
  },
  consulted_on_future: {
    nl: 'De datum van het overleg ligt in de toekomst.',
    en: 'The date of the consultation is in the future.',
  },
  unknown_text_version: {
    nl: 'Onbekende versie van het afwegingskader.',
    en: 'Unknown version of the weighing framework.',
  },
  weighing_incomplete: {
    nl: 'Beantwoord eerst de vragen van het afwegingskader (stap 4) tot er een uitkomst is.',
    en: 'First answer the questions of the weighing framework (step 4) until there is an outcome.',
  },
  unsafety_requires_report: {
    nl: 'Bij acute of structurele onveiligheid is melden bij Veilig Thuis altijd de uitkomst.',
    en: 'With acute or structural unsafety, reporting to Veilig Thuis is always the outcome.',
  },
  outcome_mismatch: {
    nl: 'Deze uitkomst past niet bij de antwoorden op het afwegingskader.',
    en: 'This outcome does not follow from the answers to the weighing framework.',
  },
  acute_required: {
    nl: 'Geef aan of de onveiligheid acuut is.',
    en: 'State whether the unsafety is acute.',
  },
  steps_missing: {
    nl: 'Documenteer eerst stap 1 tot en met 3.',
    en: 'Document steps 1 to 3 first.',
  },
  report_not_possible: {
    nl: 'Melden kan alleen als de uitkomst "melden" is en er nog geen melding is gedaan.',
    en: 'A report can only be made when the outcome is "report" and no report was made yet.',
  },
  already_reported: {
    nl: 'Vanuit dit dossier is al een melding gedaan; de stappen liggen vast.',
    en: 'A report has already been made from this record; its steps are fixed.',
  },
} as const;

export type MeldcodeMessageKey = keyof typeof MELDCODE_MESSAGES;
