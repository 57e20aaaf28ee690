import { describe, expect, it } from 'vitest';
import {
  allowedAuthorities,
  MEASURE_ACTS,
  MEASURE_AUTHORITIES as SERVER_AUTHORITIES,
  DEFAULT_MEASURE_CATEGORY as SERVER_DEFAULT_CATEGORY,
} from '../../domain/casework/measure-authority.ts';
import { MEASURE_KINDS as SERVER_KINDS } from '../../domain/casework/measure-clock.ts';
import {
  authoritiesFor,
  DEFAULT_MEASURE_CATEGORY,
  MEASURE_AUTHORITIES,
  MEASURE_KINDS,
} from './case-measures-api.ts';

// The web bundle repeats the server's lists and rules for its forms (it may not import server code):
// same lists, same order, same authorities per kind and act.
describe('measure codes of the web app', () => {
  it('match the server', () => {
    expect(MEASURE_KINDS).toEqual(SERVER_KINDS);
    expect(MEASURE_AUTHORITIES).toEqual(SERVER_AUTHORITIES);
    expect(DEFAULT_MEASURE_CATEGORY).toEqual(SERVER_DEFAULT_CATEGORY);
  });
  it.each(SERVER_KINDS.flatMap((kind) => MEASURE_ACTS.map((act) => [kind, act] as const)))(
    'authorities for %s / %s match the server',
    (kind, act) => {
      expect(authoritiesFor(kind, act)).toEqual([...allowedAuthorities(kind, act)]);
    },
  );
});
