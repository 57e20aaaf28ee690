/** Every address of the web app. Dutch paths, as users see and share them. */
export const paths = {
  login: '/inloggen',
  start: '/',
  newReport: '/meldingen/nieuw',
  myReports: '/meldingen',
  importReports: '/meldingen/importeren',
  report: (id: string) => `/meldingen/${encodeURIComponent(id)}`,
  queue: '/veilig-thuis/wachtrij',
  adminUsers: '/beheer/gebruikers',
  audit: '/privacy/audit',
  breakGlassReview: '/privacy/noodtoegang',
  region: '/regio',
} as const;
