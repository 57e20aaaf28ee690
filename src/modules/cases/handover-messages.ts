/** Field messages of handovers, passed to AppError as { nl, en } objects (domain refusals: handover.ts). */
export const HANDOVER_MESSAGES = {
  team_member_only: {
    nl: 'Alleen wie in het team van de casus zit kan een overdracht voorstellen.',
    en: 'Only a member of the case team can propose a handover.',
  },
  coordinator_only: {
    nl: 'Alleen de regisseur kan de regie overdragen.',
    en: 'Only the coordinator can hand over coordination.',
  },
  task_description_required: {
    nl: 'Beschrijf welke taak wordt overgedragen.',
    en: 'Describe which task is handed over.',
  },
  task_description_not_for_coordination: {
    nl: 'Bij overdracht van de regie hoort geen taakomschrijving.',
    en: 'A coordination handover has no task description.',
  },
  unknown_receiving_organisation: {
    nl: 'Deze organisatie werkt niet in de regio van de casus.',
    en: 'This organisation does not work in the region of the case.',
  },
  unknown_receiving_user: {
    nl: 'Deze persoon werkt niet met cliënten bij de ontvangende organisatie.',
    en: 'This person does not work with clients at the receiving organisation.',
  },
  unknown_sender_contact: {
    nl: 'Deze persoon werkt niet met cliënten bij de overdragende organisatie.',
    en: 'This person does not work with clients at the sending organisation.',
  },
  contact_out_of_range: {
    nl: 'Het contactmoment moet tussen 14 dagen voor het voorstel en 90 dagen vanaf nu liggen.',
    en: 'The contact moment must lie between 14 days before the proposal and 90 days from now.',
  },
  receiver_required: {
    nl: 'Kies wie van de ontvangende organisatie het overneemt.',
    en: 'Choose who at the receiving organisation takes over.',
  },
  case_closed: {
    nl: 'De casus is gesloten; heropen hem eerst.',
    en: 'The case is closed; reopen it first.',
  },
  open_coordination_handover: {
    nl: 'Er loopt al een overdracht van de regie voor deze casus.',
    en: 'A handover of coordination is already under way for this case.',
  },
  coordinator_changed: {
    nl: 'De overdragende persoon is intussen geen regisseur meer; stel de overdracht opnieuw voor.',
    en: 'The sender is no longer the coordinator; propose the handover again.',
  },
} as const;
