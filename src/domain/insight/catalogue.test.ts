import { describe, expect, it } from 'vitest';
import { findIndicator, INDICATORS, indicatorsFor, maySplitBy } from './catalogue.ts';

describe('indicator catalogue', () => {
  it('has unique codes, a definition in both languages, a version and a source for every indicator', () => {
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) {
      expect(i.code).toMatch(/^(advice|reports|process|outcome|measures)\.[a-z0-9_]+$/);
      expect(i.name.nl.length, i.code).toBeGreaterThan(3);
      expect(i.name.en.length, i.code).toBeGreaterThan(3);
      expect(i.definition.nl.length, i.code).toBeGreaterThan(40);
      expect(i.definition.en.length, i.code).toBeGreaterThan(40);
      expect(i.version, i.code).toMatch(/^\d+\.\d+$/);
      expect(i.source.length, i.code).toBeGreaterThan(3);
      expect(i.dimensions.length, i.code).toBeGreaterThan(0);
      expect(i.audiences.length, i.code).toBeGreaterThan(0);
    }
  });

  it('lists what others still build as not yet available, with what it waits for', () => {
    const later = INDICATORS.filter((i) => i.availability.status === 'not_yet_available');
    expect(later.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'process.handover_acceptance_time',
        'outcome.report_after_closure',
        'outcome.violence_stopped',
        'measures.restraining_orders',
        'measures.crisis_care',
        'measures.shelter_stays',
      ]),
    );
    for (const i of later) expect(i.availability).toMatchObject({ awaiting: expect.any(String) });
  });

  it('never splits a breakdown by municipality', () => {
    expect(maySplitBy('reports.by_violence_kind', 'municipality')).toBe(false);
    expect(maySplitBy('reports.by_reporter', 'municipality')).toBe(false);
    expect(maySplitBy('reports.count', 'municipality')).toBe(true);
    expect(() => maySplitBy('nope', 'quarter')).toThrow();
  });

  it('gives team leads process figures and reports, never outcomes or breakdowns', () => {
    const lead = indicatorsFor('team_lead').map((i) => i.code);
    expect(lead).toContain('process.assessment_in_time');
    expect(lead).toContain('reports.count');
    expect(lead.every((c) => c.startsWith('process.') || c === 'reports.count')).toBe(true);
    expect(indicatorsFor('policy_advisor').length).toBe(INDICATORS.length);
    expect(findIndicator('outcome.re_report_rate')?.unit).toBe('percent');
  });
});
