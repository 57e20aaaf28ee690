/** Paths of the insight pages (Dutch, like the rest of the app). */
export const insightPath = '/inzicht';
export const insightReferencesPath = '/inzicht/referentiecijfers';
