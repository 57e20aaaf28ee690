import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHING_TEXT_VERSION,
  decideWeighing,
  findWeighingTextVersion,
  isFinalWeighingDecision,
  WEIGHING_QUESTION_NUMBERS,
  WEIGHING_TEXT_VERSIONS,
  type WeighingAnswers,
  type WeighingDecision,
} from './afwegingskader.ts';

type Answer = boolean | undefined;
const ANSWER_VALUES: readonly Answer[] = [undefined, true, false];

function allAnswerSets(): WeighingAnswers[] {
  const sets: WeighingAnswers[] = [];
  for (const q1 of ANSWER_VALUES)
    for (const q2 of ANSWER_VALUES)
      for (const q3 of ANSWER_VALUES)
        for (const q4 of ANSWER_VALUES)
          for (const q5 of ANSWER_VALUES) {
            const set: WeighingAnswers = {};
            if (q1 !== undefined) set.q1 = q1;
            if (q2 !== undefined) set.q2 = q2;
            if (q3 !== undefined) set.q3 = q3;
            if (q4 !== undefined) set.q4 = q4;
            if (q5 !== undefined) set.q5 = q5;
            sets.push(set);
          }
  return sets;
}

/**
 * The reference table (reference §3) written as first-match patterns: 'y' yes, 'n' no, '-' not
 * answered, '*' anything. Order: q1..q5.
 */
const TABLE: readonly [string, string][] = [
  ['*y***', 'report/acute_or_structural_unsafety'],
  ['-****', 'ask 1'],
  ['n****', 'close/no_suspicion'],
  ['y-***', 'ask 2'],
  ['yn-**', 'ask 3'],
  ['ynn**', 'report/cannot_offer_help'],
  ['yny-*', 'ask 4'],
  ['ynyn*', 'report/help_not_accepted'],
  ['ynyy-', 'help_and_follow_up/help_accepted'],
  ['ynyyn', 'report/safety_not_achieved'],
  ['ynyyy', 'close_with_follow_up_agreements/safety_achieved'],
];

function patternOf(a: WeighingAnswers): string {
  return [a.q1, a.q2, a.q3, a.q4, a.q5].map((v) => (v === undefined ? '-' : v ? 'y' : 'n')).join('');
}

function expectedFromTable(a: WeighingAnswers): string {
  const p = patternOf(a);
  const row = TABLE.find(([pattern]) => [...pattern].every((c, i) => c === '*' || c === p[i]));
  if (!row) throw new Error(`table has no row for ${p}`);
  return row[1];
}

function describeDecision(d: WeighingDecision): string {
  return d.kind === 'question' ? `ask ${d.question}` : `${d.outcome}/${d.reason}`;
}

