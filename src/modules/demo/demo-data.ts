import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import { DateTime } from 'luxon';
import type { Engine } from '../../db/database.ts';
import { AMSTERDAM } from '../../domain/working-days.ts';
import { appendAuditEvent } from '../audit/store.ts';
import type { Deps } from '../deps.ts';
import { TABLES } from './synthetic/bulk-writer.ts';
import { describeGeneration, generateSyntheticData } from './synthetic/generate.ts';
import { APPROXIMATE_INHABITANTS } from './synthetic/municipality-weights.ts';
import { loadRegionPlans } from './synthetic/region-plan.ts';

/**
 * Figures for the demo region on `kring start --demo` (npm start): on a data directory without
 * them, two years of synthetic households, reports, advice requests and cases for Gelderland-Zuid
 * up to today, at the region's real volume (seed 000: about 2,839 reports a year), made by the
 * synthetic generator after the server listens, so the login page is there at once.
 *
 * - Requests are not starved: the generator writes through a connection that yields to the event
 *   loop after every statement, in small batches (one short transaction each), so PGlite's single
 *   connection is free between batches.
 * - A run that stopped half-way (Ctrl-C, a crash) is recognised on the next start: synthetic rows
 *   but no `demo.synthetic.generate` audit event, which the generator writes last. Those rows are
 *   removed, children first, in small deletes (audited as `demo.synthetic.discard`), and the run
 *   starts again. Every committed state is consistent: foreign keys hold after each delete.
 * - Only on the embedded database: one process owns a data directory. On a PostgreSQL server
 *   several instances may start at once; use `kring demo --years N` there.
 * - The region file has no population per municipality, so rates per 100,000 would stay hidden.
 *   Where a municipality has no figure at all, the generator's approximate size (scaled to the
 *   region's "ruim 536.000") is written once, marked as synthetic in the source column; a real
 *   figure imported later for that year replaces it, one for a later year outdates it.
 */
export const DEMO_DATA = { scale: 'region', years: 2, seed: 'kring', fraction: 1 } as const;
/** Rows per bulk write: small enough that a batch (and so a wait for the database) stays short. */
export const DEMO_DATA_BATCH = 1_000;
export const DEMO_POPULATION_SOURCE =
  'Synthetisch (Kring-demo): benaderd aantal inwoners, geen officieel CBS-cijfer';
const COMPLETED_ACTION = 'demo.synthetic.generate';
/** Synthetic ids look like 5e030001-0000-4000-8000-00000000007b (see synthetic/ids.ts). */
const SYNTHETIC_ID_PATTERN = '5e______-0000-4000-8000-%';
const SYNTHETIC_ID_RANGE = {
  from: '5e000000-0000-0000-0000-000000000000',
  to: '5f000000-0000-0000-0000-000000000000',
} as const;
/** Rows per delete while discarding: a delete stays well under a second. */
const DISCARD_CHUNK = 100;

export type DemoDataOutcome =
  | { status: 'generated'; summary: string; discarded: number }
  | { status: 'present' }
  | { status: 'skipped'; reason: string }
  | { status: 'stopped' }
  | { status: 'failed'; error: Error };

export interface DemoDataRun {
  /** Settles (never rejects) when the figures are there, or why not. */
  done: Promise<DemoDataOutcome>;
  /** Stops a running generation at its next batch (that batch rolls back) and waits for it. */
  stop(): Promise<void>;
}

class Stopped extends Error {}

/** Gives the event loop a turn after every statement; refuses further work once stopped. */
class YieldingPlugin implements KyselyPlugin {
  stopped = false;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.stopped) throw new Stopped('demo data generation stopped');
    return args.result;
  }
}

export interface DemoDataOptions {
  env: string;
  engine: Engine;
  /** One line for the operator; default: standard output. */
  print?: (line: string) => void;
  /** Tests make less: years and share of the real volume (default DEMO_DATA). */
  volume?: { years: number; fraction: number };
}

