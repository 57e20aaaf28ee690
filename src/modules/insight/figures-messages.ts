/** Field messages of outside figures and report runs, passed to AppError as { nl, en } objects. */
export const FIGURES_MESSAGES = {
  source_date_in_future: {
    nl: 'De publicatiedatum van de bron ligt in de toekomst.',
    en: 'The publication date of the source lies in the future.',
  },
  municipality_not_in_region: {
    nl: 'Deze gemeente hoort niet bij uw regio.',
    en: 'This municipality is not in your region.',
  },
  report_not_ready: {
    nl: 'Het rapport is nog niet klaar; wacht tot de voortgang 100% is.',
    en: 'The report is not ready yet; wait until the progress reaches 100%.',
  },
  report_interrupted: {
    nl: 'Het maken van het rapport is onderbroken (de server is herstart). Vraag het opnieuw aan.',
    en: 'Making the report was interrupted (the server restarted). Please request it again.',
  },
  report_failed: {
    nl: 'Het rapport kon niet worden gemaakt. Probeer het later opnieuw.',
    en: 'The report could not be made. Please try again later.',
  },
  too_many_runs: {
    nl: 'U heeft al drie rapporten in de wachtrij; wacht tot die klaar zijn.',
    en: 'You already have three reports in the queue; wait until they are done.',
  },
} as const;
