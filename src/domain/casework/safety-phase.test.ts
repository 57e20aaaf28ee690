import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM } from '../working-days.ts';
import {
  decidePhaseTransition,
  listPhaseTargets,
  nextSafetyPhase,
  PHASE_REFUSALS,
  type PhaseTransitionFacts,
  SAFETY_PHASES,
  type SafetyPhase,
} from './safety-phase.ts';

const at = (iso: string) => DateTime.fromISO(iso, { zone: AMSTERDAM }).toJSDate();
const NOW = at('2026-06-15T12:00');

/** Facts under which every well-formed move is allowed, so each test changes one thing. */
function facts(overrides: Partial<PhaseTransitionFacts> = {}): PhaseTransitionFacts {
  return {
    hasAgreedSafetyPlan: true,
    latestAssessment: { score: 8, at: at('2026-06-10T09:00') },
    regionConfig: { closeThreshold: 7, assessmentMaxAgeDays: 30 },
    reason: 'Afspraken uit het veiligheidsplan worden nagekomen',
    now: NOW,
    ...overrides,
  };
}

const code = (from: SafetyPhase, to: SafetyPhase, f = facts()) => {
  const verdict = decidePhaseTransition(from, to, f);
  return verdict.ok ? 'ok' : verdict.code;
};

describe('phase transitions: every pair of phases with all conditions met', () => {
  const expected: Record<SafetyPhase, Record<SafetyPhase, string>> = {
    direct_safety: {
      direct_safety: 'same_phase',
      stable_safety: 'ok',
      recovery: 'phase_skip_not_allowed',
      monitoring: 'phase_skip_not_allowed',
      closed: 'phase_skip_not_allowed',
    },
    stable_safety: {
      direct_safety: 'ok',
      stable_safety: 'same_phase',
      recovery: 'ok',
      monitoring: 'phase_skip_not_allowed',
      closed: 'phase_skip_not_allowed',
    },
    recovery: {
      direct_safety: 'ok',
      stable_safety: 'step_back_only_to_direct_safety',
      recovery: 'same_phase',
      monitoring: 'ok',
      closed: 'phase_skip_not_allowed',
    },
    monitoring: {
      direct_safety: 'ok',
      stable_safety: 'step_back_only_to_direct_safety',
      recovery: 'step_back_only_to_direct_safety',
      monitoring: 'same_phase',
      closed: 'ok',
    },
    closed: {
      direct_safety: 'ok',
      stable_safety: 'case_closed',
      recovery: 'case_closed',
      monitoring: 'case_closed',
      closed: 'same_phase',
    },
  };
  const rows = SAFETY_PHASES.flatMap((from) => SAFETY_PHASES.map((to) => [from, to, expected[from][to]]));
  it('covers all 25 pairs', () => {
    expect(rows).toHaveLength(25);
  });
  it.each(rows)('%s → %s: %s', (from, to, result) => {
    expect(code(from as SafetyPhase, to as SafetyPhase)).toBe(result);
  });
  it('listPhaseTargets offers exactly the moves the rule allows under ideal facts', () => {
    for (const from of SAFETY_PHASES) {
      const allowed = SAFETY_PHASES.filter((to) => code(from, to) === 'ok');
      expect([...listPhaseTargets(from)].sort()).toEqual([...allowed].sort());
    }
  });
  it('nextSafetyPhase walks the GSV order and stops at closed', () => {
    expect(nextSafetyPhase('direct_safety')).toBe('stable_safety');
    expect(nextSafetyPhase('stable_safety')).toBe('recovery');
    expect(nextSafetyPhase('recovery')).toBe('monitoring');
    expect(nextSafetyPhase('monitoring')).toBe('closed');
    expect(nextSafetyPhase('closed')).toBeNull();
  });
});

