import type { RouteObject } from 'react-router';
import type { NavItem } from '../navigation.ts';

/** Regional insight (issue 5): dashboards, reports and outside figures; see routes.tsx and navigation.ts. */
export const routes: RouteObject[] = [];
export const navItems: readonly NavItem[] = [];
