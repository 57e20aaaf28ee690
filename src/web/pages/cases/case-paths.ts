/** Addresses of the casework pages (Dutch, as users see and share them). */
export const casesPath = '/casussen';
export const casePath = (id: string) => `/casussen/${encodeURIComponent(id)}`;
