import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOfScore,
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  type ChecklistAnswers,
  type ChecklistDefinition,
  decideConclusion,
  listItems,
  maxScoreOf,
  RISK_BANDS,
  type RiskBand,
  scoreChecklist,
  validateChecklistDefinition,
} from './risk-checklist.ts';
import {
  DOMESTIC_VIOLENCE_RISK_V1,
  findChecklist,
  listCurrentChecklists,
  RISK_CHECKLISTS,
} from './risk-checklists.ts';

const rank = (band: RiskBand) => RISK_BANDS.indexOf(band);
const text = { nl: 'x', en: 'x' };

/** A small list to enumerate: 4 items, one with a floor of "high". */
const SMALL: ChecklistDefinition = {
  id: 'small',
  version: 1,
  title: text,
  description: text,
  inspiration: text,
  sections: [
    {
      id: 's',
      title: text,
      items: [
        { id: 'a', weight: 1, text },
        { id: 'b', weight: 2, text },
        { id: 'c', weight: 3, text },
        { id: 'd', weight: 1, minimumBand: 'high', text },
      ],
    },
  ],
  bands: { elevatedFrom: 2, highFrom: 5 },
};

function allAnswerSets(ids: readonly string[]): ChecklistAnswers[] {
  return ids.reduce<ChecklistAnswers[]>(
    (sets, id) => sets.flatMap((set) => CHECKLIST_ANSWERS.map((answer) => ({ ...set, [id]: answer }))),
    [{}],
  );
}

const answersFor = (definition: ChecklistDefinition) =>
  fc.tuple(...listItems(definition).map(() => fc.constantFrom(...CHECKLIST_ANSWERS))).map((values) => {
    const answers: Record<string, ChecklistAnswer> = {};
    listItems(definition).forEach((item, i) => {
      answers[item.id] = values[i] ?? 'no';
    });
    return answers as ChecklistAnswers;
  });

/** Random valid definitions: 1–12 items with weights 1–5, some with a floor, thresholds in range. */
const definitions = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 1, max: 5 }),
      minimumBand: fc.constantFrom<RiskBand | undefined>(undefined, undefined, 'elevated', 'high'),
    }),
    { minLength: 2, maxLength: 12 },
  )
  .chain((raw) => {
    const max = raw.reduce((s, r) => s + r.weight, 0);
    return fc.integer({ min: 1, max: max - 1 }).chain((elevatedFrom) =>
      fc.integer({ min: elevatedFrom + 1, max }).map(
        (highFrom): ChecklistDefinition => ({
          id: 'random',
          version: 1,
          title: text,
          description: text,
          inspiration: text,
          sections: [
            {
              id: 's',
              title: text,
              items: raw.map((r, i) => ({
                id: `item_${i}`,
                weight: r.weight,
                text,
                ...(r.minimumBand ? { minimumBand: r.minimumBand } : {}),
              })),
            },
          ],
          bands: { elevatedFrom, highFrom },
        }),
      ),
    );
  });
const definitionWithAnswers = definitions.chain((d) => answersFor(d).map((a) => [d, a] as const));

function scored(definition: ChecklistDefinition, answers: ChecklistAnswers) {
  const result = scoreChecklist(definition, answers);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result;
}

describe('scoreChecklist on a small list, every answer set (3⁴ = 81)', () => {
  // The reference is written out separately from the rule: sum, thresholds, then the floor of "d".
  const reference = (answers: ChecklistAnswers) => {
    const weights: Record<string, number> = { a: 1, b: 2, c: 3, d: 1 };
    const score = Object.entries(weights).reduce((s, [id, w]) => s + (answers[id] === 'yes' ? w : 0), 0);
    let band: RiskBand = score >= 5 ? 'high' : score >= 2 ? 'elevated' : 'low';
    if (answers.d === 'yes') band = 'high';
    return { score, band };
  };
  it.each(allAnswerSets(['a', 'b', 'c', 'd']).map((a) => [JSON.stringify(a), a] as const))(
    '%s',
    (_label, answers) => {
      const result = scored(SMALL, answers);
      expect({ score: result.score, band: result.advisedBand }).toEqual(reference(answers));
      expect(result.maxScore).toBe(7);
    },
  );
});

