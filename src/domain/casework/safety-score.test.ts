import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM } from '../working-days.ts';
import {
  ASSESSMENT_ISSUES,
  buildSafetyChartSeries,
  computeSafetyTrend,
  PARTICIPANT_TYPES,
  type ParticipantScore,
  type SafetyAssessmentInput,
  summariseSafetyScores,
  validateSafetyAssessment,
} from './safety-score.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();

function valid(overrides: Partial<SafetyAssessmentInput> = {}): SafetyAssessmentInput {
  return {
    assessedAt: at('2026-06-15T14:00'),
    scores: [
      { participantId: 'moeder', participantType: 'household_member', score: 6 },
      { participantId: 'vader', participantType: 'household_member', score: 8 },
      { participantId: 'kind-12', participantType: 'child', score: 3 },
      { participantId: 'regisseur', participantType: 'professional', score: 5 },
    ],
    concerns: ['Escalerende ruzies als vader drinkt', 'Kind durft niet naar huis', 'Schulden'],
    actions: [
      { description: 'Aanmelden verslavingszorg', ownerId: 'vader', dueOn: '2026-06-22' },
      { description: 'Vertrouwenspersoon op school', ownerId: 'regisseur', dueOn: '2026-06-15' },
      { description: 'Budgetcoaching', ownerId: 'wijkteam', dueOn: '2026-07-01' },
    ],
    ...overrides,
  };
}

const issues = (input: SafetyAssessmentInput) => {
  const result = validateSafetyAssessment(input);
  return result.ok ? [] : result.issues.map((i) => `${i.path}:${i.code}`);
};

