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

  it('computes every indicator the issue asks for: nothing is left as not yet available', () => {
    expect(INDICATORS.filter((i) => i.availability.status !== 'available')).toEqual([]);
    expect(INDICATORS.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'process.handover_acceptance_time',
        'outcome.report_after_closure_6m',
        'outcome.report_after_closure_12m',
        'outcome.report_after_closure_18m',
        'outcome.violence_stopped',
        'outcome.experience_expert_share',
        'outcome.perpetrator_help',
        'measures.restraining_orders',
        'measures.restraining_order_extensions',
        'measures.crisis_care',
        'measures.shelter_stays',
        'measures.shelter_stay_length',
      ]),
    );
  });

  it('states the follow-up a figure needs and the ambition it is measured against', () => {
    expect(findIndicator('outcome.report_after_closure_18m')?.maturityMonths).toBe(18);
    expect(findIndicator('outcome.violence_stopped')).toMatchObject({
      maturityMonths: 12,
      ambition: { value: 70, source: expect.stringContaining('Noordoost-Brabant') },
      unit: 'percent',
    });
    for (const i of INDICATORS.filter((i) => i.ambition)) expect(i.unit).toBe('percent');
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
