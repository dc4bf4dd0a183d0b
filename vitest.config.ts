import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests in Node (a file that needs a DOM says `// @vitest-environment happy-dom`
// on its first line, so pure modules don't pay for one); tests of the built dist/ (so `npm test`
// builds first): Chromium driven one file at a time, the npm package, the size budgets; and the
// collector's, in Node, on PGlite or on the PostgreSQL server of `DATABASE_URL` (whose tables the
// files share, so one at a time).
export default defineConfig({
  // Test files lie outside tsconfig's `include`, so say how their JSX compiles.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    // Vitest's default on a 2-core machine is one worker, one file at a time. The browser files
    // spend most of their time waiting on Chromium, the network and the widget's own timers, so
    // three at a time finish sooner; each has its own server, collector and browser context.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A condition polled in a test (`expect.poll`) may take long on a loaded machine: it is the
          // condition that ends the wait, not the timeout (vitest's 1 s default failed busy runs).
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'collector',
          include: ['test/collector/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
