import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parsePoliceBatch } from './police-batch.ts';

const row = (ref: string, extra: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {}, sep = ',') => {
  const values: Record<string, string> = {
    report_ref: ref,
    municipality_code: 'GM0268',
    acute: 'nee',
    violence_kinds: 'partner_violence',
    description: 'Beschrijving',
    person_name: 'Anna Smit',
    person_date_of_birth: '1990-01-01',
    person_bsn: '',
    person_role: 'victim',
    ...extra,
  };
  return CSV_COLUMNS.map((c) => values[c]).join(sep);
};

describe('parsePoliceBatch (CSV)', () => {
  it('reads comma and semicolon files, with a byte-order mark, into the same reports', () => {
    const comma = parsePoliceBatch(
      'csv',
      `\uFEFF${CSV_COLUMNS.join(',')}\n${row('A')}\n${row('A', { person_name: 'Bert Smit', person_role: 'perpetrator' })}`,
    );
    const semi = parsePoliceBatch(
      'csv',
      `${CSV_COLUMNS.join(';')}\n${row('A', {}, ';')}\n${row('A', { person_name: 'Bert Smit', person_role: 'perpetrator' }, ';')}`,
    );
    expect(comma.valid).toHaveLength(1);
    expect(comma.valid[0]?.input.persons.map((p) => p.fullName)).toEqual(['Anna Smit', 'Bert Smit']);
    expect(semi.valid[0]?.input).toEqual(comma.valid[0]?.input);
  });
  it.each([
    ['ja', true],
    ['JA', true],
    ['nee', false],
    ['0', false],
  ])('acute %j → %s', (text, acute) => {
    expect(
      parsePoliceBatch('csv', `${CSV_COLUMNS.join(',')}\n${row('A', { acute: text })}`).valid[0]?.input.acute,
    ).toBe(acute);
  });
  it('keeps quoted commas in the description', () => {
    const result = parsePoliceBatch(
      'csv',
      `${CSV_COLUMNS.join(',')}\n${row('A', { description: '"Slaan, schoppen"' })}`,
    );
    expect(result.valid[0]?.input.description).toBe('Slaan, schoppen');
  });
  it('rejects a report when any of its rows is wrong, naming the line and column', () => {
    const result = parsePoliceBatch(
      'csv',
      `${CSV_COLUMNS.join(',')}\n${row('A')}\n${row('A', { person_date_of_birth: '31-12-1990' })}\n${row('B')}`,
    );
    expect(result.valid.map((v) => v.externalRef)).toEqual(['B']);
    expect(result.rejected[0]?.problems.map((p) => p.location)).toEqual(['regel 3, person_date_of_birth']);
  });
  it('an empty file is a file problem', () => {
    expect(parsePoliceBatch('csv', '').fileProblems).toHaveLength(1);
  });
});

describe('parsePoliceBatch (JSON)', () => {
  it('refuses anything but an array', () => {
    expect(parsePoliceBatch('json', '{}').fileProblems[0]?.message.en).toContain('array');
  });
});
