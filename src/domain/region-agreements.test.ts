import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION_AGREEMENTS, resolveRegionAgreements } from './region-agreements.ts';

describe('resolveRegionAgreements', () => {
  it('gives the defaults when a region sets nothing', () => {
    expect(resolveRegionAgreements(undefined)).toEqual(DEFAULT_REGION_AGREEMENTS);
    expect(resolveRegionAgreements(null)).toEqual(DEFAULT_REGION_AGREEMENTS);
    expect(resolveRegionAgreements({})).toEqual(DEFAULT_REGION_AGREEMENTS);
  });

  it('keeps what the region sets and fills in the rest, part by part', () => {
    const resolved = resolveRegionAgreements({
      disclosure: { threshold: 10 },
      caseClosure: { minimumScore: 8 },
    });
    expect(resolved.disclosure).toEqual({ threshold: 10, roundingBase: null });
    expect(resolved.caseClosure).toEqual({ minimumScore: 8, assessmentMaxAgeDays: 30 });
    expect(resolved.monitoring).toEqual(DEFAULT_REGION_AGREEMENTS.monitoring);
  });

  it('takes an escalation ladder as a whole, never merged with the default one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.integer({ min: 1, max: 9 }),
            role: fc.string(),
            responseWorkingDays: fc.nat(30),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (ladder) => {
          expect(resolveRegionAgreements({ handoverEscalation: ladder }).handoverEscalation).toEqual(ladder);
        },
      ),
    );
  });
});
