import { describe, expect, it } from 'vitest';
import { INFORMATION_CATEGORIES as SERVER_CATEGORIES } from '../../domain/information-category.ts';
import { ROLES as SERVER_ROLES } from '../../domain/roles.ts';
import { VIOLENCE_KINDS as SERVER_KINDS } from '../../domain/violence-kind.ts';
import { PERSON_ROLES as SERVER_PERSON_ROLES } from '../../modules/intake/schemas.ts';
import { INFORMATION_CATEGORIES, PERSON_ROLES, ROLES, VIOLENCE_KINDS } from './codes.ts';

// The web bundle repeats the server's code lists (it may not import server code); same order too,
// because the forms show them in this order.
describe('code lists of the web app', () => {
  it('match the server', () => {
    expect(ROLES).toEqual(SERVER_ROLES);
    expect(VIOLENCE_KINDS).toEqual(SERVER_KINDS);
    expect(INFORMATION_CATEGORIES).toEqual(SERVER_CATEGORIES);
    expect(PERSON_ROLES).toEqual(SERVER_PERSON_ROLES);
  });
});
