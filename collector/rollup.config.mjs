// The collector's build (after the widget's, which empties dist/ first): collector/*.ts →
// dist/collector/index.mjs (createCollector) and dist/collector/cli.mjs (the `ressenti-collector`
// bin). Node code: no minification; drivers and Node built-ins stay imports.
import { chmodSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';

export default {
  input: { index: 'collector/index.ts', cli: 'collector/cli.ts' },
  external: (id) => id.startsWith('node:') || id === 'pg' || id.startsWith('@electric-sql/pglite'),
  // A type error fails the build; collector/tsconfig.json is the collector's own (Node, no DOM).
  plugins: [
    typescript({ tsconfig: 'collector/tsconfig.json', noEmit: false, noEmitOnError: true, outputToFilesystem: false }),
    { name: 'executable-bin', writeBundle: () => chmodSync('dist/collector/cli.mjs', 0o755) },
  ],
  onwarn: (warning) => console.warn(`(!) ${warning.message}`),
  output: {
    dir: 'dist/collector',
    format: 'es',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
    banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
  },
};
