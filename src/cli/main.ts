import { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { verifyAudit } from '../modules/audit/service.ts';
import { DEMO_USERS } from '../modules/demo/demo-users.ts';
import { seedDemo } from '../modules/demo/seed-demo.ts';
import { describeGeneration, generateSyntheticData, MAX_YEARS } from '../modules/demo/synthetic/generate.ts';
import { createStderrProgress } from '../modules/demo/synthetic/progress.ts';
import { currentTotp } from '../modules/identity/totp.ts';
import { figuresImportOptions, importOutsideFiguresFile } from '../modules/insight/figures-service.ts';
import { importRegionFile } from '../modules/region/service.ts';
import { openDeps, startServer } from '../server.ts';

// PGlite's WebAssembly runtime resets process.exitCode when it closes, so the outcome is kept here
// and handed to process.exit explicitly once a one-shot command is done.
let failed = false;
let keepRunning = false;

const program = new Command('kring').description(
  'Kring: regional approach to domestic violence and child abuse',
);

program
  .command('start')
  .description('migrate the database and serve Kring')
  .option('--demo', 'load the Gelderland-Zuid demo region and demo users (refused when NODE_ENV=production)')
  .option('--no-jobs', 'do not run scheduled jobs in this instance')
  .action(async (opts: { demo?: boolean; jobs: boolean }) => {
    keepRunning = true;
    const started = Date.now();
    const config = loadConfig();
    const running = await startServer(config, {
      demo: opts.demo === true && config.env !== 'production',
      jobs: opts.jobs,
    });
    const engine =
      running.database.engine === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
    process.stdout.write(
      `\nKring is running at ${running.url} (${engine}), ready in ${Date.now() - started} ms\n`,
    );
    if (opts.demo && config.env === 'production')
      process.stdout.write('Demo data refused: NODE_ENV=production\n');
    const shutdown = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const { database } = await openDeps(loadConfig());
    try {
      const applied = await migrateToLatest(database.db as never);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    } finally {
      await database.close();
    }
  });

const importCommand = program.command('import').description('import configuration');
importCommand
  .command('region')
  .argument('<file>', 'region configuration file (JSON, see config/regions/README.md)')
  .description('validate and import a region; nothing is imported from an invalid file')
  .action(async (file: string) => {
    const { database, deps } = await openDeps(loadConfig());
    try {
      await migrateToLatest(database.db as never);
      const outcome = await importRegionFile(deps, file);
      if (!outcome.ok) {
        process.stderr.write(`${file}: ${outcome.problems.length} problem(s); nothing imported\n`);
        for (const p of outcome.problems) process.stderr.write(`  ${p.location}: ${p.message}\n`);
        failed = true;
        return;
      }
      process.stdout.write(
        `imported region ${outcome.code}: ${outcome.municipalities} municipalities, ${outcome.organisations} organisations\n`,
      );
    } finally {
      await database.close();
    }
  });
importCommand
  .command('figures')
  .argument('<file>', 'CSV or JSON: one row per municipality (CBS code or name) and year')
  .requiredOption('--kind <kind>', 'police (incidents and crimes of domestic violence) or population')
  .requiredOption('--source <text>', 'the publication the figures come from')
  .requiredOption('--source-date <date>', 'when the source was published (YYYY-MM-DD)')
  .option('--format <format>', 'csv or json (default: from the file name)')
  .description('validate and import outside figures; nothing is imported from a file with any problem')
  .action(async (file: string, opts: Record<string, string | undefined>) => {
    const options = figuresImportOptions.safeParse(opts);
    if (!options.success) throw new Error(`invalid options: ${z.prettifyError(options.error)}`);
    const { database, deps } = await openDeps(loadConfig());
    try {
      await migrateToLatest(database.db as never);
      const result = await importOutsideFiguresFile(deps, file, options.data);
      if (result.outcome === 'rejected') {
        process.stderr.write(`${file}: ${result.problems.length} problem(s); nothing imported\n`);
        for (const p of result.problems)
          process.stderr.write(
            `  line ${p.line ?? '-'}${p.column ? `, ${p.column}` : ''}: ${p.message.en} / ${p.message.nl}\n`,
          );
        failed = true;
        return;
      }
      process.stdout.write(
        `imported ${result.figures} ${result.kind} figures (${result.replaced} replaced) for ${result.municipalities} municipalities, ${result.years.from}–${result.years.to}\n`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('audit')
  .description('audit trail tools')
  .command('verify')
  .description('recompute the hash chain; exits 1 when any event was altered, removed or inserted')
  .action(async () => {
    const { database } = await openDeps(loadConfig());
    try {
      const result = await verifyAudit({ db: database.db });
      if (result.problems.length > 0) {
        process.stderr.write(
          `audit trail BROKEN: ${result.problems.length} problem(s) in ${result.count} events\n`,
        );
        for (const p of result.problems.slice(0, 50)) process.stderr.write(`  ${JSON.stringify(p)}\n`);
        failed = true;
        return;
      }
      process.stdout.write(
        `audit trail intact: ${result.count} events, head ${result.head.position} ${result.head.hash}\n`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description(
    'load the demo region and demo users; with --years also generate synthetic data (refused when NODE_ENV=production)',
  )
  .option('--years <n>', 'generate N years of synthetic households, reports and cases')
  .option('--scale <scale>', 'region (Gelderland-Zuid) or national (all Veilig Thuis regions)', 'region')
  .option('--seed <seed>', 'seed of the generator: the same seed gives the same data', 'kring')
  .option('--until <date>', 'first day after the generated period (default: 1 January of this year)')
  .action(async (opts: { years?: string; scale: string; seed: string; until?: string }) => {
    const config = loadConfig();
    const wantsData = opts.years !== undefined;
    const years = Number(opts.years);
    if (wantsData && (!Number.isInteger(years) || years < 1 || years > MAX_YEARS)) {
      process.stderr.write(`--years must be a whole number from 1 to ${MAX_YEARS}\n`);
      failed = true;
      return;
    }
    if (opts.scale !== 'region' && opts.scale !== 'national') {
      process.stderr.write('--scale must be region or national\n');
      failed = true;
      return;
    }
    const { database, deps } = await openDeps(config);
    try {
      await migrateToLatest(database.db as never);
      const { created } = await seedDemo(deps, config.env);
      process.stdout.write(
        created.length ? `demo users created: ${created.join(', ')}\n` : 'demo users already present\n',
      );
      if (!wantsData) return;
      const result = await generateSyntheticData(deps, {
        scale: opts.scale,
        years,
        seed: opts.seed,
        ...(opts.until ? { until: opts.until } : {}),
        env: config.env,
        progress: createStderrProgress(),
      });
      process.stdout.write(`${describeGeneration(result)}\n`);
    } finally {
      await database.close();
    }
  });

program
  .command('demo-code')
  .argument('<username>', 'a demo user, e.g. vt.intake')
  .description("print a demo user's current second-factor code, so you can sign in without a phone")
  .action((username: string) => {
    const user = DEMO_USERS.find((u) => u.username === username);
    if (!user) {
      process.stderr.write(
        `unknown demo user ${username}; demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}\n`,
      );
      failed = true;
      return;
    }
    process.stdout.write(`${currentTotp(user.totpSecret)}\n`);
  });

program.parseAsync(process.argv).then(
  () => {
    if (!keepRunning) process.exit(failed ? 1 : 0);
  },
  (error: unknown) => {
    process.stderr.write(`kring: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
