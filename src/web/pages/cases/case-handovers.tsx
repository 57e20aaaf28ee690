import type { CaseDetail } from '../../api/cases-api.ts';

/** Handovers between organisations on the case page. */
export function CaseHandovers(_props: { kase: CaseDetail }) {
  return null;
}
