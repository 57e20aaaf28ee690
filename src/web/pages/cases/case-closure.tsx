import type { CaseDetail } from '../../api/cases-api.ts';

/** Monitoring, closure and reopening on the case page. */
export function CaseClosure(_props: { kase: CaseDetail }) {
  return null;
}
