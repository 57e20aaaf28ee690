/** Field messages of regional insight, passed to AppError as { nl, en } objects. */
export const INSIGHT_MESSAGES = {
  period_order: {
    nl: 'Het eerste kwartaal moet vóór of gelijk aan het laatste kwartaal liggen.',
    en: 'The first quarter must come before or be the same as the last quarter.',
  },
  period_too_long: {
    nl: 'Kies een periode van hoogstens 40 kwartalen.',
    en: 'Choose a period of at most 40 quarters.',
  },
  unknown_municipality: {
    nl: 'Deze gemeente hoort niet bij uw regio of organisatie.',
    en: 'This municipality does not belong to your region or organisation.',
  },
  unknown_subregion: {
    nl: 'Deze subregio bestaat niet in uw regio.',
    en: 'This subregion does not exist in your region.',
  },
  unknown_indicator: {
    nl: 'Deze indicator staat niet in de catalogus, of er bestaat geen landelijk referentiecijfer voor.',
    en: 'This indicator is not in the catalogue, or it has no national reference figure.',
  },
  percent_range: {
    nl: 'Een percentage ligt tussen 0 en 100.',
    en: 'A percentage lies between 0 and 100.',
  },
  source_date_future: {
    nl: 'De datum van de bron ligt in de toekomst.',
    en: 'The date of the source lies in the future.',
  },
  invalid_date: { nl: 'Geen geldige datum.', en: 'Not a valid date.' },
} as const;
