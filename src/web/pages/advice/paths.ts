/** Addresses of the advice pages and the public pages for residents (Dutch, as users share them). */
export const advicePaths = {
  ask: '/advies/nieuw',
  mine: '/advies',
  veiligThuis: '/veilig-thuis/adviesvragen',
  help: '/hulp',
  helpAdvice: '/hulp/advies',
  helpReport: '/hulp/melden',
} as const;

/** The Veilig Thuis number, as people dial it and as it is written. */
export const VEILIG_THUIS_PHONE = { tel: '08002000', text: '0800-2000' } as const;
