/** Addresses of the meldcode assistant. */
export const meldcodePaths = {
  list: '/meldcode',
  create: '/meldcode/nieuw',
  recordPattern: '/meldcode/:id',
  record: (id: string) => `/meldcode/${encodeURIComponent(id)}`,
} as const;
