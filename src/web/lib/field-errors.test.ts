import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { normaliseErrorPath, serverErrors } from './field-errors.ts';

describe('server validation errors on a form', () => {
  it('normalises paths with and without the "body." prefix', () => {
    expect(normaliseErrorPath('body.persons.0.bsn')).toBe('persons.0.bsn');
    expect(normaliseErrorPath('querystring.from')).toBe('from');
    expect(normaliseErrorPath('body')).toBe('');
  });

  it('puts messages on fields and in the summary', () => {
    const error = new ApiError(
      400,
      'validation_failed',
      {
        nl: 'Een of meer velden zijn niet goed ingevuld.',
        en: 'One or more fields are not filled in correctly.',
      },
      [
        {
          path: 'body.persons.0.bsn',
          message: { nl: 'Het BSN is niet geldig (elfproef).', en: 'The BSN is not valid (11-check).' },
        },
        { path: 'body.unknown', message: { nl: '', en: 'Too small' } },
      ],
    );
    const result = serverErrors(
      error,
      'nl',
      (path) => (path === 'persons.0.bsn' ? { id: 'bsn-field', label: 'BSN' } : null),
      { fieldInvalid: 'Niet goed.', unknownError: 'Onbekend.' },
    );
    expect(result.fields).toEqual({ 'bsn-field': 'Het BSN is niet geldig (elfproef).' });
    expect(result.summary).toEqual([
      { fieldId: null, message: 'Een of meer velden zijn niet goed ingevuld.' },
      { fieldId: 'bsn-field', message: 'BSN: Het BSN is niet geldig (elfproef).' },
      { fieldId: null, message: 'Niet goed.' },
    ]);
  });
});
