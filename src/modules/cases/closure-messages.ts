/** Field messages of monitoring, closure and reopening, passed to AppError as { nl, en } objects. */
export const CLOSURE_MESSAGES = {
  close_via_closure: {
    nl: 'Afsluiten gaat via het afsluitformulier: kies een reden, licht die toe, en het gezin krijgt een afsluitbrief.',
    en: 'Closing goes through the closure form: choose a reason, explain it, and the household receives a closure letter.',
  },
  not_allowed_to_close: {
    nl: 'Alleen de regisseur of Veilig Thuis kan een casus afsluiten.',
    en: 'Only the coordinator or Veilig Thuis can close a case.',
  },
  not_closed: {
    nl: 'Deze casus is niet afgesloten; heropenen kan alleen bij een afgesloten casus.',
    en: 'This case is not closed; only a closed case can be reopened.',
  },
  no_closure: {
    nl: 'Deze casus is (nog) niet afgesloten, dus er is geen afsluitbrief.',
    en: 'This case has not been closed, so there is no closure letter.',
  },
  unknown_moment: {
    nl: 'Dit monitoringsmoment hoort niet bij deze casus.',
    en: 'This monitoring moment does not belong to this case.',
  },
  monitoring_ended: {
    nl: 'De monitoring waar dit moment bij hoort is beëindigd; leg geen contact meer vast bij dit moment.',
    en: 'The monitoring this moment belongs to has ended; no more contacts can be recorded for it.',
  },
  contact_in_future: {
    nl: 'Het contactmoment kan niet in de toekomst liggen.',
    en: 'The contact cannot be in the future.',
  },
  contact_before_monitoring: {
    nl: 'Het contactmoment ligt vóór het begin van de monitoring.',
    en: 'The contact lies before monitoring began.',
  },
} as const;
