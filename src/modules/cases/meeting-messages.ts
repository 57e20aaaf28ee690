/** Field messages of meetings and plan actions, passed to AppError as { nl, en } objects. */
export const MEETING_MESSAGES = {
  participant_not_in_team: {
    nl: 'Deze deelnemer zit niet (meer) in het team voor deze organisatie; voeg iemand van buiten het team toe met naam, organisatie en rol.',
    en: 'This participant is not (or no longer) in the team for this organisation; add someone from outside the team with name, organisation and role.',
  },
  owner_not_in_team: {
    nl: 'Wie een besluit uitvoert, moet in het team zitten.',
    en: 'Whoever carries out a decision must be a team member.',
  },
  owner_cannot_read: {
    nl: 'Deze eigenaar mag het verslag van dit overleg niet lezen (informatiecategorie); kies een andere eigenaar of een andere categorie voor het overleg.',
    en: 'This owner may not read the record of this meeting (information category); choose another owner or another category for the meeting.',
  },
  action_changed_meanwhile: {
    nl: 'De status van deze actie is intussen gewijzigd; laad de acties opnieuw.',
    en: 'The status of this action has changed in the meantime; reload the actions.',
  },
} as const;
