import { describe, expect, it } from 'vitest';
import { WEIGHING_QUESTION_NUMBERS, type WeighingAnswers, type WeighingOutcome } from './afwegingskader.ts';
import { canReportFromRecord, checkMeldcodeOutcome } from './meldcode-outcome.ts';

const OUTCOMES: readonly WeighingOutcome[] = [
  'close',
  'report',
  'help_and_follow_up',
  'close_with_follow_up_agreements',
];

/** Every combination of yes / no / not answered for the five questions (3^5 = 243). */
function allAnswerSets(): WeighingAnswers[] {
  let sets: WeighingAnswers[] = [{}];
  for (const n of WEIGHING_QUESTION_NUMBERS) {
    sets = sets.flatMap((s) => [s, { ...s, [`q${n}`]: true }, { ...s, [`q${n}`]: false }]);
  }
  return sets;
}

describe('checkMeldcodeOutcome', () => {
  it('with acute or structural unsafety only a report is accepted, in every combination of answers', () => {
    const withUnsafety = allAnswerSets().filter((a) => a.q2 === true);
    expect(withUnsafety).toHaveLength(81);
    for (const answers of withUnsafety) {
      for (const outcome of OUTCOMES) {
        const result = checkMeldcodeOutcome(answers, outcome);
        if (outcome === 'report') expect(result).toEqual({ ok: true });
        else expect(result).toEqual({ ok: false, refusal: 'unsafety_requires_report', expected: 'report' });
      }
    }
  });

  it('accepts exactly one outcome for every complete set of answers, and none for an incomplete one', () => {
    for (const answers of allAnswerSets()) {
      const accepted = OUTCOMES.filter((o) => checkMeldcodeOutcome(answers, o).ok);
      expect(accepted.length, JSON.stringify(answers)).toBeLessThanOrEqual(1);
      if (accepted.length === 0) {
        for (const o of OUTCOMES)
          expect(checkMeldcodeOutcome(answers, o)).toMatchObject({ refusal: 'weighing_incomplete' });
      }
    }
  });

  it('names the expected outcome when another one is chosen', () => {
    expect(checkMeldcodeOutcome({ q1: false }, 'report')).toEqual({
      ok: false,
      refusal: 'outcome_mismatch',
      expected: 'close',
    });
    expect(checkMeldcodeOutcome({ q1: true, q2: false, q3: false }, 'close')).toEqual({
      ok: false,
      refusal: 'outcome_mismatch',
      expected: 'report',
    });
    expect(checkMeldcodeOutcome({ q1: true, q2: false, q3: true, q4: true }, 'help_and_follow_up')).toEqual({
      ok: true,
    });
  });

  it('refuses an outcome before the weighing', () => {
    expect(checkMeldcodeOutcome(null, 'close')).toEqual({ ok: false, refusal: 'weighing_incomplete' });
    expect(checkMeldcodeOutcome({ q1: true }, 'close')).toEqual({
      ok: false,
      refusal: 'weighing_incomplete',
    });
  });
});

describe('canReportFromRecord', () => {
  it.each([
    [{ outcome: 'report', reportId: null }, true],
    [{ outcome: 'report', reportId: 'r1' }, false],
    [{ outcome: 'close', reportId: null }, false],
    [{ outcome: 'help_and_follow_up', reportId: null }, false],
    [{ outcome: null, reportId: null }, false],
  ])('%o → %s', (record, expected) => {
    expect(canReportFromRecord(record)).toBe(expected);
  });
});
