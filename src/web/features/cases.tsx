import type { RouteObject } from 'react-router';
import type { NavItem } from '../navigation.ts';

/** Routes (inside the signed-in layout) and menu items of this feature; see routes.tsx and navigation.ts. */
export const routes: RouteObject[] = [];
export const navItems: readonly NavItem[] = [];