describe('scoreChecklist properties', () => {
  it('the score is the sum of the weights answered "yes", between 0 and the maximum', () => {
    fc.assert(
      fc.property(definitionWithAnswers, ([definition, answers]) => {
        const result = scored(definition, answers);
        const expected = listItems(definition)
          .filter((i) => answers[i.id] === 'yes')
          .reduce((s, i) => s + i.weight, 0);
        expect(result.score).toBe(expected);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        expect(result.maxScore).toBe(maxScoreOf(definition));
      }),
    );
  });

  it('the advice is the band of the score, raised to the highest floor of any "yes" — never lowered', () => {
    fc.assert(
      fc.property(definitionWithAnswers, ([definition, answers]) => {
        const result = scored(definition, answers);
        const floors = listItems(definition)
          .filter((i) => answers[i.id] === 'yes' && i.minimumBand)
          .map((i) => rank(i.minimumBand ?? 'low'));
        expect(rank(result.advisedBand)).toBe(
          Math.max(rank(bandOfScore(definition, result.score)), ...floors),
        );
      }),
    );
  });

  it('turning any answer into "yes" never lowers the score or the advice', () => {
    fc.assert(
      fc.property(definitionWithAnswers, fc.nat(), ([definition, answers], pick) => {
        const items = listItems(definition);
        const item = items[pick % items.length];
        if (!item) return;
        const before = scored(definition, answers);
        const after = scored(definition, { ...answers, [item.id]: 'yes' });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(rank(after.advisedBand)).toBeGreaterThanOrEqual(rank(before.advisedBand));
      }),
    );
  });

  it('"unknown" scores like "no", and the band if unknowns were "yes" is never below the advice', () => {
    fc.assert(
      fc.property(definitionWithAnswers, ([definition, answers]) => {
        const result = scored(definition, answers);
        const asNo = Object.fromEntries(
          Object.entries(answers).map(([id, a]) => [id, a === 'unknown' ? 'no' : a]),
        ) as ChecklistAnswers;
        const asYes = Object.fromEntries(
          Object.entries(answers).map(([id, a]) => [id, a === 'unknown' ? 'yes' : a]),
        ) as ChecklistAnswers;
        expect(scored(definition, asNo).advisedBand).toBe(result.advisedBand);
        expect(scored(definition, asNo).score).toBe(result.score);
        expect(result.bandIfUnknownsYes).toBe(scored(definition, asYes).advisedBand);
        expect(rank(result.bandIfUnknownsYes)).toBeGreaterThanOrEqual(rank(result.advisedBand));
        expect(result.unknownCount).toBe(Object.values(answers).filter((a) => a === 'unknown').length);
        expect(result.yesCount).toBe(Object.values(answers).filter((a) => a === 'yes').length);
      }),
    );
  });

  it('all "no" advises low with score 0; all "yes" advises high with the maximum', () => {
    fc.assert(
      fc.property(definitions, (definition) => {
        const ids = listItems(definition).map((i) => i.id);
        const none = scored(definition, Object.fromEntries(ids.map((id) => [id, 'no'])));
        expect(none).toMatchObject({ score: 0, advisedBand: 'low', raisedBy: [] });
        const all = scored(definition, Object.fromEntries(ids.map((id) => [id, 'yes'])));
        expect(all).toMatchObject({ score: maxScoreOf(definition), advisedBand: 'high' });
      }),
    );
  });

  it('a missing answer is refused per item; so is an answer to a question not on the list', () => {
    fc.assert(
      fc.property(definitionWithAnswers, fc.nat(), ([definition, answers], pick) => {
        const items = listItems(definition);
        const dropped = items[pick % items.length]?.id ?? '';
        const { [dropped]: _gone, ...rest } = answers;
        const missing = scoreChecklist(definition, rest);
        expect(missing).toEqual({
          ok: false,
          issues: [{ itemId: dropped, code: 'missing_answer', message: expect.any(Object) }],
        });
        const extra = scoreChecklist(definition, { ...answers, not_on_list: 'yes' });
        expect(extra.ok ? [] : extra.issues.map((i) => `${i.itemId}:${i.code}`)).toEqual([
          'not_on_list:unknown_item',
        ]);
      }),
    );
  });

  it('inherited object keys are not answers', () => {
    const answers = Object.fromEntries(listItems(SMALL).map((i) => [i.id, 'no'])) as ChecklistAnswers;
    const { a: _a, ...withoutA } = answers;
    const result = scoreChecklist(SMALL, Object.assign(Object.create({ a: 'yes' }), withoutA));
    expect(result.ok).toBe(false);
  });
});