describe('validateSafetyAssessment', () => {
  it('accepts a complete TOP-3 assessment', () => {
    expect(validateSafetyAssessment(valid())).toEqual({ ok: true });
  });
  it('accepts one concern and no actions', () => {
    expect(issues(valid({ concerns: ['Ruzies'], actions: [] }))).toEqual([]);
  });
  it.each([
    [0, []],
    [10, []],
    [-1, ['scores.0.score:score_out_of_range']],
    [11, ['scores.0.score:score_out_of_range']],
    [5.5, ['scores.0.score:score_out_of_range']],
    [Number.NaN, ['scores.0.score:score_out_of_range']],
    [Number.POSITIVE_INFINITY, ['scores.0.score:score_out_of_range']],
  ])('score %s → %j', (score, expected) => {
    expect(
      issues(valid({ scores: [{ participantId: 'moeder', participantType: 'household_member', score }] })),
    ).toEqual(expected);
  });
  it('needs at least one score, one per participant, each with a participant', () => {
    expect(issues(valid({ scores: [] }))).toEqual(['scores:scores_required']);
    expect(
      issues(
        valid({
          scores: [
            { participantId: 'moeder', participantType: 'household_member', score: 5 },
            { participantId: 'moeder', participantType: 'household_member', score: 7 },
            { participantId: '  ', participantType: 'professional', score: 7 },
          ],
        }),
      ),
    ).toEqual([
      'scores.1.participantId:duplicate_participant',
      'scores.2.participantId:participant_required',
    ]);
  });
  it.each([
    [[], ['concerns:concerns_count']],
    [['a', 'b', 'c', 'd'], ['concerns:concerns_count']],
    [['Ruzies', ''], ['concerns.1:concern_empty']],
    [['   '], ['concerns.0:concern_empty']],
    [['Ruzies', ' ruzies  '], ['concerns.1:duplicate_concern']],
    [['Ruzies', 'Schulden', 'Drank'], []],
  ])('concerns %j → %j', (concerns, expected) => {
    expect(issues(valid({ concerns }))).toEqual(expected);
  });
  it('at most three actions, each with description, owner and a due date not before the assessment day', () => {
    const action = { description: 'Actie', ownerId: 'regisseur', dueOn: '2026-06-20' };
    expect(issues(valid({ actions: [action, action, action, action] }))).toEqual([
      'actions:too_many_actions',
    ]);
    expect(
      issues(
        valid({
          actions: [
            { description: ' ', ownerId: '', dueOn: '2026-06-20' },
            { description: 'Actie', ownerId: 'x', dueOn: '2026-06-14' },
            { description: 'Actie', ownerId: 'x', dueOn: '2026-02-30' },
          ],
        }),
      ),
    ).toEqual([
      'actions.0.description:action_description_required',
      'actions.0.ownerId:action_owner_required',
      'actions.1.dueOn:action_due_before_assessment',
      'actions.2.dueOn:action_due_date_invalid',
    ]);
  });
  it.each(['20-06-2026', '2026-6-20', '2026-06-20T10:00', '', 'morgen'])(
    'rejects the due date %j',
    (dueOn) => {
      expect(issues(valid({ actions: [{ description: 'Actie', ownerId: 'x', dueOn }] }))).toEqual([
        'actions.0.dueOn:action_due_date_invalid',
      ]);
    },
  );
  it('the assessment day is the Amsterdam day: 23:30 UTC on 14 June is 15 June', () => {
    const late = valid({ assessedAt: new Date('2026-06-14T23:30:00Z') });
    expect(
      issues({ ...late, actions: [{ description: 'Actie', ownerId: 'x', dueOn: '2026-06-15' }] }),
    ).toEqual([]);
    expect(
      issues({ ...late, actions: [{ description: 'Actie', ownerId: 'x', dueOn: '2026-06-14' }] }),
    ).toEqual(['actions.0.dueOn:action_due_before_assessment']);
  });
  it('reports every problem with its Dutch and English text', () => {
    const result = validateSafetyAssessment(valid({ scores: [], concerns: [] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_assessment');
    expect(result.issues.map((i) => i.message)).toEqual([
      ASSESSMENT_ISSUES.scores_required,
      ASSESSMENT_ISSUES.concerns_count,
    ]);
    for (const message of Object.values(ASSESSMENT_ISSUES)) {
      expect(message.nl.trim()).not.toBe('');
      expect(message.en.trim()).not.toBe('');
    }
  });
});

describe('summariseSafetyScores', () => {
  it('min, max, median and per participant type', () => {
    expect(summariseSafetyScores(valid().scores)).toEqual({
      count: 4,
      min: 3,
      max: 8,
      median: 5.5,
      byType: {
        household_member: { count: 2, min: 6, max: 8, median: 7 },
        child: { count: 1, min: 3, max: 3, median: 3 },
        network: null,
        professional: { count: 1, min: 5, max: 5, median: 5 },
      },
    });
  });
  it.each([
    [[7], 7],
    [[2, 9], 5.5],
    [[9, 1, 5], 5],
    [[10, 0, 4, 6], 5],
    [[3, 3, 3, 10, 10], 3],
    [[0, 0, 10, 10], 5],
  ])('median of %j is %s', (values, median) => {
    const scores = values.map((score, i) => ({
      participantId: `p${i}`,
      participantType: 'network' as const,
      score,
    }));
    expect(summariseSafetyScores(scores)?.median).toBe(median);
  });
  it('returns null without scores', () => {
    expect(summariseSafetyScores([])).toBeNull();
  });
});

describe('chart series and trend', () => {
  const assessment = (iso: string, scores: number[]) => ({
    assessedAt: at(iso),
    scores: scores.map((score, i) => ({
      participantId: `p${i}`,
      participantType: 'household_member' as const,
      score,
    })),
  });
  it('orders points oldest first and skips assessments without scores', () => {
    const series = buildSafetyChartSeries([
      assessment('2026-06-01T10:00', [5, 7]),
      assessment('2026-04-01T10:00', [2, 3, 4]),
      assessment('2026-05-01T10:00', []),
    ]);
    expect(series).toEqual([
      { at: at('2026-04-01T10:00'), min: 2, median: 3 },
      { at: at('2026-06-01T10:00'), min: 5, median: 6 },
    ]);
  });
  const points = (...values: number[]) =>
    values.map((value, i) => ({ at: new Date(Date.UTC(2026, 0, 1 + i * 14)), value }));
  it.each([
    [[], 'insufficient_data'],
    [[5], 'insufficient_data'],
    [[5, 6], 'rising'],
    [[5, 5.5], 'stable'],
    [[5, 4], 'falling'],
    [[5, 4.5], 'stable'],
    [[2, 9, 9, 4, 5], 'falling'],
    [[9, 2, 2, 4, 5], 'rising'],
    [[3, 8, 4], 'rising'],
    [[7, 2, 7], 'stable'],
    [[1, 2, 3, 4, 5], 'rising'],
  ])('%j → %s', (values, trend) => {
    expect(computeSafetyTrend(points(...values))).toBe(trend);
  });
  it('reads the series in time order, not input order', () => {
    expect(computeSafetyTrend(points(3, 5, 8).reverse())).toBe('rising');
  });
  it('window and threshold are options', () => {
    expect(computeSafetyTrend(points(9, 2, 2, 4, 5), { window: 2, threshold: 1 })).toBe('rising');
    expect(computeSafetyTrend(points(5, 6), { window: 3, threshold: 2 })).toBe('stable');
    expect(() => computeSafetyTrend(points(5, 6), { window: 1, threshold: 1 })).toThrow(RangeError);
    expect(() => computeSafetyTrend(points(5, 6), { window: 3, threshold: 0 })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const participantScore = fc.record({
    participantId: fc.uuid(),
    participantType: fc.constantFrom(...PARTICIPANT_TYPES),
    score: fc.integer({ min: 0, max: 10 }),
  });
  const scores = fc.uniqueArray(participantScore, {
    minLength: 1,
    maxLength: 12,
    selector: (s) => s.participantId,
  });

  it('min ≤ median ≤ max, counts add up per type, and order does not matter', () => {
    fc.assert(
      fc.property(scores, (list: ParticipantScore[]) => {
        const summary = summariseSafetyScores(list);
        expect(summary).not.toBeNull();
        if (summary === null) return;
        expect(summary.min).toBe(Math.min(...list.map((s) => s.score)));
        expect(summary.max).toBe(Math.max(...list.map((s) => s.score)));
        expect(summary.median).toBeGreaterThanOrEqual(summary.min);
        expect(summary.median).toBeLessThanOrEqual(summary.max);
        expect(Number.isInteger(summary.median * 2)).toBe(true);
        const below = list.filter((s) => s.score < summary.median).length;
        const above = list.filter((s) => s.score > summary.median).length;
        expect(below).toBeLessThanOrEqual(list.length / 2);
        expect(above).toBeLessThanOrEqual(list.length / 2);
        const counts = Object.values(summary.byType).reduce((n, t) => n + (t?.count ?? 0), 0);
        expect(counts).toBe(list.length);
        expect(summariseSafetyScores([...list].reverse())).toEqual(summary);
      }),
      { numRuns: 1000 },
    );
  });
  it('valid scores with valid concerns and actions always pass validation', () => {
    fc.assert(
      fc.property(
        scores,
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z]{1,20}$/), {
          minLength: 1,
          maxLength: 3,
          selector: (c) => c.toLowerCase(),
        }),
        fc.integer({ min: 0, max: 3 }),
        (list, concerns, actionCount) => {
          const actions = Array.from({ length: actionCount }, (_, i) => ({
            description: `Actie ${i}`,
            ownerId: 'x',
            dueOn: '2026-07-01',
          }));
          expect(
            validateSafetyAssessment({ assessedAt: at('2026-06-15T10:00'), scores: list, concerns, actions }),
          ).toEqual({ ok: true });
        },
      ),
    );
  });
  it('trend: shifting all values keeps it, mirroring them swaps rising and falling', () => {
    const mirror = {
      rising: 'falling',
      falling: 'rising',
      stable: 'stable',
      insufficient_data: 'insufficient_data',
    } as const;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 8 }),
        fc.integer({ min: -5, max: 5 }),
        (values, shift) => {
          const series = values.map((value, i) => ({ at: new Date(Date.UTC(2026, 0, 1 + i)), value }));
          const trend = computeSafetyTrend(series);
          expect(computeSafetyTrend(series.map((p) => ({ ...p, value: p.value + shift })))).toBe(trend);
          expect(computeSafetyTrend(series.map((p) => ({ ...p, value: 10 - p.value })))).toBe(mirror[trend]);
          expect(computeSafetyTrend([...series].reverse())).toBe(trend);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
