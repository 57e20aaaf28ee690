import type { RouteObject } from 'react-router';
import type { NavItem } from '../navigation.ts';
import { CaseDetailPage } from '../pages/cases/case-detail-page.tsx';
import { casesPath } from '../pages/cases/case-paths.ts';
import { ClosureLetterPage } from '../pages/cases/closure-letter-page.tsx';
import { HandoversWaitingPage, handoversWaitingPath } from '../pages/cases/handovers-waiting-page.tsx';
import { MyCasesPage } from '../pages/cases/my-cases-page.tsx';
import { MyWorkPage, myWorkPath } from '../pages/cases/my-work-page.tsx';
import { SafetyPlanPrintPage } from '../pages/cases/safety-plan-print-page.tsx';
import { access } from '../session/access.ts';
import { guarded } from '../session/guarded.tsx';

/** Routes (inside the signed-in layout) and menu items of this feature; see routes.tsx and navigation.ts. */
export const routes: RouteObject[] = [
  guarded(myWorkPath, access.clientWork, <MyWorkPage />),
  guarded(casesPath, access.clientWork, <MyCasesPage />),
  guarded('/casussen/:id', access.clientWork, <CaseDetailPage />),
  guarded('/casussen/:id/afsluitbrief', access.clientWork, <ClosureLetterPage />),
  guarded(handoversWaitingPath, access.clientWork, <HandoversWaitingPage />),
  guarded('/casussen/:id/veiligheidsplan', access.clientWork, <SafetyPlanPrintPage />),
];
export const navItems: readonly NavItem[] = [
  { path: myWorkPath, key: 'myWork', access: access.clientWork },
  { path: casesPath, key: 'cases', access: access.clientWork },
  { path: handoversWaitingPath, key: 'handoversWaiting', access: access.clientWork },
];
