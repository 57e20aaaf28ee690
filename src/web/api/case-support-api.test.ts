import { describe, expect, it } from 'vitest';
import {
  isPerpetratorRole,
  DEFAULT_SUPPORT_CATEGORY as SERVER_DEFAULT_CATEGORY,
  SUPPORT_KINDS as SERVER_KINDS,
  SUPPORT_OUTCOMES as SERVER_OUTCOMES,
} from '../../domain/casework/support.ts';
import {
  DEFAULT_SUPPORT_CATEGORY,
  PERPETRATOR_ROLES,
  SUPPORT_KINDS,
  SUPPORT_OUTCOMES,
} from './case-support-api.ts';
import { PERSON_ROLES } from './codes.ts';

// The web bundle repeats the server's lists and rules for its forms (it may not import server code).
describe('support codes of the web app', () => {
  it('match the server', () => {
    expect(SUPPORT_KINDS).toEqual(SERVER_KINDS);
    expect(SUPPORT_OUTCOMES).toEqual(SERVER_OUTCOMES);
    expect(DEFAULT_SUPPORT_CATEGORY).toEqual(SERVER_DEFAULT_CATEGORY);
  });
  it.each(PERSON_ROLES)(
    'the form offers %s for perpetrator help exactly when the server accepts it',
    (role) => {
      expect(PERPETRATOR_ROLES.includes(role)).toBe(isPerpetratorRole(role));
    },
  );
});
