import { DateTime } from 'luxon';
import { AMSTERDAM } from '../working-days.ts';
import type { LocalisedMessage } from './rule-result.ts';

/**
 * Safety assessment in the MDA++/TOP-3 manner (reference.md §5): everyone around the table —
 * household members, children where their age allows, the network and professionals — scores
 * safety from 0 (unsafe) to 10 (safe), the table names its top three concerns and at most three
 * actions, each with an owner and a due date. The 0–10 scaling question is Signs of Safety
 * practice [G]; "three" is the TOP-3 method.
 */
export const PARTICIPANT_TYPES = ['household_member', 'child', 'network', 'professional'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export interface ParticipantScore {
  participantId: string;
  participantType: ParticipantType;
  score: number;
}

export interface SafetyAction {
  description: string;
  ownerId: string;
  /** Amsterdam calendar date (yyyy-mm-dd). */
  dueOn: string;
}

export interface SafetyAssessmentInput {
  assessedAt: Date;
  scores: readonly ParticipantScore[];
  concerns: readonly string[];
  actions: readonly SafetyAction[];
}

export const MAX_CONCERNS = 3;
export const MAX_ACTIONS = 3;

export type AssessmentIssueCode =
  | 'scores_required'
  | 'score_out_of_range'
  | 'participant_required'
  | 'duplicate_participant'
  | 'concerns_count'
  | 'concern_empty'
  | 'duplicate_concern'
  | 'too_many_actions'
  | 'action_description_required'
  | 'action_owner_required'
  | 'action_due_date_invalid'
  | 'action_due_before_assessment';

export interface AssessmentIssue {
  /** Path of the field in the input, as a form library expects it (e.g. `scores.1.score`). */
  path: string;
  code: AssessmentIssueCode;
  message: LocalisedMessage;
}

export const ASSESSMENT_ISSUES: Readonly<Record<AssessmentIssueCode, LocalisedMessage>> = {
  scores_required: {
    nl: 'Minstens één deelnemer geeft een score.',
    en: 'At least one participant gives a score.',
  },
  score_out_of_range: {
    nl: 'Een score is een heel getal van 0 tot en met 10.',
    en: 'A score is a whole number from 0 to 10.',
  },
  participant_required: { nl: 'Kies wie deze score gaf.', en: 'Choose who gave this score.' },
  duplicate_participant: {
    nl: 'Iedere deelnemer geeft één score per beoordeling.',
    en: 'Each participant gives one score per assessment.',
  },
  concerns_count: {
    nl: 'Noem één tot drie zorgen (top 3).',
    en: 'Name one to three concerns (top 3).',
  },
  concern_empty: { nl: 'Een zorg mag niet leeg zijn.', en: 'A concern cannot be empty.' },
  duplicate_concern: { nl: 'Deze zorg staat er al.', en: 'This concern is already listed.' },
  too_many_actions: { nl: 'Spreek ten hoogste drie acties af.', en: 'Agree on at most three actions.' },
  action_description_required: { nl: 'Beschrijf de actie.', en: 'Describe the action.' },
  action_owner_required: { nl: 'Iedere actie heeft een eigenaar.', en: 'Every action has an owner.' },
  action_due_date_invalid: {
    nl: 'Iedere actie heeft een geldige einddatum.',
    en: 'Every action has a valid due date.',
  },
  action_due_before_assessment: {
    nl: 'De einddatum van een actie ligt vóór de beoordeling.',
    en: 'The due date of an action is before the assessment.',
  },
};

export type AssessmentValidation =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'invalid_assessment';
      readonly message: LocalisedMessage;
      readonly issues: AssessmentIssue[];
    };

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/** All problems at once, so a form can show each next to its field. */
export function validateSafetyAssessment(input: SafetyAssessmentInput): AssessmentValidation {
  const issues: AssessmentIssue[] = [];
  const add = (path: string, code: AssessmentIssueCode) =>
    issues.push({ path, code, message: ASSESSMENT_ISSUES[code] });

  if (input.scores.length === 0) add('scores', 'scores_required');
  const seen = new Set<string>();
  input.scores.forEach((s, i) => {
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > 10)
      add(`scores.${i}.score`, 'score_out_of_range');
    if (s.participantId.trim() === '') add(`scores.${i}.participantId`, 'participant_required');
    else if (seen.has(s.participantId)) add(`scores.${i}.participantId`, 'duplicate_participant');
    seen.add(s.participantId);
  });

  if (input.concerns.length < 1 || input.concerns.length > MAX_CONCERNS) add('concerns', 'concerns_count');
  const concerns = new Set<string>();
  input.concerns.forEach((c, i) => {
    if (c.trim() === '') add(`concerns.${i}`, 'concern_empty');
    else if (concerns.has(normalise(c))) add(`concerns.${i}`, 'duplicate_concern');
    concerns.add(normalise(c));
  });

  if (input.actions.length > MAX_ACTIONS) add('actions', 'too_many_actions');
  const assessedOn = DateTime.fromJSDate(input.assessedAt, { zone: AMSTERDAM }).toISODate() ?? '';
  input.actions.forEach((a, i) => {
    if (a.description.trim() === '') add(`actions.${i}.description`, 'action_description_required');
    if (a.ownerId.trim() === '') add(`actions.${i}.ownerId`, 'action_owner_required');
    const due = DateTime.fromISO(a.dueOn, { zone: AMSTERDAM });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dueOn) || !due.isValid)
      add(`actions.${i}.dueOn`, 'action_due_date_invalid');
    else if (a.dueOn < assessedOn) add(`actions.${i}.dueOn`, 'action_due_before_assessment');
  });

  return issues.length === 0
    ? { ok: true }
    : {
        ok: false,
        code: 'invalid_assessment',
        message: {
          nl: 'De veiligheidsbeoordeling is niet volledig of niet juist ingevuld.',
          en: 'The safety assessment is incomplete or not filled in correctly.',
        },
        issues,
      };
}

