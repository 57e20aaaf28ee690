import { describe, expect, it } from 'vitest';
import { checkRouteDecision, ROUTES, routeEndsInvolvement } from './route-decision.ts';

const reason = 'Afgewogen met collega en gedragsdeskundige.';

describe('checkRouteDecision', () => {
  for (const route of ROUTES) {
    for (const acuteUnsafety of [false, true]) {
      for (const structuralUnsafety of [false, true]) {
        const stays =
          route === 'investigation' ||
          route === 'child_protection_request' ||
          route === 'conditions_and_follow_up';
        const expected =
          acuteUnsafety && !stays
            ? 'unsafety_needs_veilig_thuis'
            : structuralUnsafety && route === 'end_of_involvement'
              ? 'unsafety_not_ended'
              : null;
        it(`${route}, acute=${acuteUnsafety}, structural=${structuralUnsafety} → ${expected ?? 'allowed'}`, () => {
          const result = checkRouteDecision({ acuteUnsafety, structuralUnsafety, route, reason });
          expect(result.ok ? null : result.refusal).toBe(expected);
        });
      }
    }
  }
  it.each(['', '   ', 'te kort'])('refuses a reason like %j', (r) => {
    expect(
      checkRouteDecision({
        acuteUnsafety: false,
        structuralUnsafety: false,
        route: 'handover_local_team',
        reason: r,
      }),
    ).toEqual({ ok: false, refusal: 'reason_required' });
  });
});

describe('routeEndsInvolvement', () => {
  it('ends with handovers and end of involvement only', () => {
    expect(ROUTES.filter(routeEndsInvolvement)).toEqual([
      'handover_local_team',
      'handover_existing_help',
      'end_of_involvement',
    ]);
  });
});
