import { DateTime } from 'luxon';
import { AMSTERDAM } from '../working-days.ts';
import { ALLOWED, hasText, type LocalisedMessage, refuse, type Verdict } from './rule-result.ts';

/**
 * Phases of Gefaseerd samenwerken aan veiligheid (GSV): first stop the unsafe behaviour
 * (*directe veiligheid*), then work on the risk factors (*stabiele veiligheid*), then recovery
 * (*herstel*) — reference.md §5, approach.md principle 2. *Monitoring* and *afgesloten* follow
 * because Veilig Thuis keeps monitoring until safety holds before it closes (reference.md §1).
 */
export const SAFETY_PHASES = ['direct_safety', 'stable_safety', 'recovery', 'monitoring', 'closed'] as const;
export type SafetyPhase = (typeof SAFETY_PHASES)[number];

export interface PhaseAssessment {
  /** The safety score (0–10) the region uses for closing, e.g. the lowest participant score. */
  score: number;
  at: Date;
}

export interface PhaseRegionConfig {
  /** Lowest score (0–10) at which a case may close. */
  closeThreshold: number;
  /** An assessment older than this many calendar days no longer shows that safety holds. */
  assessmentMaxAgeDays: number;
}

export interface PhaseTransitionFacts {
  hasAgreedSafetyPlan: boolean;
  latestAssessment: PhaseAssessment | null;
  regionConfig: PhaseRegionConfig;
  reason: string;
  now: Date;
}

export type PhaseRefusalCode =
  | 'same_phase'
  | 'case_closed'
  | 'phase_skip_not_allowed'
  | 'step_back_only_to_direct_safety'
  | 'reason_required'
  | 'safety_plan_required'
  | 'assessment_required'
  | 'assessment_invalid'
  | 'assessment_in_future'
  | 'assessment_outdated'
  | 'safety_score_below_threshold';

export const PHASE_REFUSALS: Readonly<Record<PhaseRefusalCode, LocalisedMessage>> = {
  same_phase: { nl: 'De casus zit al in deze fase.', en: 'The case is already in this phase.' },
  case_closed: {
    nl: 'Een afgesloten casus kan alleen heropend worden naar directe veiligheid.',
    en: 'A closed case can only be reopened to direct safety.',
  },
  phase_skip_not_allowed: {
    nl: 'Een fase overslaan kan niet; ga één fase tegelijk verder.',
    en: 'Phases cannot be skipped; move forward one phase at a time.',
  },
  step_back_only_to_direct_safety: {
    nl: 'Terug kan alleen naar directe veiligheid, bijvoorbeeld na een nieuw incident.',
    en: 'A case can only move back to direct safety, for example after a new incident.',
  },
  reason_required: {
    nl: 'Geef een reden voor de faseovergang.',
    en: 'Give a reason for the phase change.',
  },
  safety_plan_required: {
    nl: 'Directe veiligheid verlaten kan pas als er een afgesproken veiligheidsplan is.',
    en: 'Direct safety can only be left once a safety plan has been agreed.',
  },
  assessment_required: {
    nl: 'Afsluiten vraagt om een recente veiligheidsbeoordeling.',
    en: 'Closing requires a recent safety assessment.',
  },
  assessment_invalid: {
    nl: 'De laatste veiligheidsscore ligt niet tussen 0 en 10.',
    en: 'The latest safety score is not between 0 and 10.',
  },
  assessment_in_future: {
    nl: 'De laatste veiligheidsbeoordeling ligt in de toekomst.',
    en: 'The latest safety assessment is dated in the future.',
  },
  assessment_outdated: {
    nl: 'De laatste veiligheidsbeoordeling is te oud om af te sluiten; scoor de veiligheid opnieuw.',
    en: 'The latest safety assessment is too old to close the case; score safety again.',
  },
  safety_score_below_threshold: {
    nl: 'De veiligheidsscore is lager dan de drempel van de regio voor afsluiten.',
    en: "The safety score is below the region's threshold for closing.",
  },
};

