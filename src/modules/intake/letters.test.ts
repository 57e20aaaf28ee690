import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdLetter, type LetterFacts, reporterLetter } from './letters.ts';

const facts = (overrides: Partial<LetterFacts> = {}): LetterFacts => ({
  reference: 'M-2026-ABC1234',
  receivedAt: new Date('2026-11-23T10:00:00Z'),
  assessedAt: new Date('2026-11-25T10:00:00Z'),
  route: 'handover_local_team',
  description: 'Buren horen geschreeuw.',
  reporterIdentity: 'Els Buurvrouw',
  reporterParts: ['Els Buurvrouw', 'Els', 'Buurvrouw', '06-87654321'],
  reporterKind: 'resident',
  householdNames: ['Jan Jansen'],
  informingDueAt: new Date('2026-12-21T22:59:59Z'),
  ...overrides,
});

describe('letter to the reporter', () => {
  it('names the steps taken in plain Dutch, with the reference and the route', () => {
    const letter = reporterLetter(facts());
    const text = letter.paragraphs.join('\n');
    expect(letter.subject).toBe('Uw melding M-2026-ABC1234');
    expect(text).toContain('Beste Els Buurvrouw,');
    expect(text).toContain('23 november 2026');
    expect(text).toContain('Overdracht aan het lokale team');
    expect(text).toContain('Het lokale team in de gemeente neemt de zorg over');
    expect(text).not.toContain('Jan Jansen');
  });
  it('before the assessment, says when the reporter will hear more', () => {
    const text = reporterLetter(facts({ assessedAt: null, route: null })).paragraphs.join('\n');
    expect(text).toContain('binnen vijf werkdagen');
  });
});

describe('letter to the household', () => {
  it('never names the reporter, also not inside the description', () => {
    const letter = householdLetter(
      facts({ description: 'Els Buurvrouw hoorde geschreeuw; bel els niet op 06-87654321.' }),
    );
    const text = letter.paragraphs.join('\n');
    expect(text).not.toMatch(/\bels\b|buurvrouw|87654321/i);
    expect(text).toContain('[afgeschermd] hoorde geschreeuw');
    expect(letter.protectedPassages).toBeGreaterThan(0);
    expect(letter.sendBy).toBe('2026-12-21T22:59:59.000Z');
  });
  it('a professional reporter’s organisation and own name stay out as well', () => {
    const text = householdLetter(
      facts({
        reporterIdentity: 'Basisschool De Regenboog',
        reporterParts: ['Basisschool De Regenboog', 'Wendy Wijkteam'],
        reporterKind: 'professional',
        description: 'Juf Wendy Wijkteam van Basisschool De Regenboog zag blauwe plekken.',
      }),
    ).paragraphs.join('\n');
    expect(text).not.toContain('Regenboog');
    expect(text).not.toContain('Wendy');
  });
  it('property: whatever the reporter is called and however the description mentions them, the household letter does not contain it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][a-z]{2,8} [A-Z][a-z]{2,10}$/),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        (name, noise, upper) => {
          const mention = upper ? name.toUpperCase() : name;
          const text = householdLetter(
            facts({
              reporterIdentity: name,
              reporterParts: [name, ...name.split(' ')],
              description: `${noise} ${mention} ${noise}`,
            }),
          ).paragraphs.join('\n');
          expect(text.toLowerCase()).not.toContain(name.toLowerCase());
        },
      ),
      { numRuns: 300 },
    );
  });
});
