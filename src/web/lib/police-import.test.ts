import { describe, expect, it } from 'vitest';
import { formatOfFile, linesText, localiseLocation } from './police-import.ts';

describe('police import helpers', () => {
  it('takes the format from the extension, then from the type', () => {
    expect(formatOfFile({ name: 'meldingen.CSV', type: '' })).toBe('csv');
    expect(formatOfFile({ name: 'batch.json', type: 'text/plain' })).toBe('json');
    expect(formatOfFile({ name: 'export', type: 'application/json' })).toBe('json');
    expect(formatOfFile({ name: 'export.txt', type: 'text/csv' })).toBe('csv');
    expect(formatOfFile({ name: 'export.txt', type: 'text/plain' })).toBeNull();
  });

  it('puts the line number of a location into the UI language', () => {
    const en = { line: (n: number) => `line ${n}`, file: 'file' };
    expect(localiseLocation('regel 4, person_bsn', en)).toBe('line 4, person_bsn');
    expect(localiseLocation('regel 1', en)).toBe('line 1');
    expect(localiseLocation('(file)', en)).toBe('file');
    expect(localiseLocation('[1].persons.0.bsn', en)).toBe('[1].persons.0.bsn');
    expect(localiseLocation('PL-003, municipality_code', en)).toBe('PL-003, municipality_code');
    const nl = { line: (n: number) => `regel ${n}`, file: 'bestand' };
    expect(localiseLocation('regel 12, acute', nl)).toBe('regel 12, acute');
  });

  it('shows CSV lines as numbers and JSON positions as indexes', () => {
    expect(linesText([2, 3], 'csv')).toBe('2, 3');
    expect(linesText([0], 'json')).toBe('[0]');
  });
});