describe('decideConclusion: every advised band × conclusion × reason', () => {
  const reasons = [null, undefined, '', '   \n', 'Slachtoffer is inmiddels in de opvang'];
  const cases = RISK_BANDS.flatMap((advisedBand) =>
    RISK_BANDS.flatMap((conclusion) => reasons.map((reason) => [advisedBand, conclusion, reason] as const)),
  );
  it.each(cases)('advice %s, conclusion %s, reason %j', (advisedBand, conclusion, overrideReason) => {
    const verdict = decideConclusion({ advisedBand, conclusion, overrideReason });
    const hasReason = typeof overrideReason === 'string' && overrideReason.trim() !== '';
    if (advisedBand === conclusion || hasReason) expect(verdict).toEqual({ ok: true });
    else expect(verdict).toMatchObject({ ok: false, code: 'override_reason_required' });
  });
});

describe('the shipped checklists', () => {
  it.each(RISK_CHECKLISTS.map((d) => [`${d.id} v${d.version}`, d] as const))('%s is valid', (_l, d) => {
    expect(validateChecklistDefinition(d)).toEqual([]);
  });

  it('versions are unique per checklist and the newest is current', () => {
    const keys = RISK_CHECKLISTS.map((d) => `${d.id}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(listCurrentChecklists()).toContain(DOMESTIC_VIOLENCE_RISK_V1);
    expect(findChecklist('domestic-violence-risk', 1)).toBe(DOMESTIC_VIOLENCE_RISK_V1);
    expect(findChecklist('domestic-violence-risk', 99)).toBeUndefined();
  });

  it('the domestic-violence list: 40 points, strangulation or a threat to kill alone advises high', () => {
    const d = DOMESTIC_VIOLENCE_RISK_V1;
    const none = Object.fromEntries(listItems(d).map((i) => [i.id, 'no'])) as ChecklistAnswers;
    expect(maxScoreOf(d)).toBe(40);
    expect(scored(d, { ...none, strangulation: 'yes' })).toMatchObject({ score: 4, advisedBand: 'high' });
    expect(scored(d, { ...none, threats_to_kill: 'yes' })).toMatchObject({ advisedBand: 'high' });
    expect(scored(d, { ...none, weapon: 'yes' })).toMatchObject({ advisedBand: 'elevated' });
    expect(scored(d, { ...none, substance_abuse: 'yes', isolation: 'yes' })).toMatchObject({
      score: 2,
      advisedBand: 'low',
    });
  });

  it('the validator catches broken definitions', () => {
    const broken: ChecklistDefinition = {
      ...SMALL,
      id: 'Bad Id',
      sections: [
        {
          id: 's',
          title: text,
          items: [
            { id: 'a', weight: 0, text },
            { id: 'a', weight: 2, text },
          ],
        },
      ],
      bands: { elevatedFrom: 3, highFrom: 3 },
    };
    const problems = validateChecklistDefinition(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'duplicate item ids: a',
        'bad checklist id: Bad Id',
        'weight of a must be ≥ 1',
        'band thresholds must satisfy 0 < 3 < 3 ≤ 2',
      ]),
    );
  });
});
