import type { RouteObject } from 'react-router';
import type { AccessRule } from './access.ts';
import { RequireAccess } from './require-session.tsx';

/** A route that only users for whom `rule` holds may open; others see "Geen toegang". */
export function guarded(path: string, rule: AccessRule, page: React.ReactNode): RouteObject {
  return { path, element: <RequireAccess rule={rule}>{page}</RequireAccess> };
}
