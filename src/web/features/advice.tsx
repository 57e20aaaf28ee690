import type { RouteObject } from 'react-router';
import type { NavItem } from '../navigation.ts';
import { AskAdvicePage } from '../pages/advice/ask-advice-page.tsx';
import { HelpPage } from '../pages/advice/help-page.tsx';
import { MyAdvicePage } from '../pages/advice/my-advice-page.tsx';
import { advicePaths } from '../pages/advice/paths.ts';
import { PublicAdvicePage } from '../pages/advice/public-advice-page.tsx';
import { PublicReportPage } from '../pages/advice/public-report-page.tsx';
import { VeiligThuisAdvicePage } from '../pages/advice/veilig-thuis-advice-page.tsx';
import { access } from '../session/access.ts';
import { guarded } from '../session/guarded.tsx';

/** Routes (inside the signed-in layout) and menu items of this feature; see routes.tsx and navigation.ts. */
export const routes: RouteObject[] = [
  guarded(advicePaths.ask, access.clientWork, <AskAdvicePage />),
  guarded(advicePaths.mine, access.clientWork, <MyAdvicePage />),
  guarded(advicePaths.veiligThuis, access.queue, <VeiligThuisAdvicePage />),
];
export const navItems: readonly NavItem[] = [
  { path: advicePaths.ask, key: 'askAdvice', access: access.clientWork },
  { path: advicePaths.mine, key: 'myAdvice', access: access.clientWork },
  { path: advicePaths.veiligThuis, key: 'veiligThuisAdvice', access: access.queue },
];
/** Pages for residents, outside the signed-in layout. */
export const publicRoutes: RouteObject[] = [
  { path: advicePaths.help, element: <HelpPage /> },
  { path: advicePaths.helpAdvice, element: <PublicAdvicePage /> },
  { path: advicePaths.helpReport, element: <PublicReportPage /> },
];
