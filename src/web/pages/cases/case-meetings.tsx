import type { CaseDetail } from '../../api/cases-api.ts';

/** Multi-agency meetings and their actions on the case page. */
export function CaseMeetings(_props: { kase: CaseDetail }) {
  return null;
}