describe('reason', () => {
  it.each(['', ' ', '\n\t  '])('refuses an empty reason %j on every allowed move', (reason) => {
    for (const [from, to] of [
      ['direct_safety', 'stable_safety'],
      ['stable_safety', 'recovery'],
      ['recovery', 'monitoring'],
      ['monitoring', 'closed'],
      ['recovery', 'direct_safety'],
      ['closed', 'direct_safety'],
    ] as const) {
      expect(code(from, to, facts({ reason }))).toBe('reason_required');
    }
  });
  it('a shape error wins over a missing reason (fixed check order)', () => {
    expect(code('direct_safety', 'closed', facts({ reason: '' }))).toBe('phase_skip_not_allowed');
  });
});

describe('leaving direct safety needs an agreed safety plan', () => {
  it('refuses without a plan and returns the Dutch and English text', () => {
    const verdict = decidePhaseTransition(
      'direct_safety',
      'stable_safety',
      facts({ hasAgreedSafetyPlan: false }),
    );
    expect(verdict).toEqual({
      ok: false,
      code: 'safety_plan_required',
      message: PHASE_REFUSALS.safety_plan_required,
    });
    if (!verdict.ok) expect(verdict.message.nl).toContain('veiligheidsplan');
  });
  it('only the move out of direct safety checks the plan', () => {
    const noPlan = facts({ hasAgreedSafetyPlan: false });
    expect(code('stable_safety', 'recovery', noPlan)).toBe('ok');
    expect(code('monitoring', 'direct_safety', noPlan)).toBe('ok');
    expect(code('closed', 'direct_safety', noPlan)).toBe('ok');
  });
});

describe('closing needs a recent assessment at or above the threshold', () => {
  const close = (overrides: Partial<PhaseTransitionFacts>) => code('monitoring', 'closed', facts(overrides));
  it.each([
    [null, 'assessment_required'],
    [{ score: 7, at: at('2026-06-10T09:00') }, 'ok'],
    [{ score: 6.9, at: at('2026-06-10T09:00') }, 'safety_score_below_threshold'],
    [{ score: 6, at: at('2026-06-10T09:00') }, 'safety_score_below_threshold'],
    [{ score: 10, at: at('2026-06-10T09:00') }, 'ok'],
    [{ score: 0, at: at('2026-06-10T09:00') }, 'safety_score_below_threshold'],
    [{ score: 11, at: at('2026-06-10T09:00') }, 'assessment_invalid'],
    [{ score: -1, at: at('2026-06-10T09:00') }, 'assessment_invalid'],
    [{ score: Number.NaN, at: at('2026-06-10T09:00') }, 'assessment_invalid'],
    [{ score: 9, at: at('2026-05-16T12:00') }, 'ok'],
    [{ score: 9, at: at('2026-05-16T11:59') }, 'assessment_outdated'],
    [{ score: 9, at: at('2026-06-15T12:00') }, 'ok'],
    [{ score: 9, at: at('2026-06-15T12:01') }, 'assessment_in_future'],
    [{ score: 3, at: at('2026-01-01T12:00') }, 'assessment_outdated'],
  ])('assessment %j → %s', (latestAssessment, result) => {
    expect(close({ latestAssessment })).toBe(result);
  });
  it('the age limit counts Amsterdam calendar days across the switch to summer time', () => {
    // 30 days before 2026-04-10 12:00 CEST is 2026-03-11 12:00 CET: 719 real hours, still "30 days".
    const now = at('2026-04-10T12:00');
    expect(close({ now, latestAssessment: { score: 9, at: at('2026-03-11T12:00') } })).toBe('ok');
    expect(close({ now, latestAssessment: { score: 9, at: at('2026-03-11T11:59') } })).toBe(
      'assessment_outdated',
    );
  });
  it('the age limit counts Amsterdam calendar days across the switch to winter time', () => {
    const now = at('2026-11-10T12:00');
    expect(close({ now, latestAssessment: { score: 9, at: at('2026-10-11T12:00') } })).toBe('ok');
    expect(close({ now, latestAssessment: { score: 9, at: at('2026-10-11T11:59') } })).toBe(
      'assessment_outdated',
    );
  });
  it('a threshold of 0 still requires an assessment', () => {
    expect(
      close({ regionConfig: { closeThreshold: 0, assessmentMaxAgeDays: 30 }, latestAssessment: null }),
    ).toBe('assessment_required');
  });
  it('other moves ignore the assessment', () => {
    expect(code('recovery', 'monitoring', facts({ latestAssessment: null }))).toBe('ok');
    expect(code('stable_safety', 'recovery', facts({ latestAssessment: { score: 1, at: NOW } }))).toBe('ok');
  });
  it('rejects a region configuration outside the scale', () => {
    expect(() => close({ regionConfig: { closeThreshold: 11, assessmentMaxAgeDays: 30 } })).toThrow(
      RangeError,
    );
    expect(() => close({ regionConfig: { closeThreshold: 7, assessmentMaxAgeDays: -1 } })).toThrow(
      RangeError,
    );
    expect(() => close({ regionConfig: { closeThreshold: 7, assessmentMaxAgeDays: 1.5 } })).toThrow(
      RangeError,
    );
  });
});

