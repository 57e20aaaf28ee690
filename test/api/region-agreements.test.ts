import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGION_AGREEMENTS } from '../../src/domain/region-agreements.ts';
import { REGIONS_DIR } from '../../src/modules/demo/seed-demo.ts';
import { loadRegionAgreements } from '../../src/modules/region/agreements.ts';
import { importRegionContent } from '../../src/modules/region/service.ts';
import { sampleReport, signIn, startTestApp, type TestApp } from '../support/test-app.ts';

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

describe('the case rules follow the region file', () => {
  it('monitoring moments and the closing threshold come from the agreements', async () => {
    const imported = await importRegionContent(
      t.deps,
      JSON.stringify({
        ...gz,
        agreements: { caseClosure: { minimumScore: 10 }, monitoring: { intervalsMonths: [2, 4] } },
      }),
      via,
    );
    expect(imported.ok).toBe(true);
    const local = await signIn(t, 'wijkteam.nijmegen');
    const report = await local.post<{ id: string }>(
      '/api/reports',
      sampleReport({ persons: [{ fullName: 'Gerda Gans', dateOfBirth: '1980-02-02', role: 'victim' }] }),
    );
    const caseId = (await local.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body.id;
    const detail = await local.get<{ members: { id: string }[] }>(`/api/cases/${caseId}`);
    const scored = await local.post(`/api/cases/${caseId}/assessments`, {
      scores: detail.body.members.map((m) => ({ participantId: m.id, score: 9 })),
      concerns: ['Terugval'],
      actions: [],
    });
    expect(scored.status).toBe(201);
    const plan = await local.post(`/api/cases/${caseId}/safety-plan`, {
      conditions: ['Geen geweld in huis'],
      agreements: [],
      ifItGoesWrong: 'Bel 112.',
      agreed: true,
    });
    expect(plan.status).toBe(201);
    for (const to of ['stable_safety', 'recovery', 'monitoring']) {
      expect((await local.post(`/api/cases/${caseId}/phase`, { to, reason: 'Volgende stap' })).status).toBe(
        200,
      );
    }
    const monitoring = await local.get<{ intervalsMonths: number[]; moments: { monthsAfter: number }[] }>(
      `/api/cases/${caseId}/monitoring`,
    );
    expect(monitoring.body.intervalsMonths).toEqual([2, 4]);
    expect(monitoring.body.moments.map((m) => m.monthsAfter)).toEqual([2, 4]);
    // A 9 would close a case under the default threshold of 7; this region asks for 10.
    const closed = await local.post<{ error: { details: { path: string }[] } }>(
      `/api/cases/${caseId}/closure`,
      {
        reasonCode: 'safety_stable',
        explanation: 'Veiligheid houdt stand.',
      },
    );
    expect(closed.status).toBe(400);
    const again = await importRegionContent(t.deps, JSON.stringify(gz), via);
    expect(again.ok).toBe(true);
    const closedWithDefaults = await local.post(`/api/cases/${caseId}/closure`, {
      reasonCode: 'safety_stable',
      explanation: 'Veiligheid houdt stand.',
    });
    expect(closedWithDefaults.status).toBe(201);
  });
});