/** Starts making the demo region's figures in the background; see the module comment. */
export function startDemoData(deps: Deps, options: DemoDataOptions): DemoDataRun {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const plugin = new YieldingPlugin();
  const db = deps.db.withPlugin(plugin);
  const run = async (): Promise<DemoDataOutcome> => {
    if (options.engine !== 'pglite')
      return { status: 'skipped', reason: 'not the embedded database; use kring demo --years N' };
    const yielding: Deps = { ...deps, db };
    if (await isComplete(yielding)) return { status: 'present' };
    const discarded = await discardUnfinished(yielding);
    if (discarded > 0) print(`Demo: removed ${discarded} rows of an unfinished run of synthetic data`);
    const until = DateTime.fromJSDate(deps.now(), { zone: AMSTERDAM }).toISODate() ?? '';
    const volume = options.volume ?? { years: DEMO_DATA.years, fraction: DEMO_DATA.fraction };
    await addDemoPopulation(yielding, until, volume.years);
    print(
      `Demo: generating ${volume.years} years of synthetic figures for Gelderland-Zuid in the background…`,
    );
    const result = await generateSyntheticData(yielding, {
      ...DEMO_DATA,
      ...volume,
      until,
      env: options.env,
      batchSize: DEMO_DATA_BATCH,
    });
    return { status: 'generated', summary: describeGeneration(result), discarded };
  };
  const done = run().then(
    (outcome) => {
      if (outcome.status === 'generated') print(`Demo data ready: ${outcome.summary}`);
      return outcome;
    },
    (error: unknown): DemoDataOutcome => {
      if (error instanceof Stopped || plugin.stopped) return { status: 'stopped' };
      const failure = error instanceof Error ? error : new Error(String(error));
      print(`Demo: synthetic figures could not be made: ${failure.message}`);
      return { status: 'failed', error: failure };
    },
  );
  return {
    done,
    async stop() {
      plugin.stopped = true;
      await done;
    },
  };
}

/** The generator's own last step is the audit event; without it a run did not finish. */
async function isComplete(deps: Deps): Promise<boolean> {
  const found = await deps.db
    .selectFrom('audit_event')
    .select('position')
    .where('action', '=', COMPLETED_ACTION)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

/**
 * Removes the rows of an unfinished generation, children first. The first column of every generated
 * table is a synthetic id (or points at one), so nothing else matches. In small deletes, each its
 * own statement: deleting a report runs foreign-key checks and the insight triggers row by row, and
 * one long transaction would hold PGlite's only connection. A stop half-way leaves fewer synthetic
 * rows and still no completion event, so the next start goes on where this one stopped.
 */
export async function discardUnfinished(deps: Deps): Promise<number> {
  const tables = (Object.keys(TABLES) as (keyof typeof TABLES)[]).reverse();
  const removed: Record<string, number> = {};
  let total = 0;
  for (const table of tables) {
    const column = sql.ref(TABLES[table][0][0]);
    for (;;) {
      const result = await sql`
        delete from ${sql.table(table)} where ${column} in (
          select ${column} from ${sql.table(table)}
          where ${column} >= ${SYNTHETIC_ID_RANGE.from}::uuid and ${column} < ${SYNTHETIC_ID_RANGE.to}::uuid
            and ${column}::text like ${SYNTHETIC_ID_PATTERN}
          limit ${DISCARD_CHUNK})`.execute(deps.db);
      const n = Number(result.numAffectedRows ?? 0);
      if (n === 0) break;
      removed[table] = (removed[table] ?? 0) + n;
      total += n;
    }
  }
  if (total > 0)
    await deps.db.transaction().execute((trx) =>
      appendAuditEvent(trx, {
        actorUserId: null,
        actorOrganisationId: null,
        action: 'demo.synthetic.discard',
        recordType: 'synthetic_data',
        details: { reason: 'unfinished', rows: removed },
      }),
    );
  return total;
}

/**
 * The generator's approximate inhabitants of the demo region's municipalities (the weights it
 * spreads reports by, scaled to the region's "ruim 536.000"), as one figure in the first year of
 * the period for each municipality that has none, marked as synthetic; so rates per 100,000 match
 * the synthetic volume. A municipality of the region whose Veilig Thuis is another region's (Gennep)
 * gets its unscaled approximation, so the region's total rate is not hidden for want of it.
 */
export async function addDemoPopulation(deps: Deps, until: string, years: number): Promise<number> {
  const [plan] = await loadRegionPlans(deps, DEMO_DATA.scale);
  if (!plan) return 0;
  const year = DateTime.fromISO(until, { zone: AMSTERDAM }).year - years;
  const inRegion = await deps.db
    .selectFrom('region_municipality')
    .leftJoin('municipality_population as p', 'p.cbs_code', 'region_municipality.cbs_code')
    .select(['region_municipality.cbs_code', 'p.year'])
    .where('region_municipality.region_id', '=', plan.regionId)
    .execute();
  const known = new Set(inRegion.filter((m) => m.year !== null).map((m) => m.cbs_code));
  const planned = new Map(plan.municipalities.map((m) => [m.code, m.inhabitants]));
  const rows = [...new Set(inRegion.map((m) => m.cbs_code))].flatMap((code) => {
    const inhabitants = planned.get(code) ?? APPROXIMATE_INHABITANTS[code];
    if (known.has(code) || inhabitants === undefined) return [];
    return [{ cbs_code: code, year, inhabitants: Math.round(inhabitants), source: DEMO_POPULATION_SOURCE }];
  });
  if (rows.length === 0) return 0;
  await deps.db
    .insertInto('municipality_population')
    .values(rows)
    .onConflict((oc) => oc.columns(['cbs_code', 'year']).doNothing())
    .execute();
  return rows.length;
}