function phaseIndex(phase: SafetyPhase): number {
  return SAFETY_PHASES.indexOf(phase);
}

/** The phase after this one, or null for closed (reopening is a separate move). */
export function nextSafetyPhase(phase: SafetyPhase): SafetyPhase | null {
  return phase === 'closed' ? null : (SAFETY_PHASES[phaseIndex(phase) + 1] ?? null);
}

/** Phases a case may in principle move to from `from`, before conditions are checked (for the UI). */
export function listPhaseTargets(from: SafetyPhase): SafetyPhase[] {
  if (from === 'closed') return ['direct_safety'];
  const next = nextSafetyPhase(from);
  const targets: SafetyPhase[] = from === 'direct_safety' ? [] : ['direct_safety'];
  return next === null ? targets : [...targets, next];
}

function assertRegionConfig(config: PhaseRegionConfig): void {
  const { closeThreshold, assessmentMaxAgeDays } = config;
  if (!Number.isFinite(closeThreshold) || closeThreshold < 0 || closeThreshold > 10)
    throw new RangeError('closeThreshold must be between 0 and 10');
  if (!Number.isInteger(assessmentMaxAgeDays) || assessmentMaxAgeDays < 0)
    throw new RangeError('assessmentMaxAgeDays must be a non-negative integer');
}

function checkClosing(facts: PhaseTransitionFacts): Verdict<PhaseRefusalCode> {
  const { latestAssessment: assessment, regionConfig, now } = facts;
  const no = (code: PhaseRefusalCode) => refuse(code, PHASE_REFUSALS[code]);
  if (assessment === null) return no('assessment_required');
  if (!Number.isFinite(assessment.score) || assessment.score < 0 || assessment.score > 10)
    return no('assessment_invalid');
  if (assessment.at.getTime() > now.getTime()) return no('assessment_in_future');
  // Calendar days in Amsterdam, so an assessment from "30 days ago" stays valid across a DST change.
  const validUntil = DateTime.fromJSDate(assessment.at, { zone: AMSTERDAM }).plus({
    days: regionConfig.assessmentMaxAgeDays,
  });
  if (now.getTime() > validUntil.toMillis()) return no('assessment_outdated');
  if (assessment.score < regionConfig.closeThreshold) return no('safety_score_below_threshold');
  return ALLOWED;
}

/**
 * Whether a case may move from one GSV phase to another. Checks run in a fixed order — shape of the
 * move, then the reason, then the conditions — so the same facts always give the same code.
 *
 * - Forward one phase at a time: the phases build on each other (GSV, reference.md §5).
 * - Leaving direct safety needs an agreed safety plan (issue 3 §3; approach.md principle 2).
 * - Closing needs a recent assessment at or above the region's threshold: "a case does not close
 *   before stable safety" (approach.md principle 2); threshold and age are regional choices.
 * - Any open phase may fall back to direct safety. We never block a move towards more safety
 *   (*veiligheid voorop*); the reason records the new incident.
 * - A closed case reopens in direct safety (issue 3 §11), again with a reason.
 */
export function decidePhaseTransition(
  from: SafetyPhase,
  to: SafetyPhase,
  facts: PhaseTransitionFacts,
): Verdict<PhaseRefusalCode> {
  assertRegionConfig(facts.regionConfig);
  const no = (code: PhaseRefusalCode) => refuse(code, PHASE_REFUSALS[code]);
  if (from === to) return no('same_phase');
  if (from === 'closed' && to !== 'direct_safety') return no('case_closed');
  const forward = phaseIndex(to) > phaseIndex(from);
  if (forward && phaseIndex(to) !== phaseIndex(from) + 1) return no('phase_skip_not_allowed');
  if (!forward && to !== 'direct_safety') return no('step_back_only_to_direct_safety');
  if (!hasText(facts.reason)) return no('reason_required');
  if (from === 'direct_safety' && !facts.hasAgreedSafetyPlan) return no('safety_plan_required');
  if (to === 'closed') return checkClosing(facts);
  return ALLOWED;
}
