import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DocumentField,
  type DocumentModel,
  mayReceiveField,
  REDACTION_MARK,
  type Recipient,
  redactForRecipient,
} from './anonymity.ts';

const field = (key: string, value: string, reporterIdentity = false, reporterId?: string): DocumentField => ({
  key,
  label: key,
  value,
  reporterIdentity,
  ...(reporterId === undefined ? {} : { reporterId }),
});

const letter: DocumentModel = {
  fields: [
    field('household.name', 'Familie Bakker'),
    field('reporter.firstName', 'Annemiek', true, 'r1'),
    field('reporter.surname', 'de Wit', true, 'r1'),
    field('reporter.organisation', 'Basisschool De Regenboog', true, 'r1'),
    field('reporter.phone', '06-12345678', true, 'r1'),
    field('report.summary', 'ANNEMIEK DE WIT van basisschool de regenboog (06-12345678) zag blauwe plekken.'),
    field('report.kind', 'kindermishandeling'),
    field('other.reporter', 'Kees Smit', true, 'r2'),
  ],
};

describe('redactForRecipient: a household letter', () => {
  const r = redactForRecipient(letter, { kind: 'household' });
  const text = JSON.stringify(r.document);

  it('drops every identity field and masks identities in free text regardless of case', () => {
    expect(r.document.fields.map((f) => f.key)).toEqual(['household.name', 'report.summary', 'report.kind']);
    expect(r.document.fields[1]?.value).toBe(
      `${REDACTION_MARK} ${REDACTION_MARK} van ${REDACTION_MARK} (${REDACTION_MARK}) zag blauwe plekken.`,
    );
    expect(r).toMatchObject({ removed: 5, masked: 1, withheld: 0 });
  });

  it.each(['Annemiek', 'de Wit', 'Regenboog', '06-12345678', 'Kees Smit'])('contains no trace of %s', (s) => {
    expect(text.toLowerCase()).not.toContain(s.toLowerCase());
  });

  it('masks accent variants too', () => {
    const doc = {
      fields: [field('reporter.name', 'Zoë Émile', true), field('note', 'Gesprek met zoe emile')],
    };
    expect(redactForRecipient(doc, { kind: 'household' }).document.fields).toEqual([
      field('note', `Gesprek met ${REDACTION_MARK}`),
    ]);
  });

  it('withholds a field whose key carries the identity', () => {
    const doc = { fields: [field('reporter.name', 'Annemiek', true), field('note.annemiek', 'x')] };
    expect(redactForRecipient(doc, { kind: 'household' })).toMatchObject({
      document: { fields: [] },
      withheld: 1,
    });
  });

  it('ignores a blank identity value (it identifies no one) but still drops the field', () => {
    const doc = { fields: [field('reporter.name', '   ', true), field('note', 'tekst')] };
    expect(redactForRecipient(doc, { kind: 'household' })).toMatchObject({
      document: { fields: [field('note', 'tekst')] },
      removed: 1,
    });
  });
});

describe('redactForRecipient: other recipients', () => {
  it('a partner without the right sees what the household sees', () => {
    expect(redactForRecipient(letter, { kind: 'partner_without_right' })).toEqual(
      redactForRecipient(letter, { kind: 'household' }),
    );
  });

  it('Veilig Thuis sees everything, unchanged', () => {
    expect(redactForRecipient(letter, { kind: 'veilig_thuis' })).toEqual({
      document: letter,
      removed: 0,
      masked: 0,
      withheld: 0,
    });
  });

  it('a reporter sees their own identity but not another reporter’s', () => {
    const r = redactForRecipient(letter, { kind: 'reporter', reporterId: 'r1' });
    expect(r.document.fields.map((f) => f.key)).toEqual([
      'household.name',
      'reporter.firstName',
      'reporter.surname',
      'reporter.organisation',
      'reporter.phone',
      'report.summary',
      'report.kind',
    ]);
    expect(r.removed).toBe(1);
  });

  it.each<[DocumentField, Recipient, boolean]>([
    [field('a', 'x'), { kind: 'household' }, true],
    [field('a', 'x', true), { kind: 'household' }, false],
    [field('a', 'x', true), { kind: 'partner_without_right' }, false],
    [field('a', 'x', true), { kind: 'veilig_thuis' }, true],
    [field('a', 'x', true, 'r1'), { kind: 'reporter', reporterId: 'r1' }, true],
    [field('a', 'x', true, 'r2'), { kind: 'reporter', reporterId: 'r1' }, false],
    [field('a', 'x', true), { kind: 'reporter', reporterId: 'r1' }, false],
  ])('mayReceiveField(%j, %j) = %s', (f, recipient, expected) => {
    expect(mayReceiveField(f, recipient)).toBe(expected);
  });
});

