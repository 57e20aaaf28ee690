import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let police: ApiClient;
let vt: ApiClient;
let local: ApiClient;

type Result = {
  imported: { externalRef: string; reference: string; lines: number[] }[];
  rejected: {
    externalRef: string;
    lines: number[];
    problems: { location: string; message: { nl: string; en: string } }[];
  }[];
};

const HEADER =
  'report_ref,municipality_code,acute,violence_kinds,description,person_name,person_date_of_birth,person_bsn,person_role';
const csv = [
  HEADER,
  'PL-001,GM0268,nee,partner_violence,Ruzie met geweld in woning,Karin Smit,1988-03-12,999996630,victim',
  'PL-001,GM0268,nee,partner_violence,Ruzie met geweld in woning,Mark Smit,1986-07-01,,perpetrator',
  'PL-002,GM0268,ja,child_abuse;partner_violence,"Kind met letsel, aangifte",Tim de Boer,2015-01-01,123456789,child',
  'PL-003,GM9999,nee,partner_violence,Melding buiten de regio,Ali Yilmaz,1970-01-01,,victim',
  'PL-004,GM0281,misschien,elder_abuse,Oudere vrouw verwaarloosd,Greet Jansen,1940-05-05,,victim',
  'PL-005,GM0281,ja,elder_abuse,Oudere man geslagen,Henk de Wit,1938-02-02,,victim',
  'PL-005,GM0268,ja,elder_abuse,Oudere man geslagen,Els de Wit,1941-03-03,,witness',
].join('\n');

const countReports = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('report')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  police = await signIn(t, 'politie.nijmegen');
  vt = await signIn(t, 'vt.intake');
  local = await signIn(t, 'wijkteam.nijmegen');
});
afterAll(async () => {
  await t.close();
});

describe('police batch import (CSV)', () => {
  it('imports the valid reports whole and lists every rejected row with line, field and reason', async () => {
    const r = await police.post<Result>('/api/reports/import', { format: 'csv', content: csv });
    expect(r.status).toBe(200);
    expect(r.body.imported.map((i) => i.externalRef)).toEqual(['PL-001']);
    expect(r.body.imported[0]?.lines).toEqual([2, 3]);
    const byRef = Object.fromEntries(r.body.rejected.map((x) => [x.externalRef, x]));
    expect(byRef['PL-002']?.problems.map((p) => p.location)).toContain('regel 4, person_bsn');
    expect(byRef['PL-002']?.problems[0]?.message.nl).toContain('elfproef');
    expect(byRef['PL-003']?.problems[0]?.message.nl).toContain('Veilig Thuis');
    expect(byRef['PL-004']?.problems.map((p) => p.location)).toContain('regel 6, acute');
    expect(byRef['PL-005']?.problems.map((p) => p.location)).toContain('regel 8, municipality_code');
    const persons = await t.deps.db
      .selectFrom('report_person')
      .innerJoin('report', 'report.id', 'report_person.report_id')
      .select('full_name')
      .where('report.external_ref', '=', 'PL-001')
      .execute();
    expect(persons.map((p) => p.full_name).sort()).toEqual(['Karin Smit', 'Mark Smit']);
  });

  it('the imported report is in the Veilig Thuis queue', async () => {
    const queue = await vt.get<{ reference: string; personCount: number }[]>('/api/veilig-thuis/queue');
    expect(queue.body.some((q) => q.personCount === 2)).toBe(true);
  });

  it('importing the same batch again imports nothing twice', async () => {
    const before = await countReports();
    const r = await police.post<Result>('/api/reports/import', { format: 'csv', content: csv });
    expect(r.body.imported).toEqual([]);
    expect(r.body.rejected.find((x) => x.externalRef === 'PL-001')?.problems[0]?.message.en).toContain(
      'imported before',
    );
    expect(await countReports()).toBe(before);
  });

  it('a file without the needed columns is refused as a whole', async () => {
    const r = await police.post<{ error: { code: string; details: { path: string }[] } }>(
      '/api/reports/import',
      { format: 'csv', content: 'ref;gemeente\nX;GM0268' },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]?.path).toContain('regel 1');
  });
});

describe('police batch import (JSON)', () => {
  it('validates every item and reports the index and field', async () => {
    const items = [
      {
        externalRef: 'PJ-1',
        municipalityCode: 'GM0268',
        acute: false,
        violenceKinds: ['child_abuse'],
        description: 'Zorgen over verwaarlozing',
        persons: [{ fullName: 'Noor Bakker', dateOfBirth: '2018-09-09', role: 'child' }],
      },
      {
        externalRef: 'PJ-2',
        municipalityCode: 'GM0268',
        acute: false,
        violenceKinds: ['stalking'],
        description: 'x',
        persons: [],
      },
    ];
    const r = await vt.post<Result>('/api/reports/import', {
      format: 'json',
      content: JSON.stringify(items),
    });
    expect(r.status).toBe(200);
    expect(r.body.imported.map((i) => i.externalRef)).toEqual(['PJ-1']);
    const locations = r.body.rejected[0]?.problems.map((p) => p.location) ?? [];
    expect(locations).toEqual(expect.arrayContaining(['[1].violenceKinds.0', '[1].persons']));
  });

  it('malformed JSON content is refused with a clear error', async () => {
    const r = await vt.post('/api/reports/import', { format: 'json', content: '[{"externalRef": ' });
    expect(r.status).toBe(400);
  });
});

describe('nothing half-imported', () => {
  it('a failure in the middle of a batch rolls back the whole batch', async () => {
    await sql`create function fail_on_crash() returns trigger language plpgsql as $$
      begin if new.external_ref = 'CRASH' then raise exception 'simulated crash'; end if; return new; end $$`.execute(
      t.deps.db,
    );
    await sql`create trigger fail_on_crash before insert on report for each row execute function fail_on_crash()`.execute(
      t.deps.db,
    );
    try {
      const before = await countReports();
      const content = [
        HEADER,
        'OK-1,GM0268,nee,partner_violence,Eerste,Ans Vos,1990-01-01,,victim',
        'CRASH,GM0268,nee,partner_violence,Tweede,Bas Vos,1990-01-01,,victim',
      ].join('\n');
      const r = await police.post('/api/reports/import', { format: 'csv', content });
      expect(r.status).toBe(500);
      expect(await countReports()).toBe(before);
      const ok = await t.deps.db
        .selectFrom('report')
        .select('id')
        .where('external_ref', '=', 'OK-1')
        .execute();
      expect(ok).toEqual([]);
    } finally {
      await sql`drop trigger fail_on_crash on report`.execute(t.deps.db);
      await sql`drop function fail_on_crash()`.execute(t.deps.db);
    }
  });
});

describe('who may import', () => {
  it('a local-team professional may not import police batches', async () => {
    const r = await local.post('/api/reports/import', { format: 'csv', content: csv });
    expect(r.status).toBe(403);
  });
});
