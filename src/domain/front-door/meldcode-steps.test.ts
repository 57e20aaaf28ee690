import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideWeighing, type WeighingDecision } from './afwegingskader.ts';
import {
  checkMeldcodeClosure,
  DEFAULT_MELDCODE_STEPS_VERSION,
  findMeldcodeStepsVersion,
  MELDCODE_STEP_IDS,
  MELDCODE_STEPS_VERSIONS,
  type MeldcodeRecordState,
  type MeldcodeStepId,
  nextMeldcodeStep,
} from './meldcode-steps.ts';

const ALL = MELDCODE_STEP_IDS;
const close = decideWeighing({ q1: false });
const report = decideWeighing({ q2: true });
const help = decideWeighing({ q1: true, q2: false, q3: true, q4: true });
const agreed = decideWeighing({ q1: true, q2: false, q3: true, q4: true, q5: true });
const asking = decideWeighing({ q1: true });

function state(patch: Partial<MeldcodeRecordState>): MeldcodeRecordState {
  return { completedSteps: [], talkSkippedReason: null, weighing: null, reportSubmitted: false, ...patch };
}

describe('meldcode steps data', () => {
  it('has five steps in the legal order in every version', () => {
    for (const v of MELDCODE_STEPS_VERSIONS) {
      expect(v.steps.map((s) => s.id)).toEqual([...ALL]);
      expect(v.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    }
    expect(findMeldcodeStepsVersion(DEFAULT_MELDCODE_STEPS_VERSION).steps[0]?.nl).toContain('kindcheck');
    expect(() => findMeldcodeStepsVersion('2013-1')).toThrow(RangeError);
  });
});

describe('nextMeldcodeStep', () => {
  it.each<[string, Partial<MeldcodeRecordState>, MeldcodeStepId | null]>([
    ['new record', {}, 'map_signals'],
    ['signals mapped', { completedSteps: ['map_signals'] }, 'consult'],
    [
      'gap: step 2 missing although 3 is done',
      { completedSteps: ['map_signals', 'talk_with_client'] },
      'consult',
    ],
    [
      'talk skipped with a reason',
      { completedSteps: ['map_signals', 'consult'], talkSkippedReason: 'gevaar' },
      'weigh',
    ],
    [
      'talk "skipped" with a blank reason',
      { completedSteps: ['map_signals', 'consult'], talkSkippedReason: '  ' },
      'talk_with_client',
    ],
    ['four steps, weighing says close', { completedSteps: ALL.slice(0, 4), weighing: close }, null],
    ['four steps, weighing says report', { completedSteps: ALL.slice(0, 4), weighing: report }, 'decide'],
    ['all five', { completedSteps: ALL, weighing: report }, null],
  ])('%s', (_name, patch, expected) => {
    expect(nextMeldcodeStep(state(patch))).toBe(expected);
  });
});

describe('checkMeldcodeClosure', () => {
  it.each<[string, Partial<MeldcodeRecordState>, boolean, string[]]>([
    [
      'new record',
      {},
      false,
      [
        'step:map_signals',
        'step:consult',
        'step:talk_with_client',
        'step:weigh',
        'step:decide',
        'weighing_incomplete',
      ],
    ],
    [
      'no suspicion after weighing: step 5 not needed',
      { completedSteps: ALL.slice(0, 4), weighing: close },
      true,
      [],
    ],
    [
      'no suspicion, but no colleague consulted',
      { completedSteps: ['map_signals', 'talk_with_client', 'weigh'], weighing: close },
      false,
      ['step:consult'],
    ],
    [
      'report decided but not made',
      { completedSteps: ALL, weighing: report },
      false,
      ['report_not_submitted'],
    ],
    ['report made', { completedSteps: ALL, weighing: report, reportSubmitted: true }, true, []],
    [
      'report made, talk skipped with a reason',
      {
        completedSteps: ['map_signals', 'consult', 'weigh', 'decide'],
        talkSkippedReason: 'onveilig voor cliënt',
        weighing: report,
        reportSubmitted: true,
      },
      true,
      [],
    ],
    ['help under way', { completedSteps: ALL, weighing: help }, false, ['follow_up_pending']],
    ['help worked: close with follow-up agreements', { completedSteps: ALL, weighing: agreed }, true, []],
    ['weighing still asking', { completedSteps: ALL, weighing: asking }, false, ['weighing_incomplete']],
    ['weighing not started', { completedSteps: ALL }, false, ['weighing_incomplete']],
  ])('%s', (_name, patch, mayClose, blockers) => {
    const result = checkMeldcodeClosure(state(patch));
    expect(result.mayClose).toBe(mayClose);
    expect(result.blockers.map((b) => (b.kind === 'step_missing' ? `step:${b.step}` : b.kind))).toEqual(
      blockers,
    );
  });

  const weighings: (WeighingDecision | null)[] = [null, asking, close, report, help, agreed];

  it('property: closable exactly when every required step is done and the weighing is final and acted on', () => {
    fc.assert(
      fc.property(
        fc.subarray([...ALL]),
        fc.constantFrom<string | null>(null, '', ' ', 'veiligheid professional'),
        fc.constantFrom(...weighings),
        fc.boolean(),
        (completedSteps, talkSkippedReason, weighing, reportSubmitted) => {
          const s = state({ completedSteps, talkSkippedReason, weighing, reportSubmitted });
          const { mayClose, blockers } = checkMeldcodeClosure(s);
          expect(mayClose).toBe(blockers.length === 0);
          const talkDone =
            completedSteps.includes('talk_with_client') || (talkSkippedReason ?? '').trim() !== '';
          const outcome = weighing?.kind === 'outcome' ? weighing.outcome : null;
          const stepsNeeded = ALL.filter((x) => !(x === 'decide' && outcome === 'close'));
          const stepsDone = stepsNeeded.every((x) =>
            x === 'talk_with_client' ? talkDone : completedSteps.includes(x),
          );
          const expected =
            stepsDone &&
            (outcome === 'close' ||
              outcome === 'close_with_follow_up_agreements' ||
              (outcome === 'report' && reportSubmitted));
          expect(mayClose).toBe(expected);
          expect(nextMeldcodeStep(s) === null).toBe(stepsDone);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
