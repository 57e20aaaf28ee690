/**
 * Messages for field-level problems that our own rules find (schema refinements and services).
 * Schemas refer to them by key (`message: 'bsn_invalid'`); the error handler turns the key into
 * the Dutch and English text. Everything else is worded by Zod's own nl/en locales.
 */
export const FIELD_MESSAGES = {
  bsn_invalid: { nl: 'Het BSN is niet geldig (elfproef).', en: 'The BSN is not valid (11-check).' },
  date_of_birth_range: {
    nl: 'De geboortedatum moet tussen 1900 en vandaag liggen.',
    en: 'The date of birth must be between 1900 and today.',
  },
  forbidden_characters: {
    nl: 'Bevat tekens die niet zijn toegestaan.',
    en: 'Contains characters that are not allowed.',
  },
  reason_too_short: {
    nl: 'Geef een reden van minimaal 20 tekens.',
    en: 'Give a reason of at least 20 characters.',
  },
  no_veilig_thuis: {
    nl: 'Geen Veilig Thuis-organisatie bedient deze gemeente.',
    en: 'No Veilig Thuis organisation serves this municipality.',
  },
  unknown_organisation: { nl: 'Onbekende organisatie.', en: 'Unknown organisation.' },
  password_too_short: {
    nl: 'Het wachtwoord moet minimaal 12 tekens hebben.',
    en: 'The password needs at least 12 characters.',
  },
  username_taken: { nl: 'Deze gebruikersnaam bestaat al.', en: 'This username already exists.' },
  reason_required: {
    nl: 'Onderbouw het besluit (minimaal 10 tekens).',
    en: 'Give the reasons for the decision (at least 10 characters).',
  },
  unsafety_needs_veilig_thuis: {
    nl: 'Bij acute onveiligheid blijft Veilig Thuis betrokken: kies onderzoek, verzoek aan de Raad of Voorwaarden & Vervolg.',
    en: 'With acute unsafety Veilig Thuis stays involved: choose investigation, a request to the Raad or conditions and follow-up.',
  },
  unsafety_not_ended: {
    nl: 'Bij structurele onveiligheid kan de bemoeienis niet zomaar eindigen.',
    en: 'With structural unsafety, involvement cannot simply end.',
  },
  contact_required: {
    nl: 'Vul een telefoonnummer of e-mailadres in, zodat Veilig Thuis u kan bereiken.',
    en: 'Give a phone number or e-mail address so Veilig Thuis can reach you.',
  },
  no_investigation: {
    nl: 'Deze melding heeft geen lopend onderzoek van Veilig Thuis.',
    en: 'This report has no ongoing Veilig Thuis investigation.',
  },
  extension_after_deadline: {
    nl: 'De termijn is al verstreken; verlengen kan alleen vóór de uiterste datum.',
    en: 'The term has passed; it can only be extended before the deadline.',
  },
  already_imported: { nl: 'Deze melding is al eerder geïmporteerd.', en: 'This report was imported before.' },
  already_assessed: { nl: 'Deze melding is al beoordeeld.', en: 'This report has already been assessed.' },
} as const;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function isFieldMessageKey(value: string): value is FieldMessageKey {
  return Object.hasOwn(FIELD_MESSAGES, value);
}
