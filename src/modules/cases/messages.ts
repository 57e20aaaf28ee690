/** Field messages of household casework, passed to AppError as { nl, en } objects. */
export const CASE_MESSAGES = {
  not_allowed_to_open: {
    nl: 'Alleen Veilig Thuis of de melder van een lokaal team of gemeente kan een casus openen vanuit deze melding.',
    en: 'Only Veilig Thuis or the reporter from a local team or municipality can open a case from this report.',
  },
  unknown_coordinator: {
    nl: 'Deze regisseur werkt niet bij een organisatie in de regio van de casus.',
    en: 'This coordinator does not work for an organisation in the region of the case.',
  },
  unknown_team_member: {
    nl: 'Deze persoon werkt niet met cliënten bij deze organisatie in de regio van de casus.',
    en: 'This person does not work with clients at this organisation in the region of the case.',
  },
  already_in_team: { nl: 'Deze persoon zit al in het team.', en: 'This person is already in the team.' },
  coordinator_stays: {
    nl: 'De regisseur kan het team niet verlaten; wijs eerst een andere regisseur aan.',
    en: 'The coordinator cannot leave the team; appoint another coordinator first.',
  },
  unknown_participant: {
    nl: 'Deze deelnemer hoort niet bij de casus.',
    en: 'This participant does not belong to the case.',
  },
  owner_not_in_team: {
    nl: 'De eigenaar van een actie moet in het team zitten.',
    en: 'The owner of an action must be a team member.',
  },
  household_has_open_case: {
    nl: 'Iemand uit dit huishouden zit al in een andere open casus; heropenen zou een tweede casus geven.',
    en: 'Someone in this household is already in another open case; reopening would give a second case.',
  },
  plan_changed_meanwhile: {
    nl: 'Het veiligheidsplan is intussen gewijzigd; laad de casus opnieuw.',
    en: 'The safety plan has changed in the meantime; reload the case.',
  },
  phase_changed_meanwhile: {
    nl: 'De fase is intussen gewijzigd; laad de casus opnieuw.',
    en: 'The phase has changed in the meantime; reload the case.',
  },
} as const;
