/** Field messages of help for perpetrators and experience experts, passed to AppError as { nl, en } objects. */
export const SUPPORT_MESSAGES = {
  unknown_member: {
    nl: 'Deze persoon hoort niet bij het huishouden van de casus.',
    en: 'This person does not belong to the household of the case.',
  },
  recorder: {
    nl: 'Hulp en de inzet van een ervaringsdeskundige leggen de hulpverlenende partners vast (Veilig Thuis, lokaal team, zorg, opvang, Zorg- en Veiligheidshuis); u ziet wat uw categorieën toestaan.',
    en: 'Help and the involvement of an experience expert are recorded by the partners who provide help (Veilig Thuis, local team, care, shelter, safety house); you see what your categories allow.',
  },
  offered_in_future: {
    nl: 'Het moment van het aanbod kan niet in de toekomst liggen.',
    en: 'The moment of the offer cannot be in the future.',
  },
  offered_too_early: {
    nl: 'Het aanbod ligt vóór 2000; controleer de datum.',
    en: 'The offer is before 2000; check the date.',
  },
  outcome_in_future: {
    nl: 'De uitkomst kan niet in de toekomst liggen.',
    en: 'The outcome cannot be in the future.',
  },
  changed_meanwhile: {
    nl: 'Voor dit aanbod is intussen een uitkomst vastgelegd; laad de pagina opnieuw.',
    en: 'An outcome has been recorded for this offer in the meantime; reload the page.',
  },
} as const;
