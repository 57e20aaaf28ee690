import { describe, expect, it } from 'vitest';
import { ROUTES as SERVER_ROUTES } from '../../domain/front-door/route-decision.ts';
import { INFORMATION_CATEGORIES as SERVER_CATEGORIES } from '../../domain/information-category.ts';
import { ROLES as SERVER_ROLES } from '../../domain/roles.ts';
import { VIOLENCE_KINDS as SERVER_KINDS } from '../../domain/violence-kind.ts';
import {
  PERSON_ROLES as SERVER_PERSON_ROLES,
  radarResult as serverRadarResult,
} from '../../modules/intake/schemas.ts';
import {
  INFORMATION_CATEGORIES,
  MATCH_BASES,
  MATCH_CERTAINTIES,
  PERSON_ROLES,
  REPORT_CLASSIFICATIONS,
  ROLES,
  ROUTES,
  VIOLENCE_KINDS,
} from './codes.ts';

// The web bundle repeats the server's code lists (it may not import server code); same order too,
// because the forms show them in this order.
describe('code lists of the web app', () => {
  it('match the server', () => {
    expect(ROLES).toEqual(SERVER_ROLES);
    expect(VIOLENCE_KINDS).toEqual(SERVER_KINDS);
    expect(INFORMATION_CATEGORIES).toEqual(SERVER_CATEGORIES);
    expect(PERSON_ROLES).toEqual(SERVER_PERSON_ROLES);
    expect(ROUTES).toEqual(SERVER_ROUTES);
  });

  it('match the codes of the radar', () => {
    const shape = serverRadarResult.shape;
    const match = shape.matches.element.shape;
    expect(REPORT_CLASSIFICATIONS).toEqual(shape.classification.options);
    expect(MATCH_BASES).toEqual(match.matchedOn.options);
    expect(MATCH_CERTAINTIES).toEqual(match.certainty.options);
  });
});
