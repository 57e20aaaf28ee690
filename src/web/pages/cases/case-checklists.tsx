import type { CaseDetail } from '../../api/cases-api.ts';

/** Risk checklists on the case page. */
export function CaseChecklists(_props: { kase: CaseDetail }) {
  return null;
}
