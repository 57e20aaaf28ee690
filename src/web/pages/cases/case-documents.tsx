import type { CaseDetail } from '../../api/cases-api.ts';

/** Documents on the case page. */
export function CaseDocuments(_props: { kase: CaseDetail }) {
  return null;
}
