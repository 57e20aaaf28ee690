import { defineConfig } from 'vitest/config';

// Three levels: pure domain rules (unit), the real app over HTTP against a real database (api),
// and the browser (e2e). `npm test` runs unit and api; CI also runs e2e.
export default defineConfig({
  test: {
    // One database per file; files run one at a time so PGlite instances do not compete for 2 cores.
    fileParallelism: false,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
