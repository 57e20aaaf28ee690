import { ALLOWED, hasText, type LocalisedMessage, refuse, type Verdict } from './rule-result.ts';

/**
 * A structured risk checklist (risicotaxatie-lijst): weighted yes/no items whose sum gives an
 * advised risk band. The advice supports professional judgement; it is never the verdict. The
 * professional records their own conclusion, and when it differs from the advice, why.
 */
export const RISK_BANDS = ['low', 'elevated', 'high'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const CHECKLIST_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

export interface ChecklistItem {
  /** Stable within a definition's versions; results store answers by it. */
  readonly id: string;
  /** Points a "yes" adds; a positive integer. */
  readonly weight: number;
  /**
   * A "yes" raises the advice to at least this band whatever the sum, for items that research
   * links to lethal outcomes on their own (e.g. strangulation, threats to kill).
   */
  readonly minimumBand?: RiskBand;
  readonly text: LocalisedMessage;
}

export interface ChecklistSection {
  readonly id: string;
  readonly title: LocalisedMessage;
  readonly items: readonly ChecklistItem[];
}

export interface ChecklistDefinition {
  readonly id: string;
  /** A published version is never changed; a change is a new version (results keep theirs). */
  readonly version: number;
  readonly title: LocalisedMessage;
  readonly description: LocalisedMessage;
  /** Which public instruments inspired the wording and weights (not a copy of them). */
  readonly inspiration: LocalisedMessage;
  readonly sections: readonly ChecklistSection[];
  /** Score at which the advice becomes "elevated" and "high"; 0 < elevatedFrom < highFrom ≤ max. */
  readonly bands: { readonly elevatedFrom: number; readonly highFrom: number };
}

export type ChecklistAnswers = Readonly<Record<string, ChecklistAnswer>>;

export interface ChecklistScore {
  score: number;
  maxScore: number;
  /** The band the score and the floors of the items answered "yes" advise. */
  advisedBand: RiskBand;
  /** The band if every "unknown" were a "yes": how much the unknowns could matter. */
  bandIfUnknownsYes: RiskBand;
  yesCount: number;
  unknownCount: number;
  /** Items answered "yes" that raised the advice by their floor. */
  raisedBy: string[];
}

export const CHECKLIST_ISSUES = {
  missing_answer: { nl: 'Beantwoord deze vraag.', en: 'Answer this question.' },
  unknown_item: { nl: 'Deze vraag hoort niet bij de lijst.', en: 'This question is not on the checklist.' },
  override_reason_required: {
    nl: 'Uw conclusie wijkt af van het advies: onderbouw waarom.',
    en: 'Your conclusion differs from the advice: explain why.',
  },
} as const satisfies Record<string, LocalisedMessage>;
export type ChecklistIssueCode = keyof typeof CHECKLIST_ISSUES;

export interface ChecklistIssue {
  /** The item id the issue is about. */
  itemId: string;
  code: ChecklistIssueCode;
  message: LocalisedMessage;
}

export type ChecklistScoreResult = ({ ok: true } & ChecklistScore) | { ok: false; issues: ChecklistIssue[] };

const rank = (band: RiskBand) => RISK_BANDS.indexOf(band);
const higher = (a: RiskBand, b: RiskBand): RiskBand => (rank(a) >= rank(b) ? a : b);

export function listItems(definition: ChecklistDefinition): ChecklistItem[] {
  return definition.sections.flatMap((s) => s.items);
}

export function maxScoreOf(definition: ChecklistDefinition): number {
  return listItems(definition).reduce((sum, item) => sum + item.weight, 0);
}

/** The band a sum falls in, before the items' floors. */
export function bandOfScore(definition: ChecklistDefinition, score: number): RiskBand {
  if (score >= definition.bands.highFrom) return 'high';
  if (score >= definition.bands.elevatedFrom) return 'elevated';
  return 'low';
}

function adviseFor(definition: ChecklistDefinition, isYes: (item: ChecklistItem) => boolean) {
  let score = 0;
  let floor: RiskBand = 'low';
  const raisedBy: string[] = [];
  for (const item of listItems(definition)) {
    if (!isYes(item)) continue;
    score += item.weight;
    if (item.minimumBand) {
      floor = higher(floor, item.minimumBand);
      raisedBy.push(item.id);
    }
  }
  return { score, band: higher(bandOfScore(definition, score), floor), raisedBy };
}

/**
 * Scores a filled-in checklist. Every item needs an answer ("unknown" is an answer and counts as
 * no points — the result says how far the unknowns could move the advice); answers to items that
 * are not on the list are refused, so nothing is stored that the list cannot explain.
 */
export function scoreChecklist(
  definition: ChecklistDefinition,
  answers: ChecklistAnswers,
): ChecklistScoreResult {
  const items = listItems(definition);
  const known = new Set(items.map((i) => i.id));
  const issues: ChecklistIssue[] = [];
  for (const item of items) {
    if (!Object.hasOwn(answers, item.id))
      issues.push({ itemId: item.id, code: 'missing_answer', message: CHECKLIST_ISSUES.missing_answer });
  }
  for (const itemId of Object.keys(answers)) {
    if (!known.has(itemId))
      issues.push({ itemId, code: 'unknown_item', message: CHECKLIST_ISSUES.unknown_item });
  }
  if (issues.length > 0) return { ok: false, issues };

  const advice = adviseFor(definition, (item) => answers[item.id] === 'yes');
  const upper = adviseFor(definition, (item) => answers[item.id] !== 'no');
  return {
    ok: true,
    score: advice.score,
    maxScore: maxScoreOf(definition),
    advisedBand: advice.band,
    bandIfUnknownsYes: upper.band,
    yesCount: items.filter((i) => answers[i.id] === 'yes').length,
    unknownCount: items.filter((i) => answers[i.id] === 'unknown').length,
    raisedBy: advice.raisedBy,
  };
}

/**
 * The professional's conclusion stands; when it differs from the advice (up or down) the reason is
 * required, so that anyone reading the result later sees who departed from the list and why.
 */
export function decideConclusion(input: {
  advisedBand: RiskBand;
  conclusion: RiskBand;
  overrideReason: string | null | undefined;
}): Verdict<'override_reason_required'> {
  if (input.conclusion === input.advisedBand) return ALLOWED;
  if (hasText(input.overrideReason)) return ALLOWED;
  return refuse('override_reason_required', CHECKLIST_ISSUES.override_reason_required);
}

/**
 * What makes a definition usable; checked by a test over every shipped definition, so a wrong
 * threshold or a duplicate item id never reaches a professional.
 */
export function validateChecklistDefinition(definition: ChecklistDefinition): string[] {
  const problems: string[] = [];
  const items = listItems(definition);
  const ids = items.map((i) => i.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) problems.push(`duplicate item ids: ${[...new Set(duplicates)].join(', ')}`);
  const sectionIds = definition.sections.map((s) => s.id);
  if (new Set(sectionIds).size !== sectionIds.length) problems.push('duplicate section ids');
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(definition.id)) problems.push(`bad checklist id: ${definition.id}`);
  if (!Number.isInteger(definition.version) || definition.version < 1) problems.push('version must be ≥ 1');
  if (items.length === 0) problems.push('no items');
  for (const item of items) {
    if (!/^[a-z0-9][a-z0-9_]*$/.test(item.id)) problems.push(`bad item id: ${item.id}`);
    if (!Number.isInteger(item.weight) || item.weight < 1) problems.push(`weight of ${item.id} must be ≥ 1`);
    if (!hasText(item.text.nl) || !hasText(item.text.en)) problems.push(`text of ${item.id} missing`);
  }
  const { elevatedFrom, highFrom } = definition.bands;
  const max = maxScoreOf(definition);
  if (!(Number.isInteger(elevatedFrom) && Number.isInteger(highFrom)))
    problems.push('band thresholds must be integers');
  if (!(elevatedFrom > 0 && elevatedFrom < highFrom && highFrom <= max))
    problems.push(`band thresholds must satisfy 0 < ${elevatedFrom} < ${highFrom} ≤ ${max}`);
  return problems;
}
