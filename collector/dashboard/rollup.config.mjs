// The results dashboard (served by the collector at /results): one IIFE with Preact and uPlot,
// plus its pages and styles as files, since the collector's CSP allows no inline script or style.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const here = (file) => new URL(file, import.meta.url);

/** Copies the static files next to the bundle. */
const files = (names) => ({
  name: 'dashboard-files',
  generateBundle() {
    for (const [fileName, from] of Object.entries(names)) this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
  },
});

export default {
  input: 'collector/dashboard/main.tsx',
  onwarn: (warning) => console.warn(`(!) ${warning.message}`),
  plugins: [
    nodeResolve(),
    typescript({ tsconfig: 'collector/dashboard/tsconfig.json', noEmitOnError: true, outputToFilesystem: false }),
    terser({ ecma: 2020, format: { comments: false } }),
    files({
      'index.html': here('index.html'),
      'login.html': here('login.html'),
      'login.js': here('login.js'),
      'favicon.svg': here('favicon.svg'),
      'dashboard.css': here('dashboard.css'),
      'uplot.css': here('../../node_modules/uplot/dist/uPlot.min.css'),
    }),
  ],
  output: { file: 'dist/dashboard/app.js', format: 'iife' },
};