describe('every refusal code has a message in both languages', () => {
  it.each(Object.entries(PHASE_REFUSALS))('%s', (_code, message) => {
    expect(message.nl.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    expect(message.nl).not.toBe(message.en);
  });
});

describe('properties', () => {
  const phase = fc.constantFrom(...SAFETY_PHASES);
  const anyFacts = fc.record({
    hasAgreedSafetyPlan: fc.boolean(),
    latestAssessment: fc.option(
      fc.record({
        score: fc.integer({ min: 0, max: 10 }),
        at: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
      }),
    ),
    regionConfig: fc.record({
      closeThreshold: fc.integer({ min: 0, max: 10 }),
      assessmentMaxAgeDays: fc.integer({ min: 0, max: 365 }),
    }),
    reason: fc.string(),
    now: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
  });

  it('an allowed move is to the next phase or back to direct safety, always with a reason', () => {
    fc.assert(
      fc.property(phase, phase, anyFacts, (from, to, f) => {
        if (!decidePhaseTransition(from, to, f).ok) return;
        expect(f.reason.trim()).not.toBe('');
        expect(to === nextSafetyPhase(from) || to === 'direct_safety').toBe(true);
        expect(from).not.toBe(to);
      }),
      { numRuns: 2000 },
    );
  });
  it('an allowed close always rests on a recent assessment at or above the threshold', () => {
    fc.assert(
      fc.property(anyFacts, (f) => {
        if (!decidePhaseTransition('monitoring', 'closed', f).ok) return;
        expect(f.latestAssessment).not.toBeNull();
        if (f.latestAssessment === null) return;
        expect(f.latestAssessment.score).toBeGreaterThanOrEqual(f.regionConfig.closeThreshold);
        expect(f.latestAssessment.at.getTime()).toBeLessThanOrEqual(f.now.getTime());
        const ageDays = (f.now.getTime() - f.latestAssessment.at.getTime()) / 86_400_000;
        expect(ageDays).toBeLessThanOrEqual(f.regionConfig.assessmentMaxAgeDays + 1 / 24);
      }),
      { numRuns: 2000 },
    );
  });
  it('with a reason, a move back to direct safety is never blocked (safety first)', () => {
    fc.assert(
      fc.property(phase, anyFacts, (from, f) => {
        if (from === 'direct_safety') return;
        expect(decidePhaseTransition(from, 'direct_safety', { ...f, reason: 'Nieuw incident' })).toEqual({
          ok: true,
        });
      }),
    );
  });
  it('the verdict depends only on its inputs: a refusal code is one of the documented ones', () => {
    fc.assert(
      fc.property(phase, phase, anyFacts, (from, to, f) => {
        const verdict = decidePhaseTransition(from, to, f);
        expect(decidePhaseTransition(from, to, f)).toEqual(verdict);
        if (!verdict.ok) expect(verdict.message).toEqual(PHASE_REFUSALS[verdict.code]);
      }),
    );
  });
});
