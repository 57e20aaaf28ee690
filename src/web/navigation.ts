import type { SignedInSession } from './api/types.ts';
import * as adviceFeature from './features/advice.tsx';
import * as casesFeature from './features/cases.tsx';
import * as insightFeature from './features/insight.tsx';
import * as meldcodeFeature from './features/meldcode.tsx';
import { paths } from './paths.ts';
import { type AccessRule, access } from './session/access.ts';

export interface NavItem {
  path: string;
  /** Key under "nav." in the catalogue; "nav.<key>Description" describes it on the start page. */
  key: string;
  access: AccessRule;
}

/** The menu, in order. routes.tsx guards the same paths with the same rules. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: paths.start, key: 'start', access: access.anyone },
  { path: paths.newReport, key: 'newReport', access: access.clientWork },
  { path: paths.myReports, key: 'myReports', access: access.clientWork },
  { path: paths.importReports, key: 'importReports', access: access.policeImport },
  { path: paths.queue, key: 'queue', access: access.queue },
  { path: paths.adminUsers, key: 'adminUsers', access: access.admin },
  { path: paths.audit, key: 'audit', access: access.privacy },
  { path: paths.breakGlassReview, key: 'breakGlassReview', access: access.privacy },
  ...casesFeature.navItems,
  ...meldcodeFeature.navItems,
  ...adviceFeature.navItems,
  ...insightFeature.navItems,
  { path: paths.region, key: 'region', access: access.anyone },
];

export function navItemsFor(session: SignedInSession): NavItem[] {
  return NAV_ITEMS.filter((item) => item.access(session));
}
