import { parseQuarter } from '../../domain/insight/quarters.ts';
import type { ReporterCategory } from '../../domain/insight/reporter-category.ts';
import type { ViolenceKind } from '../../domain/violence-kind.ts';
import type { LocalisedText } from './report-document.ts';

/** Bilingual labels of the rows and columns insight publishes (the report files print them). */
export const VIOLENCE_KIND_LABELS: Readonly<Record<ViolenceKind, LocalisedText>> = {
  child_abuse: { nl: 'Kindermishandeling', en: 'Child abuse' },
  partner_violence: { nl: 'Partnergeweld', en: 'Partner violence' },
  ex_partner_violence: { nl: 'Ex-partnergeweld', en: 'Ex-partner violence' },
  violence_against_parents: { nl: 'Geweld tegen ouders', en: 'Violence against parents' },
  elder_abuse: { nl: 'Ouderenmishandeling', en: 'Elder abuse' },
  honour_based_violence: { nl: 'Eergerelateerd geweld', en: 'Honour-based violence' },
  forced_marriage: { nl: 'Huwelijksdwang', en: 'Forced marriage' },
  female_genital_mutilation: { nl: 'Vrouwelijke genitale verminking', en: 'Female genital mutilation' },
  other_domestic_violence: { nl: 'Overig huiselijk geweld', en: 'Other domestic violence' },
};

export const REPORTER_CATEGORY_LABELS: Readonly<Record<ReporterCategory, LocalisedText>> = {
  resident: { nl: 'Burger', en: 'Resident' },
  police: { nl: 'Politie', en: 'Police' },
  veilig_thuis: { nl: 'Veilig Thuis', en: 'Veilig Thuis' },
  local_team: { nl: 'Lokaal team of gemeente', en: 'Local team or municipality' },
  other_professional: { nl: 'Andere professional', en: 'Other professional' },
};

/** The two outcome columns of each share indicator. */
export type ShareIndicator =
  | 'process.assessment_in_time'
  | 'process.investigation_in_time'
  | 'outcome.re_report_rate'
  | 'outcome.stable_safety_share'
  | 'outcome.report_after_closure_6m'
  | 'outcome.report_after_closure_12m'
  | 'outcome.report_after_closure_18m'
  | 'outcome.violence_stopped'
  | 'outcome.experience_expert_share'
  | 'outcome.perpetrator_help'
  | 'measures.restraining_order_extensions';

const NEW_REPORT = {
  yes: { nl: 'Nieuwe melding', en: 'New report' },
  no: { nl: 'Geen nieuwe melding', en: 'No new report' },
} as const;

export const SHARE_LABELS: Readonly<Record<ShareIndicator, { yes: LocalisedText; no: LocalisedText }>> = {
  'process.assessment_in_time': {
    yes: { nl: 'Binnen termijn', en: 'In time' },
    no: { nl: 'Te laat', en: 'Late' },
  },
  'process.investigation_in_time': {
    yes: { nl: 'Binnen 10 weken', en: 'Within 10 weeks' },
    no: { nl: 'Later', en: 'Later' },
  },
  'outcome.re_report_rate': {
    yes: { nl: 'Hermelding', en: 'Re-report' },
    no: { nl: 'Geen hermelding', en: 'Not a re-report' },
  },
  'outcome.stable_safety_share': {
    yes: { nl: 'Stabiele veiligheid bereikt', en: 'Reached stable safety' },
    no: { nl: 'Nog niet', en: 'Not yet' },
  },
  'outcome.report_after_closure_6m': NEW_REPORT,
  'outcome.report_after_closure_12m': NEW_REPORT,
  'outcome.report_after_closure_18m': NEW_REPORT,
  'outcome.violence_stopped': {
    yes: { nl: 'Geen nieuwe melding in 12 maanden', en: 'No new report in 12 months' },
    no: { nl: 'Nieuwe melding', en: 'New report' },
  },
  'outcome.experience_expert_share': {
    yes: { nl: 'Met ervaringsdeskundige', en: 'With an experience expert' },
    no: { nl: 'Zonder', en: 'Without' },
  },
  'outcome.perpetrator_help': {
    yes: { nl: 'Gebruikt', en: 'Used' },
    no: { nl: 'Niet gebruikt (afgewezen of nog geen antwoord)', en: 'Not used (declined or no answer yet)' },
  },
  'measures.restraining_order_extensions': {
    yes: { nl: 'Verlengd', en: 'Extended' },
    no: { nl: 'Niet verlengd', en: 'Not extended' },
  },
};

export const WAITING_LABEL: LocalisedText = { nl: 'Wachtend', en: 'Waiting' };
export const TOTAL_LABEL: LocalisedText = { nl: 'Totaal', en: 'Total' };

export function quarterLabel(key: string): LocalisedText {
  const q = parseQuarter(key);
  if (!q) return { nl: key, en: key };
  return { nl: `${q.year} K${q.quarter}`, en: `${q.year} Q${q.quarter}` };
}

export function sameInBoth(text: string): LocalisedText {
  return { nl: text, en: text };
}
