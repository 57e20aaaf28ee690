import type { RouteObject } from 'react-router';
import type { NavItem } from '../navigation.ts';
import { MeldcodeListPage } from '../pages/meldcode/meldcode-list-page.tsx';
import { meldcodePaths } from '../pages/meldcode/meldcode-paths.ts';
import { MeldcodeRecordPage } from '../pages/meldcode/meldcode-record-page.tsx';
import { NewMeldcodePage } from '../pages/meldcode/new-meldcode-page.tsx';
import { access } from '../session/access.ts';
import { guarded } from '../session/guarded.tsx';

/** Routes (inside the signed-in layout) and menu items of this feature; see routes.tsx and navigation.ts. */
export const routes: RouteObject[] = [
  guarded(meldcodePaths.list, access.meldcode, <MeldcodeListPage />),
  guarded(meldcodePaths.create, access.meldcodeCreate, <NewMeldcodePage />),
  guarded(meldcodePaths.recordPattern, access.meldcode, <MeldcodeRecordPage />),
];
export const navItems: readonly NavItem[] = [
  { path: meldcodePaths.list, key: 'meldcode', access: access.meldcode },
];
