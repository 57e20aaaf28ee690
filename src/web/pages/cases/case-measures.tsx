import type { CaseDetail } from '../../api/cases-api.ts';

/** Measures with legal clocks on the case page. */
export function CaseMeasures(_props: { kase: CaseDetail }) {
  return null;
}