// Documents whose free text is built from pieces of the identity values, in other cases, to
// make leaks likely.
const documentArb = (unit: 'grapheme' | 'grapheme-ascii'): fc.Arbitrary<DocumentModel> =>
  fc
    .tuple(
      fc.array(fc.string({ minLength: 0, maxLength: 8, unit }), { minLength: 1, maxLength: 4 }),
      fc.array(
        fc.tuple(
          fc.string({ maxLength: 6, unit }),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom('same', 'upper', 'lower', 'text')), { maxLength: 5 }),
          fc.string({ maxLength: 6, unit }),
        ),
        { maxLength: 5 },
      ),
      fc.array(fc.string({ maxLength: 10, unit }), { maxLength: 3 }),
    )
    .map(([secrets, pieces, noise]) => {
      const pick = (i: number) => secrets[i % secrets.length] ?? '';
      const fields: DocumentField[] = secrets.map((s, i) => field(`reporter.${i}`, s, true));
      pieces.forEach(([label, parts, tail], i) => {
        const value = parts
          .map(([n, how]) =>
            how === 'upper'
              ? pick(n).toUpperCase()
              : how === 'lower'
                ? pick(n).toLowerCase()
                : how === 'text'
                  ? ' en '
                  : pick(n),
          )
          .join('');
        fields.push({
          key: `free.${i}`,
          label: label + pick(i),
          value: value + tail,
          reporterIdentity: false,
        });
      });
      noise.forEach((n, i) => {
        fields.push(field(`plain.${i}`, n));
      });
      return { fields };
    })
    .chain((doc) =>
      fc.shuffledSubarray([...doc.fields], { minLength: doc.fields.length }).map((fields) => ({ fields })),
    );

function outputStrings(doc: DocumentModel): string[] {
  return doc.fields.flatMap((f) => [f.key, f.label, f.value]);
}

describe('redactForRecipient: properties', () => {
  const hiddenFrom = fc.constantFrom<Recipient>({ kind: 'household' }, { kind: 'partner_without_right' });
  const secretsOf = (doc: DocumentModel) =>
    doc.fields
      .filter((f) => f.reporterIdentity)
      .map((f) => f.value.trim())
      .filter((v) => v !== '');

  it('household output never contains a (non-blank) value flagged as reporter identity (Unicode)', () => {
    fc.assert(
      fc.property(documentArb('grapheme'), hiddenFrom, (doc, recipient) => {
        const out = redactForRecipient(doc, recipient).document;
        for (const s of outputStrings(out))
          for (const secret of secretsOf(doc)) expect(s.includes(secret)).toBe(false);
        expect(out.fields.some((f) => f.reporterIdentity)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('nor any upper- or lower-case variant of it (ASCII)', () => {
    fc.assert(
      fc.property(documentArb('grapheme-ascii'), hiddenFrom, (doc, recipient) => {
        const out = redactForRecipient(doc, recipient).document;
        for (const s of outputStrings(out))
          for (const secret of secretsOf(doc))
            expect(s.toLowerCase().includes(secret.toLowerCase())).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('also for arbitrary strings in every position', () => {
    const anyField = fc.record({
      key: fc.string({ maxLength: 6 }),
      label: fc.string({ maxLength: 6 }),
      value: fc.string({ maxLength: 12 }),
      reporterIdentity: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(anyField, { maxLength: 8 }), (fields) => {
        const out = redactForRecipient({ fields }, { kind: 'household' }).document;
        const secrets = fields
          .filter((f) => f.reporterIdentity)
          .map((f) => f.value.trim())
          .filter((v) => v !== '');
        for (const s of outputStrings(out))
          for (const secret of secrets) expect(s.includes(secret)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('fields that mention no identity pass unchanged, in order', () => {
    fc.assert(
      fc.property(documentArb('grapheme-ascii'), (doc) => {
        const r = redactForRecipient(doc, { kind: 'household' });
        const secrets = doc.fields
          .filter((f) => f.reporterIdentity)
          .map((f) => f.value.trim().toLowerCase())
          .filter((v) => v !== '');
        const untouched = doc.fields.filter(
          (f) =>
            !f.reporterIdentity &&
            !secrets.some((s) => [f.key, f.label, f.value].some((t) => t.toLowerCase().includes(s))) &&
            !REDACTION_MARK.includes(f.value),
        );
        const out = r.document.fields.filter((f) => untouched.includes(f));
        expect(out).toEqual(untouched);
        expect(r.removed + r.withheld + r.document.fields.length).toBe(doc.fields.length);
      }),
      { numRuns: 1000 },
    );
  });
});