const answersArbitrary = fc.record(
  {
    q1: fc.boolean(),
    q2: fc.boolean(),
    q3: fc.boolean(),
    q4: fc.boolean(),
    q5: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('afwegingskader decision', () => {
  const sets = allAnswerSets();

  it('covers all 3^5 = 243 combinations of yes / no / not answered', () => {
    expect(sets).toHaveLength(243);
    expect(new Set(sets.map(patternOf)).size).toBe(243);
  });

  it.each(sets.map((s) => [patternOf(s), s] as const))('%s follows the reference table', (_p, answers) => {
    expect(describeDecision(decideWeighing(answers))).toBe(expectedFromTable(answers));
  });

  it('has the expected number of combinations per result (hand-counted)', () => {
    const counts = new Map<string, number>();
    for (const s of sets) {
      const d = decideWeighing(s);
      const key = d.kind === 'question' ? `ask ${d.question}` : d.outcome;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      report: 81 + 9 + 3 + 1,
      close: 54,
      'ask 1': 54,
      'ask 2': 27,
      'ask 3': 9,
      'ask 4': 3,
      help_and_follow_up: 1,
      close_with_follow_up_agreements: 1,
    });
  });

  it.each<[string, WeighingAnswers, WeighingDecision]>([
    ['nothing answered', {}, { kind: 'question', question: 1 }],
    ['no suspicion', { q1: false }, { kind: 'outcome', outcome: 'close', reason: 'no_suspicion' }],
    [
      'acute unsafety before question 1 was answered',
      { q2: true },
      { kind: 'outcome', outcome: 'report', reason: 'acute_or_structural_unsafety' },
    ],
    [
      'acute unsafety even when the professional also says they can help and the family accepts',
      { q1: true, q2: true, q3: true, q4: true, q5: true },
      { kind: 'outcome', outcome: 'report', reason: 'acute_or_structural_unsafety' },
    ],
    [
      'help accepted: follow up and ask question 5 later',
      { q1: true, q2: false, q3: true, q4: true },
      { kind: 'outcome', outcome: 'help_and_follow_up', reason: 'help_accepted', followUpQuestion: 5 },
    ],
    [
      'help did not bring safety: report (again)',
      { q1: true, q2: false, q3: true, q4: true, q5: false },
      { kind: 'outcome', outcome: 'report', reason: 'safety_not_achieved' },
    ],
    [
      'answers past an unanswered question are not used',
      { q1: true, q3: true, q4: true, q5: true },
      { kind: 'question', question: 2 },
    ],
  ])('%s', (_name, answers, expected) => {
    expect(decideWeighing(answers)).toEqual(expected);
  });

  it('property: any answer set with q2 = yes yields a report', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const d = decideWeighing({ ...answers, q2: true });
        expect(d).toEqual({ kind: 'outcome', outcome: 'report', reason: 'acute_or_structural_unsafety' });
      }),
      { numRuns: 500 },
    );
  });

  it('property: answering the asked question never reopens an earlier question', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.boolean(), (answers, value) => {
        const before = decideWeighing(answers);
        if (before.kind !== 'question') return;
        const after = decideWeighing({ ...answers, [`q${before.question}`]: value });
        if (after.kind === 'question') expect(after.question).toBeGreaterThan(before.question);
      }),
      { numRuns: 500 },
    );
  });

  it('only help_and_follow_up is not final', () => {
    expect(isFinalWeighingDecision({ kind: 'question', question: 3 })).toBe(false);
    expect(isFinalWeighingDecision(decideWeighing({ q1: true, q2: false, q3: true, q4: true }))).toBe(false);
    expect(isFinalWeighingDecision(decideWeighing({ q1: false }))).toBe(true);
    expect(isFinalWeighingDecision(decideWeighing({ q2: true }))).toBe(true);
    expect(
      isFinalWeighingDecision(decideWeighing({ q1: true, q2: false, q3: true, q4: true, q5: true })),
    ).toBe(true);
  });
});

describe('afwegingskader texts', () => {
  it('every version has all five questions in order, in Dutch and English', () => {
    for (const version of WEIGHING_TEXT_VERSIONS) {
      expect(version.questions.map((q) => q.number)).toEqual([...WEIGHING_QUESTION_NUMBERS]);
      for (const q of version.questions) {
        expect(q.nl.trim()).not.toBe('');
        expect(q.en.trim()).not.toBe('');
        expect(q.nl.endsWith('?')).toBe(true);
      }
    }
  });

  it('version ids are unique and the default exists', () => {
    const ids = WEIGHING_TEXT_VERSIONS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findWeighingTextVersion(DEFAULT_WEIGHING_TEXT_VERSION).id).toBe('2019-1');
  });

  it('keeps both readings of question 1 apart', () => {
    expect(findWeighingTextVersion('2019-1').questions[0]?.nl).toContain('stappen 1 tot en met 3');
    expect(findWeighingTextVersion('2019-1-nji').questions[0]?.nl).toContain('stappen 1 tot en met 4');
    expect(findWeighingTextVersion('2019-1').questions[1]?.nl).toBe(
      'Is er sprake van acute onveiligheid en/of structurele onveiligheid?',
    );
  });

  it('rejects an unknown version', () => {
    expect(() => findWeighingTextVersion('2018-1')).toThrow(RangeError);
  });
});
