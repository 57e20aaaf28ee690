/** Field messages of risk checklists, passed to AppError as { nl, en } objects. */
export const CHECKLIST_MESSAGES = {
  unknown_checklist: {
    nl: 'Deze lijst (of deze versie ervan) wordt niet meer gebruikt; laad de pagina opnieuw.',
    en: 'This checklist (or this version of it) is not in use; reload the page.',
  },
} as const;
