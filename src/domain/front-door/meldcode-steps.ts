import type { WeighingDecision } from './afwegingskader.ts';

/**
 * The five steps of the meldcode (Besluit verplichte meldcode art. 2; reference §3), as data with
 * a version id, and the rules for which step comes next and when a professional's record may be
 * closed.
 */

export const MELDCODE_STEP_IDS = ['map_signals', 'consult', 'talk_with_client', 'weigh', 'decide'] as const;
export type MeldcodeStepId = (typeof MELDCODE_STEP_IDS)[number];

export interface MeldcodeStep {
  id: MeldcodeStepId;
  number: 1 | 2 | 3 | 4 | 5;
  nl: string;
  en: string;
}

export interface MeldcodeStepsVersion {
  id: string;
  validFrom: string;
  steps: readonly MeldcodeStep[];
}

export const MELDCODE_STEPS_VERSIONS: readonly MeldcodeStepsVersion[] = [
  {
    id: '2019-1',
    validFrom: '2019-01-01',
    steps: [
      {
        id: 'map_signals',
        number: 1,
        nl: 'Breng signalen in kaart (met de kindcheck)',
        en: 'Map the signals (including the kindcheck)',
      },
      {
        id: 'consult',
        number: 2,
        nl: 'Overleg met een collega en raadpleeg zo nodig Veilig Thuis of een letseldeskundige',
        en: 'Consult a colleague and, if needed, Veilig Thuis or an injury expert',
      },
      { id: 'talk_with_client', number: 3, nl: 'Ga in gesprek met de cliënt', en: 'Talk with the client' },
      {
        id: 'weigh',
        number: 4,
        nl: 'Weeg het geweld of de kindermishandeling met het afwegingskader; raadpleeg bij twijfel Veilig Thuis',
        en: 'Weigh the violence or abuse with the weighing framework; consult Veilig Thuis when in doubt',
      },
      {
        id: 'decide',
        number: 5,
        nl: 'Beslis: zelf hulp bieden of organiseren en/of melden bij Veilig Thuis',
        en: 'Decide: offer or organise help yourself and/or report to Veilig Thuis',
      },
    ],
  },
];

export const DEFAULT_MELDCODE_STEPS_VERSION = '2019-1';

export function findMeldcodeStepsVersion(id: string): MeldcodeStepsVersion {
  const found = MELDCODE_STEPS_VERSIONS.find((v) => v.id === id);
  if (!found) throw new RangeError(`unknown meldcode steps version: ${id}`);
  return found;
}

export interface MeldcodeRecordState {
  /** Steps documented in the record. */
  completedSteps: readonly MeldcodeStepId[];
  /**
   * Why the talk with the client was left out, if it was. Common meldcode practice [G]: no talk
   * when it would endanger the client, others or the professional, or make the client break
   * contact. An empty reason does not count.
   */
  talkSkippedReason: string | null;
  /** The afwegingskader result for the record's answers (decideWeighing), null before step 4. */
  weighing: WeighingDecision | null;
  /** A report was made to Veilig Thuis from this record. */
  reportSubmitted: boolean;
}

export type CloseBlocker =
  | { kind: 'step_missing'; step: MeldcodeStepId }
  | { kind: 'weighing_incomplete' }
  | { kind: 'report_not_submitted' }
  | { kind: 'follow_up_pending' };

function isStepDone(state: MeldcodeRecordState, step: MeldcodeStepId): boolean {
  if (state.completedSteps.includes(step)) return true;
  return step === 'talk_with_client' && (state.talkSkippedReason ?? '').trim() !== '';
}

/** Steps that must be documented before the record may be closed, given the weighing outcome. */
function requiredSteps(state: MeldcodeRecordState): readonly MeldcodeStepId[] {
  // With no suspicion left after weighing (question 1 = no) there is nothing to decide in step 5.
  const noSuspicion = state.weighing?.kind === 'outcome' && state.weighing.outcome === 'close';
  return noSuspicion ? MELDCODE_STEP_IDS.filter((s) => s !== 'decide') : MELDCODE_STEP_IDS;
}

/** The first step that is not yet documented, or null when all required steps are. */
export function nextMeldcodeStep(state: MeldcodeRecordState): MeldcodeStepId | null {
  return requiredSteps(state).find((s) => !isStepDone(state, s)) ?? null;
}

/**
 * Whether the professional's record may be closed, with every reason it may not. A report closes
 * the professional's part only once it was actually made; accepted help keeps the record open
 * until question 5 is answered at the follow-up moment.
 */
export function checkMeldcodeClosure(state: MeldcodeRecordState): {
  mayClose: boolean;
  blockers: readonly CloseBlocker[];
} {
  const blockers: CloseBlocker[] = requiredSteps(state)
    .filter((s) => !isStepDone(state, s))
    .map((step) => ({ kind: 'step_missing', step }));
  const w = state.weighing;
  if (w === null || w.kind === 'question') blockers.push({ kind: 'weighing_incomplete' });
  else if (w.outcome === 'report' && !state.reportSubmitted) blockers.push({ kind: 'report_not_submitted' });
  else if (w.outcome === 'help_and_follow_up') blockers.push({ kind: 'follow_up_pending' });
  return { mayClose: blockers.length === 0, blockers };
}
