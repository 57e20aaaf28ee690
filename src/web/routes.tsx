import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './components/app-layout.tsx';
import * as adviceFeature from './features/advice.tsx';
import * as casesFeature from './features/cases.tsx';
import * as insightFeature from './features/insight.tsx';
import * as meldcodeFeature from './features/meldcode.tsx';
import { AdminUsersPage } from './pages/admin-users-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { BreakGlassReviewPage } from './pages/break-glass-review-page.tsx';
import { ImportReportsPage } from './pages/import-reports-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MyReportsPage } from './pages/my-reports-page.tsx';
import { NewReportPage } from './pages/new-report-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { QueuePage } from './pages/queue-page.tsx';
import { RegionPage } from './pages/region-page.tsx';
import { ReportDetailPage } from './pages/report-detail-page.tsx';
import { StartPage } from './pages/start-page.tsx';
import { paths } from './paths.ts';
import { access } from './session/access.ts';
import { guarded } from './session/guarded.tsx';
import { RequireSession } from './session/require-session.tsx';

/** The one route table of the web app. The menu (navigation.ts) uses the same paths and rules. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      ...adviceFeature.publicRoutes,
      {
        element: <RequireSession />,
        children: [
          guarded(paths.start, access.anyone, <StartPage />),
          guarded(paths.newReport, access.clientWork, <NewReportPage />),
          guarded(paths.myReports, access.clientWork, <MyReportsPage />),
          guarded(paths.importReports, access.policeImport, <ImportReportsPage />),
          guarded('/meldingen/:id', access.anyone, <ReportDetailPage />),
          guarded(paths.queue, access.queue, <QueuePage />),
          guarded(paths.adminUsers, access.admin, <AdminUsersPage />),
          guarded(paths.audit, access.privacy, <AuditPage />),
          guarded(paths.breakGlassReview, access.privacy, <BreakGlassReviewPage />),
          guarded(paths.region, access.anyone, <RegionPage />),
          ...casesFeature.routes,
          ...meldcodeFeature.routes,
          ...adviceFeature.routes,
          ...insightFeature.routes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