export interface ScoreStats {
  count: number;
  min: number;
  max: number;
  median: number;
}

export interface SafetyScoreSummary extends ScoreStats {
  /** Per participant type; null when nobody of that type scored (e.g. no children at the table). */
  byType: Record<ParticipantType, ScoreStats | null>;
}

function stats(values: readonly number[]): ScoreStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  // Even count: the mean of the two middle scores, so 4 and 7 give 5.5.
  const median = sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
  return { count: sorted.length, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, median };
}

/**
 * Summary of one assessment. The minimum is shown first because one person feeling unsafe is what
 * matters (*veiligheid voorop*); per type, so a child's low score is not averaged away by adults.
 */
export function summariseSafetyScores(scores: readonly ParticipantScore[]): SafetyScoreSummary | null {
  const all = stats(scores.map((s) => s.score));
  if (all === null) return null;
  const ofType = (type: ParticipantType) =>
    stats(scores.filter((s) => s.participantType === type).map((s) => s.score));
  return {
    ...all,
    byType: {
      household_member: ofType('household_member'),
      child: ofType('child'),
      network: ofType('network'),
      professional: ofType('professional'),
    },
  };
}

export interface SafetyChartPoint {
  at: Date;
  min: number;
  median: number;
}

/** Points for the chart on the case, oldest first; assessments without scores are left out. */
export function buildSafetyChartSeries(
  assessments: readonly Pick<SafetyAssessmentInput, 'assessedAt' | 'scores'>[],
): SafetyChartPoint[] {
  return assessments
    .flatMap((a) => {
      const summary = summariseSafetyScores(a.scores);
      return summary === null ? [] : [{ at: a.assessedAt, min: summary.min, median: summary.median }];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.min - b.min || a.median - b.median);
}

export type SafetyTrend = 'rising' | 'falling' | 'stable' | 'insufficient_data';

export interface TrendOptions {
  /** How many of the latest points to look at. */
  window: number;
  /** Smallest change (in score points) that counts as a movement. */
  threshold: number;
}

export const DEFAULT_TREND_OPTIONS: TrendOptions = { window: 3, threshold: 1 };

/**
 * Direction of the latest assessments: the last value against the first value in the window.
 * Deliberately simple so a professional and the household can check it by eye on the chart.
 */
export function computeSafetyTrend(
  series: readonly { at: Date; value: number }[],
  options: TrendOptions = DEFAULT_TREND_OPTIONS,
): SafetyTrend {
  if (!Number.isInteger(options.window) || options.window < 2)
    throw new RangeError('window must be at least 2');
  if (!(options.threshold > 0)) throw new RangeError('threshold must be positive');
  // Ties at one moment sort by value, so the answer never depends on the order of the input.
  const ordered = [...series].sort((a, b) => a.at.getTime() - b.at.getTime() || a.value - b.value);
  const recent = ordered.slice(-options.window);
  const first = recent[0];
  const last = recent.at(-1);
  if (recent.length < 2 || first === undefined || last === undefined) return 'insufficient_data';
  const delta = last.value - first.value;
  if (delta >= options.threshold) return 'rising';
  if (delta <= -options.threshold) return 'falling';
  return 'stable';
}
