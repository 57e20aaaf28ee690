/**
 * Time from starting Kring (as `npm start` does) to the login page being served, on an empty and
 * on an existing data directory, plus the installed size. Run: npm run bench:startup
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const root = path.resolve(import.meta.dirname, '..');

async function timeToLoginPage(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [tsx, 'src/cli/main.ts', 'start', '--demo'], {
    cwd: root,
    env: { ...process.env, KRING_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/inloggen`);
        if (response.ok && (await response.text()).includes('id="root"')) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
      if (performance.now() - started > 120_000) throw new Error('Kring did not start within 120 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'kring-bench-'));
try {
  const empty = await timeToLoginPage(dir, 3301);
  const existing: number[] = [];
  for (let i = 0; i < 3; i++) existing.push(await timeToLoginPage(dir, 3302 + i));
  const size = (p: string) => execSync(`du -sm ${p}`, { cwd: root }).toString().split('\t')[0];
  console.log(`start → login page, empty data directory:    ${(empty / 1000).toFixed(2)} s`);
  console.log(
    `start → login page, existing data directory: ${(Math.min(...existing) / 1000).toFixed(2)} s (best of 3; runs ${existing.map((x) => (x / 1000).toFixed(2)).join(', ')})`,
  );
  console.log(`install size: node_modules ${size('node_modules')} MB, dist/web ${size('dist/web')} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
