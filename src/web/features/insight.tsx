import type { RouteObject } from 'react-router';
import type { NavItem } from '../navigation.ts';
import { FiguresImportPage } from '../pages/insight/figures-import-page.tsx';
import { figuresAccess, insightFiguresPath, insightReportsPath } from '../pages/insight/figures-paths.ts';
import { InsightDashboardPage } from '../pages/insight/insight-dashboard-page.tsx';
import { insightPath, insightReferencesPath } from '../pages/insight/insight-paths.ts';
import { ReferenceFiguresPage } from '../pages/insight/reference-figures-page.tsx';
import { ReportsPage } from '../pages/insight/reports-page.tsx';
import { access } from '../session/access.ts';
import { guarded } from '../session/guarded.tsx';

/** Regional insight (issue 5): dashboards, reports and outside figures; see routes.tsx and navigation.ts. */
export const routes: RouteObject[] = [
  guarded(insightPath, access.insight, <InsightDashboardPage />),
  guarded(insightReferencesPath, access.insightReferences, <ReferenceFiguresPage />),
  guarded(insightReportsPath, access.insight, <ReportsPage />),
  guarded(insightFiguresPath, figuresAccess, <FiguresImportPage />),
];
export const navItems: readonly NavItem[] = [
  { path: insightPath, key: 'insight', access: access.insight },
  { path: insightReportsPath, key: 'insightReports', access: access.insight },
  { path: insightFiguresPath, key: 'insightFigures', access: figuresAccess },
];
