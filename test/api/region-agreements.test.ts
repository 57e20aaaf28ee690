import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGION_AGREEMENTS } from '../../src/domain/region-agreements.ts';
import { REGIONS_DIR } from '../../src/modules/demo/seed-demo.ts';
import { loadRegionAgreements } from '../../src/modules/region/agreements.ts';
import { importRegionContent } from '../../src/modules/region/service.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const gz = JSON.parse(readFileSync(path.join(REGIONS_DIR, 'gelderland-zuid.json'), 'utf8')) as object;
const via = { userId: null, via: 'test' };

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('working agreements of a region', () => {
  it('the demo region, which sets none, works with the defaults', async () => {
    const outcome = await importRegionContent(t.deps, JSON.stringify(gz), via);
    if (!outcome.ok) throw new Error('import failed');
    expect(await loadRegionAgreements(t.deps.db, outcome.regionId)).toEqual(DEFAULT_REGION_AGREEMENTS);
  });

  it('a re-import with agreements stores them; what it leaves out stays default', async () => {
    const outcome = await importRegionContent(
      t.deps,
      JSON.stringify({
        ...gz,
        agreements: { disclosure: { threshold: 10 }, caseClosure: { minimumScore: 8 } },
      }),
      via,
    );
    if (!outcome.ok) throw new Error('import failed');
    const agreements = await loadRegionAgreements(t.deps.db, outcome.regionId);
    expect(agreements.disclosure.threshold).toBe(10);
    expect(agreements.caseClosure).toEqual({ minimumScore: 8, assessmentMaxAgeDays: 30 });
    expect(agreements.handoverEscalation).toEqual(DEFAULT_REGION_AGREEMENTS.handoverEscalation);
  });

  it('an invalid ladder imports nothing and keeps the agreements in force', async () => {
    const outcome = await importRegionContent(
      t.deps,
      JSON.stringify({
        ...gz,
        agreements: { handoverEscalation: [{ level: 2, role: 'x', responseWorkingDays: 1 }] },
      }),
      via,
    );
    expect(outcome.ok).toBe(false);
    const region = await t.deps.db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'gelderland-zuid')
      .executeTakeFirstOrThrow();
    expect((await loadRegionAgreements(t.deps.db, region.id)).disclosure.threshold).toBe(10);
  });
});
