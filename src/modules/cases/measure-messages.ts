/** Field messages of measures with legal clocks, passed to AppError as { nl, en } objects. */
export const MEASURE_MESSAGES = {
  unknown_member: {
    nl: 'Deze persoon hoort niet bij het huishouden van de casus.',
    en: 'This person does not belong to the household of the case.',
  },
  duplicate_member: {
    nl: 'Deze persoon staat er al bij.',
    en: 'This person is already listed.',
  },
  authority_not_allowed: {
    nl: 'Deze maatregel kan niet door deze instantie besloten worden.',
    en: 'This authority cannot decide on this measure.',
  },
  order_authority_impose: {
    nl: 'Een huisverbod legt de burgemeester op, of de hulpofficier van justitie namens hem (Wet tijdelijk huisverbod art. 2 en 3).',
    en: 'A restraining order is imposed by the mayor, or by the assistant public prosecutor on his behalf (Temporary Restraining Order Act, art. 2 and 3).',
  },
  order_authority_extend: {
    nl: 'Alleen de burgemeester kan een huisverbod verlengen (Wet tijdelijk huisverbod art. 9).',
    en: 'Only the mayor can extend a restraining order (Temporary Restraining Order Act, art. 9).',
  },
  order_authority_lift: {
    nl: 'Een huisverbod wordt ingetrokken door de burgemeester of beëindigd door de rechter.',
    en: 'A restraining order is withdrawn by the mayor or ended by the court.',
  },
  order_recorder: {
    nl: 'Een huisverbod wordt vastgelegd door de politie, Veilig Thuis of het Zorg- en Veiligheidshuis.',
    en: 'A restraining order is recorded by the police, Veilig Thuis or the safety house.',
  },
  imposed_too_late: {
    nl: 'De ingangsdatum mag hoogstens 90 dagen in de toekomst liggen.',
    en: 'The start may be at most 90 days ahead.',
  },
  imposed_too_early: {
    nl: 'De ingangsdatum ligt voor 2000; controleer de datum.',
    en: 'The start is before 2000; check the date.',
  },
} as const;
