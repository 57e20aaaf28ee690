import { describe, expect, it } from 'vitest';
import { REDACTION_MARK } from '../../domain/front-door/anonymity.ts';
import { adultsOn, CLOSURE_REASON_SENTENCES, CLOSURE_REASONS, closureLetter } from './closure-letter.ts';

const facts = {
  caseReference: 'C-2026-ABCD',
  openedAt: new Date('2026-01-10T09:00:00Z'),
  closedAt: new Date('2026-09-01T09:00:00Z'),
  reasonCode: 'safety_stable' as const,
  explanation: 'Het gaat goed op school en thuis.',
  addressees: ['Anna de Boer', 'Bram de Boer'],
  hasSafetyPlan: true,
  reporterParts: ['Wijkteam Nijmegen', 'Wendy Wijkteam'],
};

describe('closureLetter', () => {
  it('addresses the adults, gives the dates, the reason and where to go', () => {
    const letter = closureLetter(facts);
    expect(letter.subject).toBe('Afsluiting van de hulp rond uw gezin (kenmerk C-2026-ABCD)');
    const text = letter.paragraphs.join('\n');
    expect(letter.paragraphs[0]).toBe('Beste Anna de Boer, Bram de Boer,');
    expect(text).toContain('10 januari 2026');
    expect(text).toContain('1 september 2026');
    expect(text).toContain(CLOSURE_REASON_SENTENCES.safety_stable);
    expect(text).toContain('Het gaat goed op school en thuis.');
    expect(text).toContain('0800-2000');
    expect(text).toContain('veiligheidsplan');
    expect(letter.protectedPassages).toBe(0);
  });
  it.each(CLOSURE_REASONS)('has a sentence for reason %s', (reasonCode) => {
    expect(closureLetter({ ...facts, reasonCode }).paragraphs).toContain(
      CLOSURE_REASON_SENTENCES[reasonCode],
    );
  });
  it('never names a reporter, also not through the explanation (any case or accents)', () => {
    const letter = closureLetter({
      ...facts,
      explanation: 'Dank aan wendy wijkteam en het WIJKTEAM NIJMEGEN voor de melding.',
    });
    const text = letter.paragraphs.join('\n').toLowerCase();
    expect(text).not.toContain('wendy');
    expect(text).not.toContain('wijkteam nijmegen');
    expect(text).toContain(REDACTION_MARK);
    expect(letter.protectedPassages).toBe(1);
  });
  it('without adults or a safety plan it still reads well', () => {
    const letter = closureLetter({ ...facts, addressees: [], hasSafetyPlan: false });
    expect(letter.paragraphs[0]).toBe('Beste bewoners,');
    expect(letter.paragraphs.join('\n')).not.toContain('veiligheidsplan');
  });
});

describe('adultsOn', () => {
  it('counts 18 years on the Amsterdam calendar day', () => {
    const members = [
      { fullName: 'Ouder', dateOfBirth: '1980-05-05' },
      { fullName: 'Bijna', dateOfBirth: '2008-09-02' },
      { fullName: 'Net', dateOfBirth: '2008-09-01' },
      { fullName: 'Kind', dateOfBirth: '2016-03-04' },
    ];
    expect(adultsOn(members, new Date('2026-09-01T09:00:00Z'))).toEqual(['Ouder', 'Net']);
  });
});
