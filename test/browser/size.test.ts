// Size budgets of the built files (no Chromium needed, but it needs the build, which `npm test` does
// first): the budgets and brotli settings of `npm run bench`, so that a broken budget fails CI too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brotliSize, budgetOf, budgetProblems } from '../../bench/budgets.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

describe('size budgets (brotli, quality 11)', () => {
  it('hold for every file the build wrote', () => {
    const files = readdirSync(join(ROOT, 'dist')).map((name) => `dist/${name}`);
    const sizes = new Map(files.filter((file) => budgetOf(file)).map((file) => [file, brotliSize(readFileSync(join(ROOT, file)))]));
    expect(budgetProblems(sizes)).toEqual([]);
  });

  it('fail when a file is over its budget or missing, and check language files when there are some', () => {
    const sizes = new Map([
      ['dist/ressenti.min.js', 7_801],
      ['dist/ressenti-ui.min.js', 12_289],
      ['dist/ressenti-fr.min.js', 701],
      ['dist/ressenti-pt-BR.min.js', 700],
    ]);
    expect(budgetProblems(sizes)).toEqual([
      expect.stringMatching(/^npm build UI chunk: no file matches/),
      'dist/ressenti.min.js is 7,801 B brotli, over its 7,800 B budget by 1 B',
      'dist/ressenti-ui.min.js is 12,289 B brotli, over its 12,288 B budget by 1 B',
      'dist/ressenti-fr.min.js is 701 B brotli, over its 700 B budget by 1 B',
    ]);
  });
});
