import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests in happy-dom, and browser tests that drive Chromium against
// the built dist/ (so `npm test` builds first), one file at a time.
export default defineConfig({
  // Test files lie outside tsconfig's `include`, so say how their JSX compiles.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
